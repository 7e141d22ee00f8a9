/**
 * Open shadow roots are read like the document (README, "Where MyoLens reads"): for each
 * structure real sites use, hovering a mention inside the root opens its tooltip and
 * Escape closes it, the keyboard reaches it in document order, "This page" counts it,
 * and the page (its DOM and every root's, the HTML with the roots', the accessibility
 * tree) stays its own; turning off clears everything.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { ContentWorld } from './content-world';
import { expect, ourErrors, test } from './fixtures';
import { axTree, composedHTML, offThenOn, pageOwn, type PageOwn } from './footprint-helpers';
import { expectedCounts, mentionBox, scanned, setSettings, unmarked } from './helpers';
import { frames, idleCounts, mutations, painted, watchMutations } from './paint-helpers';
import { moveTerm, pointAt, term, TooltipProbe } from './tooltip-helpers';

/** A structure, and what the page does after load to make or fill its root (if anything). */
interface Structure {
  name: string;
  file: string;
  late?: 'createStory' | 'fill';
}

const STRUCTURES: Structure[] = [
  { name: 'an open root attached by script', file: 'attached.html' },
  { name: 'a declarative root', file: 'declarative.html' },
  { name: 'nested roots (an app shell holding a story)', file: 'nested.html' },
  { name: 'a root created after load', file: 'created.html', late: 'createStory' },
  { name: 'a root filled after load', file: 'filled.html', late: 'fill' },
];

/** Runs the page's own after-load step (a function of the fixture's main world). */
async function runLate(page: Page, late: string): Promise<void> {
  await page.evaluate((name) => (window as unknown as Record<string, () => void>)[name]!(), late);
}

/**
 * The page with MyoLens on, and its own state without MyoLens. A root made after load
 * must be found while MyoLens is on: its page's own state is read from a tab of its own
 * that did the same without MyoLens.
 */
async function openStructure(
  context: BrowserContext,
  background: Worker,
  url: string,
  late: string | undefined,
): Promise<PageOwn & { page: Page }> {
  if (!late) return offThenOn(context, background, url, composedHTML);
  await setSettings(background, { enabled: false });
  const alone = await context.newPage();
  await watchMutations(alone);
  await alone.goto(url, { waitUntil: 'load' });
  await unmarked(alone);
  await runLate(alone, late);
  const own = await pageOwn(alone, composedHTML);
  await alone.close();
  await setSettings(background, { enabled: true });
  const page = await context.newPage();
  await watchMutations(page);
  await page.goto(url, { waitUntil: 'load' });
  await scanned(page);
  await runLate(page, late);
  return { page, ...own };
}

/** Do the registered underlines include one inside a shadow root? */
function paintedInShadow(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    [...(CSS.highlights.get('myolens') ?? [])].some(
      (r) => r.startContainer.getRootNode() instanceof ShadowRoot,
    ),
  );
}

for (const { name, file, late } of STRUCTURES) {
  test(`${name}: hover, keyboard, counts, footprint, off`, async ({
    context,
    server,
    background,
    consoleErrors,
  }) => {
    const url = `${server.origin}/shadow/${file}`;
    const { page, html, ax, own } = await openStructure(context, background, url, late);

    // "This page" counts the root's mentions with the page's: dynapenia lives only there.
    const expected = await expectedCounts(page);
    expect(expected.dynapenia).toBe(1);
    await expect.poll(() => idleCounts(page)).toEqual(expected);
    await painted(page);
    // Underlined inside the root by the document's own ::highlight rules (README).
    expect(await paintedInShadow(page)).toBe(true);

    // Hover a mention inside the root; Escape closes its tooltip.
    const probe = await TooltipProbe.attach(page);
    await pointAt(page, 'dynapenia');
    await probe.waitOpen(term('dynapenia').label);
    await page.keyboard.press('Escape');
    await probe.waitClosed();
    await page.mouse.move(5, 5);

    // The keyboard goes from the light DOM's first mention into the root, in order.
    await moveTerm(background, page, 1);
    await probe.waitOpen(term('sarcopenia').label);
    await moveTerm(background, page, 1);
    await probe.waitOpen(term('dynapenia').label);
    await page.keyboard.press('Escape');
    await probe.waitClosed();

    // Nothing of ours in the page, in any root, nor in what a screen reader gets.
    expect(await composedHTML(page)).toBe(html);
    expect(await mutations(page)).toEqual(own);
    expect(await axTree(page)).toEqual(ax);

    // Off: no highlight left, nothing counted, and still no trace.
    await setSettings(background, { enabled: false });
    await unmarked(page);
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
    expect(await mutations(page)).toEqual(own);
    expect(await composedHTML(page)).toBe(html);
    expect(ourErrors(consoleErrors)).toEqual([]);
  });
}

test('a root attached to a host already in the page (a late custom element) is found on the pointer’s way', async ({
  context,
  server,
  consoleErrors,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/shadow/created.html`);
  await scanned(page);
  const before = await idleCounts(page);
  await runLate(page, 'defineLate');
  // No mutation record announced it: not read yet.
  expect(await idleCounts(page)).toEqual(before);
  const probe = await TooltipProbe.attach(page);
  await pointAt(page, 'dynapenia');
  await probe.waitOpen(term('dynapenia').label);
  await expect.poll(() => idleCounts(page)).toEqual(await expectedCounts(page));
  expect(ourErrors(consoleErrors)).toEqual([]);
});

test('underlines in a root come from the document’s rules: no stylesheet adopted, pixels painted', async ({
  context,
  server,
  background,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/shadow/attached.html`);
  await scanned(page);
  await painted(page);
  expect(await paintedInShadow(page)).toBe(true);
  const sheets = () =>
    page.evaluate(() => document.getElementById('host')!.shadowRoot!.adoptedStyleSheets.length);
  expect(await sheets()).toBe(0);
  // The root's first "Dynapenia" is underlined (first of its section): its pixels, on and off.
  const box = await mentionBox(page, 'dynapenia');
  const clip = { x: box.x, y: box.y, width: box.width, height: box.height + 4 };
  const on = await page.screenshot({ clip });
  await setSettings(background, { enabled: false });
  await unmarked(page);
  await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
  await frames(page);
  const off = await page.screenshot({ clip });
  expect(on.equals(off)).toBe(false);
  expect(await sheets()).toBe(0);
});

test('where caretPositionFromPoint has no shadowRoots option, hover still finds text in nested roots', async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/shadow/nested.html`);
  await scanned(page);
  // The content script's own world only: an engine that ignores the option answers with
  // the outer host's place, and the hit-test descends with elementFromPoint instead.
  await (
    await ContentWorld.of(page)
  ).evaluate(`(() => {
    const own = Document.prototype.caretPositionFromPoint;
    Document.prototype.caretPositionFromPoint = function (x, y) { return own.call(this, x, y); };
  })()`);
  const probe = await TooltipProbe.attach(page);
  await pointAt(page, 'hypercalcemia');
  await probe.waitOpen(term('hypercalcemia').label);
  await page.mouse.move(5, 5);
  await probe.waitClosed();
  await pointAt(page, 'dynapenia');
  await probe.waitOpen(term('dynapenia').label);
});

test.describe('the wrap renderer', () => {
  test.use({ stored: { renderer: 'wrap' } });

  test('wraps no mark into a page’s shadow tree; its mentions still explain themselves', async ({
    context,
    server,
    consoleErrors,
  }) => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/shadow/attached.html`);
    await scanned(page);
    // The light DOM's first sarcopenia is wrapped; the component's tree is left as it is.
    expect(await page.locator('#intro mark[data-myolens-term]').count()).toBe(1);
    const inRoot = () =>
      page.evaluate(
        () => document.getElementById('host')!.shadowRoot!.querySelectorAll('*').length,
      );
    expect(await page.locator('#host mark').count()).toBe(0);
    expect(await inRoot()).toBe(6);
    expect(await idleCounts(page)).toEqual(await expectedCounts(page));
    const probe = await TooltipProbe.attach(page);
    await pointAt(page, 'dynapenia');
    await probe.waitOpen(term('dynapenia').label);
    expect(ourErrors(consoleErrors)).toEqual([]);
  });
});
