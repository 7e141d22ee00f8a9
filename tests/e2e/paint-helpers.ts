import type { Frame, Page, Worker } from '@playwright/test';
import { quiet } from './content-world';
import { countsOf, whenIdle } from './helpers';
import type { Box } from './tooltip-helpers';

/** Underlined ranges the paint renderer registered (`myolens`), read from the main world. */
export function paintedCount(page: Page, name = 'myolens'): Promise<number> {
  return page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, name);
}

/** Each range of a registered highlight, in registration order: its text and viewport top. */
export function paintedRanges(
  page: Page | Frame,
  name = 'myolens',
): Promise<{ text: string; top: number }[]> {
  return page.evaluate(
    (n) =>
      [...(CSS.highlights.get(n) ?? [])].map((r) => {
        const range = new Range();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return { text: range.toString(), top: range.getBoundingClientRect().top };
      }),
    name,
  );
}

/** The text of every range in a registered highlight, in registration order. */
export async function paintedTexts(page: Page, name = 'myolens'): Promise<string[]> {
  return (await paintedRanges(page, name)).map((r) => r.text);
}

/**
 * Waits until at least `min` underlines are registered (the paint renderer registers
 * them after its IntersectionObserver reports, so after the scan), then until the
 * watcher's reports of that frame are in and the content script has nothing pending:
 * the registry is what it will stay until the page or the reader moves. Returns its size.
 */
export async function painted(page: Page, min = 1, name = 'myolens'): Promise<number> {
  await page.waitForFunction(
    ({ name, min }) => (CSS.highlights.get(name)?.size ?? 0) >= min,
    { name, min },
    { polling: 'raf' },
  );
  await frames(page);
  await quiet(page);
  return paintedCount(page, name);
}

/** Waits for `n` animation frames of the page (layout, observers and paint have run). */
export function frames(page: Page, n = 2): Promise<void> {
  return page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
  }, n);
}

/**
 * Scrolls down until an underline is painted on screen; returns the painted ranges' tops
 * relative to the viewport then (the last ones if none was). Underlines are registered a
 * screen ahead of the viewport: the next one below is scrolled to, else half a screen on.
 */
export async function scrollToPainted(page: Page, steps = 120): Promise<number[]> {
  await page.evaluate(() => scrollTo(0, 0));
  const h = await page.evaluate(() => innerHeight);
  let tops: number[] = [];
  for (let i = 0; i < steps; i++) {
    // The watcher reports after a frame; what it scheduled (a re-check) is done when quiet.
    await frames(page);
    await quiet(page);
    tops = await paintedTops(page);
    if (tops.some((top) => top >= 0 && top < h)) return tops;
    const below = tops.filter((top) => top >= h);
    const by = below.length ? Math.min(...below) - h / 2 : h / 2;
    const moved = await page.evaluate((by) => {
      const y = scrollY;
      scrollBy(0, by);
      return scrollY !== y;
    }, by);
    if (!moved) break;
  }
  return tops;
}

/** The viewport-relative top of each range registered as `name`. */
export async function paintedTops(page: Page, name = 'myolens'): Promise<number[]> {
  return (await paintedRanges(page, name)).map((r) => r.top);
}

/**
 * The client rects (one per line) of the `nth` occurrence of `text` in the element
 * matched by `selector`, found in its text nodes as the page has them.
 */
export function textRects(page: Page, selector: string, text: string, nth = 0): Promise<Box[]> {
  return page.evaluate(
    ({ selector, text, nth }) => {
      const root = document.querySelector(selector);
      if (!root) throw new Error(`no ${selector}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const data = (n as Text).data;
        for (let i = data.indexOf(text); i !== -1; i = data.indexOf(text, i + 1)) {
          if (seen++ < nth) continue;
          const range = new Range();
          range.setStart(n, i);
          range.setEnd(n, i + text.length);
          return [...range.getClientRects()].map((r) => ({
            x: r.x,
            y: r.y,
            width: r.width,
            height: r.height,
          }));
        }
      }
      throw new Error(`"${text}" not in ${selector}`);
    },
    { selector, text, nth },
  );
}

/** The centre of a box. */
export const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/**
 * The page's mentions per term as its content script counts them ("This page"), asked
 * the way the popup asks: a `get-page-terms` message from an extension page to the tab.
 * The answer of the moment (the bench samples a scan in progress with it); tests ask
 * `idleCounts`, the same answer once the scan is idle.
 */
export async function mentionCounts(
  background: Worker,
  page: Page,
): Promise<Record<string, number>> {
  await page.bringToFront();
  const answer = await background.evaluate(async () => {
    const { tabs } = (globalThis as unknown as { chrome: { tabs: TabsApi } }).chrome;
    const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return (await tabs.sendMessage(tab.id, { type: 'get-page-terms' }, { frameId: 0 })) as {
      terms: { id: string; count: number }[];
    };
  });
  return Object.fromEntries(answer.terms.map((t) => [t.id, t.count]));
}

/** The page's mentions per term ("This page"), once its content script's scan is idle. */
export async function idleCounts(page: Page): Promise<Record<string, number>> {
  return countsOf(await whenIdle(page));
}

/**
 * Sends the tab's content script a message as the popup would (`reveal-term`, ...): to
 * the top-level page's, which speaks for the tab and its frames.
 */
export async function tellTab(background: Worker, page: Page, message: object): Promise<void> {
  await page.bringToFront();
  await background.evaluate(async (message) => {
    const { tabs } = (globalThis as unknown as { chrome: { tabs: TabsApi } }).chrome;
    const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    await tabs.sendMessage(tab.id, message, { frameId: 0 });
  }, message);
}

interface TabsApi {
  query(query: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
}

/**
 * A main-world MutationObserver installed before the page's first script: every mutation
 * of the document and of each open shadow root (attached by script, or declarative: found
 * when the document is parsed) outside MyoLens's own UI host (the `[data-myolens-ui]`
 * element and what is inside it) is kept, described, in `window.__mutations`.
 */
export async function watchMutations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { __mutations: string[] }).__mutations = log;
    const ours = (n: Node | null): boolean => {
      for (let e: Node | null = n; e; e = e.parentNode)
        if (e.nodeType === 1 && (e as Element).hasAttribute('data-myolens-ui')) return true;
      return false;
    };
    const name = (n: Node) => (n.nodeType === 1 ? (n as Element).localName : `#${n.nodeName}`);
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (ours(r.target)) continue;
        const added = [...r.addedNodes].filter((n) => !ours(n));
        const removed = [...r.removedNodes].filter(
          (n) => !(n.nodeType === 1 && (n as Element).hasAttribute('data-myolens-ui')),
        );
        if (r.type === 'childList' && !added.length && !removed.length) continue;
        log.push(
          `${r.type} on ${name(r.target)}${r.attributeName ? ` [${r.attributeName}]` : ''}` +
            (added.length ? ` +${added.map(name).join(',')}` : '') +
            (removed.length ? ` -${removed.map(name).join(',')}` : ''),
        );
      }
    });
    const seen = new WeakSet<Node>();
    const observe = (target: Node) => {
      if (seen.has(target)) return;
      seen.add(target);
      observer.observe(target, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    };
    // In a frame the script may run before or after the parser's first nodes (srcdoc
    // frames vary): there the log starts once the document is parsed, which is before
    // any content script of ours runs (document_idle).
    if (window === top || document.readyState !== 'loading') observe(document);
    else document.addEventListener('DOMContentLoaded', () => observe(document), { once: true });
    // Shadow trees report to an observer of their own root only.
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      const root = attach.call(this, init);
      if (init.mode === 'open') observe(root);
      return root;
    };
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        observe(el.shadowRoot);
        walk(el.shadowRoot);
      }
    };
    document.addEventListener('DOMContentLoaded', () => walk(document), { once: true });
  });
}

/** The mutations seen so far (see watchMutations). */
export function mutations(page: Page | Frame): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __mutations: string[] }).__mutations]);
}
