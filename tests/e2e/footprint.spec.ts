/**
 * The paint renderer leaves the page untouched: the page's DOM, what a reader copies and
 * what a screen reader gets equal those of the same page without MyoLens, through load,
 * hover, keyboard moves, reveal, settings changes and turning off. Once a tooltip or
 * bubble has closed, the accessibility tree is the page's own, node for node.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, ourErrors, SHARED_PAGES, test } from './fixtures';
import { axTree, offThenOn } from './footprint-helpers';
import { expectedCounts, scanned, setSettings, whenIdle } from './helpers';
import {
  centre,
  idleCounts,
  mutations,
  painted,
  scrollToPainted,
  tellTab,
  textRects,
} from './paint-helpers';
import { doubleClickWord, menuLookup, selectionState, selectText } from './lookup-helpers';
import { moveTerm, TooltipProbe } from './tooltip-helpers';

/** Selects the element's contents and copies them with the keyboard; returns the clipboard. */
async function copy(page: Page, selector: string): Promise<{ html: string; text: string }> {
  await page.evaluate((selector) => {
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.selectAllChildren(document.querySelector(selector)!);
  }, selector);
  await page.keyboard.press('Control+C');
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const read = async (type: string) =>
      item!.types.includes(type) ? await (await item!.getType(type)).text() : '';
    return { html: await read('text/html'), text: await read('text/plain') };
  });
}

test('demo page: no mutation, the same HTML, AX tree and clipboard, through every interaction', async ({
  context,
  server,
  background,
  consoleErrors,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const url = `${server.origin}/demo/index.html`;
  const { page, html, ax, own } = await offThenOn(context, background, url);
  await painted(page);
  expect(await page.locator('mark').count()).toBe(0);
  expect(await page.evaluate(() => document.body.innerHTML)).toBe(html);
  expect(await axTree(page)).toEqual(ax);
  expect(await mutations(page)).toEqual(own);

  // Every mention is found and counted, underlined or not.
  expect(await idleCounts(page)).toEqual(await expectedCounts(page));

  // Copying a paragraph that holds marked terms: what the page alone gives.
  const para = 'main p:nth-of-type(2)';
  const withMyoLens = await copy(page, para);
  await setSettings(background, { enabled: false });
  await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
  const alone = await copy(page, para);
  expect(withMyoLens.html.length).toBeGreaterThan(0);
  expect(withMyoLens).toEqual(alone);
  await setSettings(background, { enabled: true });
  await scanned(page);
  await painted(page);

  // Hover, keyboard moves, Escape, reveal and settings changes.
  const probe = await TooltipProbe.attach(page);
  const [box] = await textRects(page, 'main', 'sarcopenia');
  await page.mouse.move(centre(box!).x, centre(box!).y);
  await probe.waitOpen('Sarcopenia');
  await page.mouse.move(5, 5);
  await probe.waitClosed();
  await moveTerm(background, page, 1);
  await probe.waitOpen();
  await moveTerm(background, page, 1);
  await page.keyboard.press('Escape');
  await probe.waitClosed();
  // Nothing open: the tree is the page's own again (no host beside <body>).
  expect(await axTree(page)).toEqual(ax);
  await tellTab(background, page, { type: 'reveal-term', termId: 'vitamin-d' });
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('myolens-flash')?.size)).toBe(1);
  await setSettings(background, { markStyle: 'background', density: 'all' });
  await expect
    .poll(() => page.evaluate(() => CSS.highlights.get('myolens-soft')?.size ?? 0))
    .toBeGreaterThan(30);
  await setSettings(background, { markStyle: 'underline', density: 'section' });
  // Back to underlines: the soft registry empties as the setting arrives.
  await expect
    .poll(() => page.evaluate(() => CSS.highlights.get('myolens-soft')?.size ?? 0))
    .toBe(0);
  await whenIdle(page);
  await painted(page);
  expect(await page.evaluate(() => document.body.innerHTML)).toBe(html);
  expect(await mutations(page)).toEqual(own);

  // Turning off removes every highlight; the page never changed.
  await setSettings(background, { enabled: false });
  await expect.poll(() => page.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
  expect(await mutations(page)).toEqual(own);
  expect(await page.evaluate(() => document.body.innerHTML)).toBe(html);
  expect(ourErrors(consoleErrors)).toEqual([]);
});

test('the selection bubble changes nothing: no mutation, the same HTML and AX tree, the selection kept', async ({
  context,
  server,
  background,
  consoleErrors,
}) => {
  await setSettings(background, { lookupOnDoubleClick: true });
  const url = `${server.origin}/lookup/index.html`;
  const { page, html, ax, own } = await offThenOn(context, background, url);
  const probe = await TooltipProbe.attach(page);

  // "Look up" on a term and on other text, walked with the keyboard and closed with Escape.
  for (const [selector, text, label] of [
    ['#p-term', 'sarcopenia', 'Sarcopenia'],
    ['#p-plain', 'muscle weakness', '“muscle weakness”'],
  ] as const) {
    await selectText(page, selector, text);
    const selection = await selectionState(page);
    await menuLookup(background, page, text);
    await probe.waitOpen(label);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await probe.waitClosed();
    expect(await selectionState(page), label).toEqual(selection);
    expect(await mutations(page), label).toEqual(own);
    // A bubble closed leaves nothing in the tree: its host left the document with it.
    expect(await axTree(page), label).toEqual(ax);
  }

  // A double-click on a word that is no term, then a click elsewhere.
  await doubleClickWord(page, '#p-plain', 'tiredness');
  await probe.waitOpen('“tiredness”');
  expect((await selectionState(page)).text).toBe('tiredness');
  await page.mouse.click(5, 500);
  await probe.waitClosed();

  expect(await mutations(page)).toEqual(own);
  expect(await page.evaluate(() => document.body.innerHTML)).toBe(html);
  expect(await axTree(page)).toEqual(ax);
  expect(ourErrors(consoleErrors)).toEqual([]);
});

// The saved real-world pages, with terms added into their markup as highlight.spec.ts does.
function sprinkle(source: string): string {
  let i = 0;
  return source.replace(/<\/(p|li|td|a|div)>/gi, (end) =>
    ++i % 3 === 1 ? ` sarcopenia, the vitamin D receptor and oxidative stress${end}` : end,
  );
}

// Pages where a mention is also hovered and the tooltip closed with Escape (a third full
// AX tree each, so a health page and a news page rather than all of them).
const HOVERED = new Set(['medicalnewstoday.html', 'nytimes-1.html']);

/** Points at the first underline inside the viewport (after scrollToPainted). */
async function pointAtPainted(page: Page): Promise<void> {
  const at = await page.evaluate(() => {
    for (const r of CSS.highlights.get('myolens') ?? []) {
      const range = new Range();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const rect = range.getClientRects()[0];
      if (rect && rect.top >= 0 && rect.bottom <= innerHeight && rect.left >= 0)
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  });
  expect(at, 'an underline on screen').not.toBeNull();
  await page.mouse.move(at!.x, at!.y);
}

for (const file of readdirSync(SHARED_PAGES).filter((f) => f.endsWith('.html'))) {
  test(`real page ${file}: painted, and the DOM and AX tree are the page's own`, async ({
    context,
    server,
    background,
    consoleErrors,
  }) => {
    // Loads a saved real page twice (with and without MyoLens) and reads two full AX
    // trees: wikipedia-2 alone took 59 s of the 60 s default on a loaded machine.
    test.slow();
    server.route(`/sprinkled/${file}`, {
      body: sprinkle(readFileSync(join(SHARED_PAGES, file), 'utf8')),
    });
    const { page, html, ax, own } = await offThenOn(
      context,
      background,
      `${server.origin}/sprinkled/${file}`,
    );
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(html);
    expect(await axTree(page)).toEqual(ax);
    expect(await idleCounts(page)).toEqual(await expectedCounts(page));
    // Painted where the reader is: scrolled to the first underlines, some are on screen.
    const tops = await scrollToPainted(page);
    const h = await page.evaluate(() => innerHeight);
    expect(tops.some((top) => top >= 0 && top < h)).toBe(true);
    if (HOVERED.has(file)) {
      // A tooltip opened and closed leaves no trace in what a screen reader gets.
      const probe = await TooltipProbe.attach(page);
      await pointAtPainted(page);
      await probe.waitOpen();
      await page.keyboard.press('Escape');
      await probe.waitClosed();
      expect(await axTree(page)).toEqual(ax);
    }
    // What the page's own scripts did while it loaded, and nothing more.
    expect(await mutations(page)).toEqual(own);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(html);
    await setSettings(background, { enabled: false });
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(html);
    expect(ourErrors(consoleErrors)).toEqual([]);
  });
}
