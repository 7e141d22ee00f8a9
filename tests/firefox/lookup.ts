/**
 * The Firefox smoke test's lookup checks: the selection bubble (the context menu's "Look
 * up" and the double-click) on the demo page, and the address bar's suggestions.
 */
import type { Page } from 'puppeteer-core';
import type { Browser as WebExtensionApi } from 'webextension-polyfill';
import { LOOKUP_MENU_ID } from '../../entrypoints/background/menus';
import type { BidiPage } from './bidi';
import { assert, shot, waitFor, type Checks } from './harness';
import { assertVisibleAndStyled, describe, readTooltip, waitTooltipClosed } from './tooltip';

/** Runs in an extension page, where Firefox provides the `browser` global. */
declare const browser: WebExtensionApi;

/** What the lookup checks need from the smoke test's run. */
export interface LookupContext {
  checks: Checks;
  /** The demo page, marked, with its content script running. */
  page: Page;
  bidi: BidiPage;
  /** One of our extension pages (it reaches the background page). */
  extensionPage: Page;
  version: string;
  out: string;
}

/** Selects `text` in the page (its first occurrence) and returns the selection's box. */
function select(page: Page, text: string) {
  return page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(text);
      if (i === -1) continue;
      n.parentElement!.scrollIntoView({ block: 'center' });
      getSelection()!.setBaseAndExtent(n, i, n, i + text.length);
      const r = getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, bottom: r.bottom, top: r.top };
    }
    throw new Error(`"${text}" is not on the page`);
  }, text);
}

/** The page's selection, as text and boundaries. */
const selectionOf = (page: Page) =>
  page.evaluate(() => {
    const s = getSelection()!;
    return `${s.toString()}|${s.anchorOffset}|${s.focusOffset}|${s.rangeCount}`;
  });

/** The tab the demo page is in: the one whose content script answers. */
async function demoTab(ext: Page): Promise<{ id: number; index: number }> {
  const tab = await ext.evaluate(async () => {
    for (const t of await browser.tabs.query({})) {
      const answer = await browser.tabs
        .sendMessage(t.id!, { type: 'get-page-terms' }, { frameId: 0 })
        .catch(() => null);
      if (answer) return { id: t.id!, index: t.index };
    }
    return null;
  });
  assert(tab, 'no tab has a content script that answers');
  return tab;
}

/** The context menu's click handler in the background page, as Firefox would call it. */
async function menuLookup(ext: Page, tab: { id: number; index: number }, selectionText: string) {
  const called = await ext.evaluate(
    async (id, selectionText, tab) => {
      const bg = (await browser.runtime.getBackgroundPage()) as unknown as {
        myolensMenuClicked?: (info: object, tab: object) => Promise<void>;
      };
      await bg.myolensMenuClicked?.({ menuItemId: id, selectionText, frameId: 0 }, tab);
      return !!bg.myolensMenuClicked;
    },
    LOOKUP_MENU_ID,
    selectionText,
    tab,
  );
  assert(called, 'the background page has no myolensMenuClicked');
}

/** The selection bubble and the address bar, in this Firefox. */
export async function checkLookup(c: LookupContext): Promise<void> {
  const { checks, page, bidi, extensionPage: ext } = c;

  await checks.run(
    '"Look up" shows the bubble at the selection; Escape closes it',
    page,
    async () => {
      const tab = await demoTab(ext);
      for (const [text, label] of [
        ['sarcopenia', 'Sarcopenia'],
        ['getting up from a low chair', '“getting up from a low chair”'],
      ] as const) {
        const box = await select(page, text);
        const before = await selectionOf(page);
        await menuLookup(ext, tab, text);
        const { state } = await readTooltip(bidi, label);
        console.log(`      ${describe(state)}`);
        assertVisibleAndStyled(state, label);
        const below = Math.round(state.rect.y - box.bottom);
        const above = Math.round(box.top - (state.rect.y + state.rect.height));
        assert(
          below === 8 || above === 8,
          `not next to the selection: ${JSON.stringify({ box, state })}`,
        );
        assert((await selectionOf(page)) === before, 'the page’s selection changed');
        if (text === 'sarcopenia') await shot(page, c.out, `lookup-${c.version}.png`);
        await page.keyboard.press('Escape');
        await waitTooltipClosed(bidi);
        assert((await selectionOf(page)) === before, 'Escape changed the page’s selection');
      }
    },
  );

  await checks.run('a double-click looks up the word, once the setting is on', page, async () => {
    await page.bringToFront();
    await ext.evaluate(async () => {
      const { settings } = await browser.storage.sync.get('settings');
      const current = (settings ?? { version: 2 }) as Record<string, unknown>;
      await browser.storage.sync.set({ settings: { ...current, lookupOnDoubleClick: true } });
    });
    const box = await select(page, 'gardens');
    await page.evaluate(() => getSelection()!.removeAllRanges());
    // A real double-click (trusted): Firefox selects the word, the content script reads it
    // (again, until the new setting has reached the tab).
    const { state } = await waitFor('a bubble after a double-click', async () => {
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { count: 2 });
      return readTooltip(bidi, '“gardens”', 2000);
    });
    assertVisibleAndStyled(state, '“gardens”');
    assert((await selectionOf(page)).startsWith('gardens|'), 'the double-click selected no word');
    await page.keyboard.press('Escape');
    await waitTooltipClosed(bidi);
  });

  await checks.run('the address bar suggests from the guide, as plain text', ext, async () => {
    const keyword = await ext.evaluate(
      () => (browser.runtime.getManifest() as { omnibox?: { keyword?: string } }).omnibox?.keyword,
    );
    assert(keyword === 'myo', `the manifest's omnibox keyword is ${keyword}`);
    const list = await waitFor('suggestions', () =>
      ext.evaluate(async () => {
        const bg = (await browser.runtime.getBackgroundPage()) as unknown as {
          myolensOmnibox?: { suggest(t: string): { content: string; description: string }[] };
        };
        return bg.myolensOmnibox?.suggest('sarcopnia');
      }),
    );
    const [first] = list;
    assert(first?.content === 'Sarcopenia — Glossary', `first: ${JSON.stringify(first)}`);
    // Firefox shows the description as it is: no markup, no entities.
    for (const s of list)
      assert(!/[<>]|&\w+;/.test(s.description), `markup in ${JSON.stringify(s.description)}`);
    assert(first.description.startsWith('Sarcopenia — Glossary: '), first.description);
  });
}
