import type { BrowserContext, Page, Worker } from '@playwright/test';
import { glossary } from '../../content/glossary-index';
import { compileMatcher } from '../../lib/matcher';

/** The bit of the extension API the tests call inside extension contexts. */
interface ChromeGlobal {
  chrome: {
    storage: {
      sync: {
        get(key: string): Promise<Record<string, Record<string, unknown> | undefined>>;
        set(items: Record<string, unknown>): Promise<void>;
      };
    };
  };
}

/** Writes settings the way the extension stores them (storage.sync, key "settings"). */
export async function setSettings(
  background: Worker,
  patch: Record<string, unknown>,
): Promise<void> {
  await background.evaluate(async (p) => {
    const area = (globalThis as unknown as ChromeGlobal).chrome.storage.sync;
    const current = (await area.get('settings')).settings ?? {};
    await area.set({ settings: { version: 2, ...current, ...p } });
  }, patch);
}

/** Waits until the page's marks stop changing (the highlighter works in idle slices). */
export async function marksSettled(page: Page, timeout = 15_000): Promise<number> {
  let last = -1;
  let stable = 0;
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const n = await page.locator('mark[data-myolens-term]').count();
    stable = n === last ? stable + 1 : 0;
    if (stable >= 3) return n;
    last = n;
    await page.waitForTimeout(150);
  }
  throw new Error(`marks did not settle (last count ${last})`);
}

/** Marks on the page, counted per term id. */
export async function markCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const m of document.querySelectorAll('mark[data-myolens-term]')) {
      const id = m.getAttribute('data-myolens-term')!;
      out[id] = (out[id] ?? 0) + 1;
    }
    return out;
  });
}

/** What should be marked, per term: `expectedMentions` counted. */
export async function expectedCounts(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const id of await expectedMentions(page)) out[id] = (out[id] ?? 0) + 1;
  return out;
}

/**
 * Every mention the page should have, in document order, computed without the
 * highlighter: the page's text nodes outside excluded elements (an ancestor walk written
 * here, not the content script's selector), run through the matcher in Node.
 */
export async function expectedMentions(page: Page): Promise<string[]> {
  const { texts, all } = await page.evaluate(() => {
    const skip = new Set([
      'SCRIPT',
      'STYLE',
      'NOSCRIPT',
      'TEMPLATE',
      'HEAD',
      'TITLE',
      'TEXTAREA',
      'INPUT',
      'SELECT',
      'OPTION',
      'BUTTON',
      'CODE',
      'PRE',
      'KBD',
      'SAMP',
      'SVG',
      'MATH',
      'MARK',
    ]);
    const excluded = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        if (e.namespaceURI !== 'http://www.w3.org/1999/xhtml') return true;
        if (skip.has(e.tagName) && e.getAttribute('data-myolens-term') === null) return true;
        const ce = e.getAttribute('contenteditable');
        if (ce !== null && ce !== 'false') return true;
        if (e.getAttribute('role') === 'textbox') return true;
      }
      return false;
    };
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    // Marks split text nodes: join the pieces of each original node back together.
    let current = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      const inMark = parent?.hasAttribute('data-myolens-term') ?? false;
      if (!inMark && excluded(parent)) continue;
      current += (n as Text).data;
      const next = inMark ? parent!.nextSibling : n.nextSibling;
      const continues =
        next && (next.nodeType === 3 || (next as Element).hasAttribute?.('data-myolens-term'));
      if (!continues) {
        texts.push(current);
        current = '';
      }
    }
    return { texts, all: document.body.textContent ?? '' };
  });
  const matcher = compileMatcher(glossary);
  const active = matcher.activeIds(all);
  return texts.flatMap((t) => matcher.match(t, active).map((span) => span.termId));
}

/**
 * Opens `url` with MyoLens off, keeps the page's own body HTML, then turns MyoLens on and
 * waits for the marks: the start of every "on, then off restores the page" test.
 */
export async function openUnmarkedThenMark(
  context: BrowserContext,
  background: Worker,
  url: string,
): Promise<{ page: Page; before: string; marks: number }> {
  await setSettings(background, { enabled: false });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForTimeout(300);
  const before = await page.evaluate(() => document.body.innerHTML);
  await setSettings(background, { enabled: true });
  const marks = await marksSettled(page);
  return { page, before, marks };
}
