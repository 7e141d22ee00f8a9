/**
 * Everything the popup and the guide tab show, assembled once per page load: content,
 * the loaded search index, link titles, and one settings store.
 */
import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { anchorTitles, faq, glossary, guide, termById } from '../content/index';
import { paintsHighlights } from '../entrypoints/highlighter.content/browser-quirks';
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

/** `runtime.getBrowserInfo()` where there is one (Firefox), else null. */
async function engineInfo(): Promise<{ name: string; version: string } | null> {
  const info = (
    browser.runtime as { getBrowserInfo?: () => Promise<{ name: string; version: string }> }
  ).getBrowserInfo;
  return info ? info() : null;
}

/** What the settings view needs from the browser: its name, shortcuts, whether it paints. */
export const settingsEnvironment = {
  browserName: import.meta.env.BROWSER,
  loadShortcuts: () => browser.commands.getAll(),
  // The content script's own decision, taken in this page: same engine, same answer.
  paints: () => paintsHighlights(window, import.meta.env.FIREFOX, engineInfo),
  // Firefox has no page to link to (about:addons lists shortcuts behind a gear menu).
  openShortcutSettings:
    import.meta.env.BROWSER === 'firefox'
      ? undefined
      : () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' }),
};
