/**
 * Who sent a message: one of our extension pages, our content script, or a stranger
 * (another extension, a web page). Everything here is decided from `runtime.id` and the
 * sender's URL and tab, never from anything the message says about itself.
 */

/** The fields of `runtime.MessageSender` that decide trust. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** Who sent a message: one of our pages (popup, guide, background) or a content script. */
export type SenderKind = 'extension-page' | 'content-script';

/** Our identity: `browser.runtime.id` and `browser.runtime.getURL('')`. */
export interface OwnExtension {
  ownId: string;
  /** Firefox's origin holds a per-install UUID, not the id, so it is passed in, not built. */
  ownOrigin: string;
}

const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/$/i;

// Compared with a trailing slash, so "chrome-extension://abc" is no prefix of
// "chrome-extension://abcd/"; an empty or malformed origin matches nothing.
function fromOwnOrigin(url: string | undefined, ownOrigin: string): boolean {
  const origin = ownOrigin.endsWith('/') ? ownOrigin : `${ownOrigin}/`;
  return ORIGIN.test(origin) && typeof url === 'string' && url.startsWith(origin);
}

/** Whether a sender is one of our extension pages (popup, guide tab, background). */
export function isExtensionPageSender(sender: SenderLike, own: OwnExtension): boolean {
  return sender.id === own.ownId && fromOwnOrigin(sender.url, own.ownOrigin);
}

/** Whether a sender is our content script running in a web page's tab. */
export function isContentScriptSender(sender: SenderLike, own: OwnExtension): boolean {
  const inTab = typeof sender.tab === 'object' && sender.tab !== null;
  return sender.id === own.ownId && inTab && !fromOwnOrigin(sender.url, own.ownOrigin);
}

/** Which of our contexts sent a message, or null when it is not ours. */
export function senderKind(sender: SenderLike, own: OwnExtension): SenderKind | null {
  if (isExtensionPageSender(sender, own)) return 'extension-page';
  if (isContentScriptSender(sender, own)) return 'content-script';
  return null;
}

/**
 * Whether a sender is this extension (its id is ours) and, when `allow` is given, one
 * of those kinds. Other extensions, web pages and senders without an id are refused.
 */
export function isTrustedSender(
  sender: SenderLike,
  ownId: string,
  opts: { ownOrigin: string; allow?: readonly SenderKind[] },
): boolean {
  if (typeof ownId !== 'string' || ownId === '' || sender.id !== ownId) return false;
  const kind = senderKind(sender, { ownId, ownOrigin: opts.ownOrigin });
  return kind !== null && (opts.allow === undefined || opts.allow.includes(kind));
}
