/** Where MyoLens runs: the on/off switch and the site list, applied to one hostname. */
import { hostMatchesRule, normalizeHostname } from '../hostname';
import { MAX_SITES, type Settings } from './schema';

/** The site-list rules that cover a hostname (itself or a parent domain). */
export function rulesCovering(settings: Settings, hostname: string): string[] {
  const host = normalizeHostname(hostname);
  if (host === null) return [];
  return settings.sites.filter((rule) => hostMatchesRule(rule, host));
}

/**
 * Whether MyoLens should mark terms on a page with this hostname. A page without a
 * usable hostname (file://, an intranet single-label name) is never "listed".
 */
export function isEnabledOn(settings: Settings, hostname: string): boolean {
  if (!settings.enabled) return false;
  const listed = rulesCovering(settings, hostname).length > 0;
  return settings.siteMode === 'all-except' ? !listed : listed;
}

/**
 * Whether MyoLens runs in a frame on `hostname` ('' for srcdoc and about:blank frames)
 * inside a top-level page on `topHostname`: the top's site governs its frames, so a site
 * turned off is off in its frames too; in "all sites except" mode a frame's own site
 * turned off is off as well. In "only these sites" mode a frame follows the top-level
 * page: listing a webmail site explains the newsletters it frames, wherever they come
 * from. An unknown top (null: its page has no MyoLens) leaves the frame's own site.
 */
export function isEnabledInFrame(
  settings: Settings,
  hostname: string,
  topHostname: string | null,
): boolean {
  if (topHostname === null) return isEnabledOn(settings, hostname);
  if (!isEnabledOn(settings, topHostname)) return false;
  return settings.siteMode !== 'all-except' || !hostname || isEnabledOn(settings, hostname);
}

/**
 * Flips whether MyoLens runs on this hostname, in either mode: removes every rule that
 * covers it (a parent-domain rule too, since no narrower exception exists), or adds the
 * exact hostname. Returns the same object when nothing can change (invalid hostname,
 * full list), so callers can tell by identity.
 */
export function toggleSite(settings: Settings, hostname: string): Settings {
  const host = normalizeHostname(hostname);
  if (host === null) return settings;
  const covering = rulesCovering(settings, host);
  if (covering.length > 0) {
    return { ...settings, sites: settings.sites.filter((rule) => !covering.includes(rule)) };
  }
  if (settings.sites.length >= MAX_SITES) return settings;
  return { ...settings, sites: [...settings.sites, host] };
}
