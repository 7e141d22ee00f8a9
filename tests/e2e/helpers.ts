import type { BrowserContext, Frame, Page, Worker } from '@playwright/test';
import { glossary } from '../../content/glossary-index';
import { compileMatcher, type Span } from '../../lib/matcher';
import { pageTopicReader } from '../../lib/topic';
import { backgroundWorker } from '../support/extension';
import { quiet } from './content-world';
import { EXTENSION_DIR } from './paths';

/** The bit of the extension API the tests call inside extension contexts. */
interface TabsApi {
  query(query: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: unknown, options?: { frameId: number }): Promise<unknown>;
}

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

/** What the content script answers `get-page-terms` and `when-idle` with. */
export interface PageTermsAnswer {
  terms: { id: string; count: number }[];
  /** Whether MyoLens is on in the page (its settings arrived and say so). */
  available: boolean;
  hostname: string;
}

const tabIds = new WeakMap<Page, number>();

/**
 * The tab id of `page`. The background has no `tabs` permission, so it cannot find a tab
 * by URL: the page is brought to the front once and the active tab asked for; the id is
 * kept (it lasts the tab's life, across navigations).
 */
async function tabIdOf(page: Page): Promise<number> {
  const known = tabIds.get(page);
  if (known !== undefined) return known;
  const background = await backgroundWorker(page.context(), EXTENSION_DIR);
  await page.bringToFront();
  const id = await background.evaluate(async () => {
    const { tabs } = (globalThis as unknown as { chrome: { tabs: TabsApi } }).chrome;
    const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (id === undefined) throw new Error('no active tab');
  tabIds.set(page, id);
  return id;
}

/**
 * Asks the page's content script `when-idle` from the background (an extension page, as
 * the content script requires) and returns its answer, sent once every queued walk,
 * write and sweep is done. Asks again while no content script listens yet (the page is
 * loading) or `until` rejects the answer (a setting on its way through storage.onChanged).
 */
export async function whenIdle(
  page: Page,
  until: (answer: PageTermsAnswer) => boolean = () => true,
  timeout = 20_000,
): Promise<PageTermsAnswer> {
  const background = await backgroundWorker(page.context(), EXTENSION_DIR);
  const tabId = await tabIdOf(page);
  const end = Date.now() + timeout;
  for (let wait = 25; ; wait = Math.min(wait * 2, 200)) {
    const answer = await background.evaluate(
      async ({ tabId, wait }) => {
        const { tabs } = (globalThis as unknown as { chrome: { tabs: TabsApi } }).chrome;
        const end = Date.now() + wait;
        for (;;) {
          try {
            return (await tabs.sendMessage(tabId, { type: 'when-idle' }, { frameId: 0 })) as
              PageTermsAnswer | undefined;
          } catch (err) {
            // No listener yet, or the page navigated while we asked: ask again.
            if (Date.now() > end) throw err;
            await new Promise((r) => setTimeout(r, 25));
          }
        }
      },
      { tabId, wait: Math.max(0, end - Date.now()) },
    );
    if (answer && until(answer)) return answer;
    if (Date.now() > end)
      throw new Error(`when-idle in ${page.url()}: last answer ${JSON.stringify(answer)}`);
    // The answer is not the one awaited yet (a setting still on its way): ask again soon.
    await new Promise((r) => setTimeout(r, wait));
  }
}

/** Mentions per term in a `when-idle` answer. */
export function countsOf(answer: PageTermsAnswer): Record<string, number> {
  return Object.fromEntries(answer.terms.map((t) => [t.id, t.count]));
}

/** The number of mentions in a `when-idle` answer. */
function totalOf(answer: PageTermsAnswer): number {
  return answer.terms.reduce((n, t) => n + t.count, 0);
}

/**
 * Waits until MyoLens is on in the page, its scan idle with at least `min` mentions
 * found; returns how many it found.
 */
export async function scanned(page: Page, min = 1, timeout?: number): Promise<number> {
  return totalOf(await whenIdle(page, (a) => a.available && totalOf(a) >= min, timeout));
}

/**
 * Waits until the content script is done with the page for now: its scan idle, and no
 * timer, frame or message of its pending (see ContentWorld.quiet); the scan once more,
 * in case what was pending queued more.
 */
export async function settledAll(page: Page): Promise<PageTermsAnswer> {
  await whenIdle(page);
  await quiet(page);
  return whenIdle(page);
}

/** Waits until MyoLens is off in the page (its settings arrived and say so). */
export async function unmarked(page: Page): Promise<void> {
  await whenIdle(page, (a) => !a.available);
}

/**
 * Waits until MyoLens is on in the page and its scan idle; returns the number of the
 * wrap renderer's marks then (all of them are written by the time the scan is idle).
 */
export async function marked(page: Page, min = 1): Promise<number> {
  await scanned(page, min);
  return page.locator('mark[data-myolens-term]').count();
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
export async function expectedCounts(page: Page | Frame): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const id of await expectedMentions(page)) out[id] = (out[id] ?? 0) + 1;
  return out;
}

/** A box in CSS pixels, relative to the viewport. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Which mention `textRuns` measures: run `run`, UTF-16 offsets [start, end) of it. */
interface Pick {
  run: number;
  start: number;
  end: number;
  scroll: boolean;
}

/**
 * Runs in the page. Without `pick`: the text of every run of text a mention can be in
 * (the page's text nodes outside excluded elements, open shadow roots' included, an ancestor walk written here, not
 * the content script's selector; the pieces the wrap renderer's marks split a node into
 * joined back), and the body's text. With `pick`: the client rects (one per line) of
 * that part of that run, after scrolling it into view when asked.
 */
function textRuns(pick: Pick | null): { texts: string[]; all: string; rects: Rect[] } {
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
  // The text nodes in composed order: an open shadow root's where its host is, before
  // the host's own children (as MyoLens orders mentions; closed roots are out of reach).
  const nodes: Text[] = [];
  const roots: ShadowRoot[] = [];
  const collect = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const shadow = n.nodeType === 1 ? (n as Element).shadowRoot : null;
      if (n.nodeType === 3) nodes.push(n as Text);
      else if (shadow) {
        roots.push(shadow);
        collect(shadow);
      }
    }
  };
  collect(document.body);
  // Marks split text nodes: join the pieces of each original node back together.
  let current = '';
  let pieces: Text[] = [];
  for (const n of nodes) {
    const parent = n.parentElement;
    const inMark = parent?.hasAttribute('data-myolens-term') ?? false;
    if (!inMark && excluded(parent)) continue;
    current += (n as Text).data;
    pieces.push(n as Text);
    const next = inMark ? parent!.nextSibling : n.nextSibling;
    const continues =
      next && (next.nodeType === 3 || (next as Element).hasAttribute?.('data-myolens-term'));
    if (continues) continue;
    if (pick && pick.run === texts.length) {
      // Offsets in the joined text, back to (piece, offset) pairs.
      const at = (offset: number, end: boolean): [Text, number] => {
        let left = offset;
        for (const piece of pieces) {
          const len = piece.data.length;
          if (left < len || (end && left === len)) return [piece, left];
          left -= len;
        }
        const last = pieces.at(-1)!;
        return [last, last.data.length];
      };
      const range = new Range();
      range.setStart(...at(pick.start, false));
      range.setEnd(...at(pick.end, true));
      if (pick.scroll)
        range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const rects = [...range.getClientRects()].map((r) => ({
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
      }));
      return { texts, all: '', rects };
    }
    texts.push(current);
    current = '';
    pieces = [];
  }
  const all = [document.body, ...roots].map((r) => r.textContent ?? '').join(' ');
  return { texts, all, rects: [] };
}

/** A mention the page should have: the run of text it is in, where, and its text. */
interface MentionSpan {
  run: number;
  span: Span;
  text: string;
}

/** Every mention the page should have (see expectedMentions), in document order. */
async function mentionSpans(page: Page | Frame): Promise<MentionSpan[]> {
  const { texts, all } = await page.evaluate(textRuns, null);
  const matcher = compileMatcher(glossary);
  const active = matcher.activeIds(all);
  // Shared forms only on a page about the body (lib/topic.ts), decided on the page's prose.
  const reader = pageTopicReader(matcher);
  const onTopic = reader.onTopic(reader.read(texts.join(' ')));
  return texts.flatMap((t, run) =>
    matcher
      .match(t, active)
      .map((span) => ({ run, span, text: t.slice(span.start, span.end) }))
      .filter((m) => onTopic || !matcher.isShared(m.text)),
  );
}

/** The text of the `nth` mention of `termId` (see expectedMentions). */
export async function mentionText(page: Page | Frame, termId: string, nth = 0): Promise<string> {
  const found = (await mentionSpans(page)).filter((m) => m.span.termId === termId)[nth];
  if (!found) throw new Error(`no mention #${nth} of ${termId} in ${page.url()}`);
  return found.text;
}

/**
 * Every mention the page should have, in document order, computed without the
 * highlighter: the page's text outside excluded elements (see textRuns), run through the
 * matcher in Node.
 */
export async function expectedMentions(page: Page | Frame): Promise<string[]> {
  return (await mentionSpans(page)).map((m) => m.span.termId);
}

/**
 * The client rects (one per line) of the `nth` mention of `termId` in document order, as
 * the matcher finds it (see expectedMentions), scrolled into view if it was not: how a
 * test points at a term whichever renderer shows it (paint registers ranges, no element).
 */
export async function mentionRects(page: Page | Frame, termId: string, nth = 0): Promise<Rect[]> {
  const found = (await mentionSpans(page)).filter((m) => m.span.termId === termId)[nth];
  if (!found) throw new Error(`no mention #${nth} of ${termId} in ${page.url()}`);
  return rectsOf(page, found);
}

/** The client rects (one per line) of `mention`, scrolled into view if it was not. */
async function rectsOf(page: Page | Frame, mention: MentionSpan): Promise<Rect[]> {
  const { run, span } = mention;
  const pick = { run, start: span.start, end: span.end, scroll: true };
  return (await page.evaluate(textRuns, pick)).rects;
}

/** The box around every line of the `nth` mention of `termId` (see mentionRects). */
export async function mentionBox(page: Page | Frame, termId: string, nth = 0): Promise<Rect> {
  const rects = await mentionRects(page, termId, nth);
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * Opens `url` with MyoLens off, keeps the page's own body HTML, then turns MyoLens on and
 * waits for the marks (wrap) or the scan: the start of every "on, then off restores the
 * page" test.
 */
export async function openUnmarkedThenMark(
  context: BrowserContext,
  background: Worker,
  url: string,
): Promise<{ page: Page; before: string; marks: number }> {
  await setSettings(background, { enabled: false });
  const page = await context.newPage();
  await page.goto(url);
  await unmarked(page);
  const before = await page.evaluate(() => document.body.innerHTML);
  await setSettings(background, { enabled: true });
  const marks = await marked(page);
  return { page, before, marks };
}
