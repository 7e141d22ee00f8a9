import { browser } from 'wxt/browser';

export { lookupQuery } from '@/lib/lookup';

/** The context menu item on selected text. */
export const LOOKUP_MENU_ID = 'myolens-lookup';

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
