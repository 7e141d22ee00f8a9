/**
 * Everything the popup and the guide tab show, assembled once per page load: content,
 * the loaded search index, link titles, and one settings store.
 */
import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { anchorTitles, faq, glossary, guide, termById } from '../content/index';
import { loadKnowledgeSearch } from '../lib/search/setup';
import { createSettingsStore, defineSettingsSlots } from '../lib/settings';
import type { AppData } from './MyoLensApp';

/** The app's content and search. */
export function loadAppData(): AppData {
  return {
    guide,
    faq,
    glossary,
    anchors: anchorTitles(guide, faq),
    ...loadKnowledgeSearch({ guide, faq, glossary }),
  };
}

/** The label of a glossary term, for lists of ids (hidden terms). */
export const termLabel = (id: string): string | undefined => termById(id)?.label;

/** The settings store over the extension's storage (sync, with local fallback). */
export const createAppSettingsStore = () => createSettingsStore(defineSettingsSlots(storage));

/** What the settings view needs from the browser: its name and the keyboard shortcuts. */
export const settingsEnvironment = {
  browserName: import.meta.env.BROWSER,
  loadShortcuts: () => browser.commands.getAll(),
  // Firefox has no page to link to (about:addons lists shortcuts behind a gear menu).
  openShortcutSettings:
    import.meta.env.BROWSER === 'firefox'
      ? undefined
      : () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' }),
};
