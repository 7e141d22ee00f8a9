import { browser } from 'wxt/browser';

/** The context menu item on selected text. */
export const LOOKUP_MENU_ID = 'myolens-lookup';

/** Longest query the guide tab is opened with (a selection can be a whole page). */
const MAX_QUERY = 100;

/**
 * The context menu API. Chromium calls it `contextMenus`; Firefox's own name is `menus`,
 * but the manifest's `contextMenus` permission gives Firefox `browser.contextMenus` only
 * (`browser.menus` stays undefined), with the same calls. Items made once at install
 * survive background restarts in both: Chromium's service worker and Firefox's event page
 * (checked in ESR 140 and 153 by tests/firefox/smoke.ts), so index.ts makes them in
 * `onInstalled` alone.
 */
export function contextMenus(): typeof browser.contextMenus {
  return browser.contextMenus;
}

/** The search a selection becomes: whitespace folded, cut at a word near MAX_QUERY. */
export function lookupQuery(selection: string | undefined): string {
  const text = (selection ?? '').replace(/\s+/g, ' ').trim();
  if (text.length <= MAX_QUERY) return text;
  const cut = text.slice(0, MAX_QUERY);
  const space = cut.lastIndexOf(' ');
  return space > MAX_QUERY / 2 ? cut.slice(0, space) : cut;
}
