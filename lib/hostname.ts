/**
 * Hostname rules for the site list: one normal form, so that what the user typed,
 * what storage holds and what `location.hostname` says compare as plain strings.
 */

/** Longest input worth parsing; anything longer cannot become a 253-character hostname. */
const MAX_INPUT = 2048;
/** RFC 1035 limits, which the WHATWG URL parser does not enforce on its own. */
const MAX_HOSTNAME = 253;
// Underscores are not RFC-valid but real hosts use them and browsers load them.
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
// The URL parser silently deletes tabs and newlines ("exa\nmple.com" becomes
// "example.com"), so they are refused before it sees them, with every other space.
const SPACE_OR_CONTROL = /[\s\p{Cc}]/u;

/**
 * The canonical form of a hostname typed or pasted by the user ("HTTPS://Www.Example.com:8080/x"
 * gives "www.example.com"; "bücher.de" gives "xn--bcher-kva.de"), or null when it is not one.
 */
export function normalizeHostname(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const trimmed = input.trim();
  if (trimmed === '' || trimmed.length > MAX_INPUT || SPACE_OR_CONTROL.test(trimmed)) return null;
  // "user@host" would make the URL parser read the part before "@" as credentials,
  // and "*" is a legal host character to it: neither is a hostname rule.
  if (trimmed.includes('@') || trimmed.includes('*')) return null;
  const rest = trimmed.replace(SCHEME, '');
  if (rest.startsWith('/')) return null; // "file:///..." and "http:///" name no host
  let host: string;
  try {
    // Parsing as http gives WHATWG host processing: IDNA to punycode, lowercase,
    // percent-decoding, IPv4 canonicalisation; port, path and query fall away.
    host = new URL(`http://${rest}`).hostname;
  } catch {
    return null;
  }
  if (host.startsWith('[')) return host; // IPv6, already canonical
  if (host.endsWith('.')) host = host.slice(0, -1); // "example.com." is the same host
  if (host === '' || host.length > MAX_HOSTNAME) return null;
  if (IPV4.test(host)) return host;
  const labels = host.split('.');
  if (!labels.every((label) => LABEL.test(label))) return null;
  // A single label would be a whole top-level domain ("com"), except localhost.
  if (labels.length === 1 && host !== 'localhost') return null;
  return host;
}

/** Whether a hostname is an IP literal, which has no subdomains. */
export function isIpHostname(host: string): boolean {
  return host.startsWith('[') || IPV4.test(host);
}

/**
 * Whether a normalised rule covers a normalised host: the host itself or any subdomain
 * ("example.com" covers "www.example.com", never "badexample.com").
 */
export function hostMatchesRule(rule: string, host: string): boolean {
  if (host === rule) return true;
  // An address has no subdomains: "0.0.1" must not cover "127.0.0.1".
  if (isIpHostname(rule) || isIpHostname(host)) return false;
  return host.endsWith(`.${rule}`);
}
