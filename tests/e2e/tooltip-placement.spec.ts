import type { Page } from '@playwright/test';
import { expect, ourErrors, test } from './fixtures';
import { mentionRects, scanned } from './helpers';
import { idleCounts, textRects } from './paint-helpers';
import {
  expectNextTo,
  insideViewport,
  moveTerm,
  openFixture,
  screenshot,
  settled,
  term,
  termBox,
  TooltipProbe,
  type Box,
} from './tooltip-helpers';

// Terms are found as text and pointed at, in the default paint renderer: the tooltip sits
// next to the term's text, whichever renderer shows it.

/** The box of `text` in the element `selector` (its first line: these fit on one). */
async function textBox(page: Page, selector: string, text: string): Promise<Box> {
  const [box] = await textRects(page, selector, text);
  return box!;
}

/** Moves the pointer to the middle of `box`. */
async function pointTo(page: Page, box: Box): Promise<void> {
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

const SPOTS = ['top-left', 'top', 'top-right', 'left', 'center', 'right'];
SPOTS.push('bottom-left', 'bottom', 'bottom-right');

/** Viewports: desktop, the 320 px reflow width of WCAG 1.4.10 (a phone), and a short one. */
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 320, height: 640 },
  { width: 900, height: 300 },
  { width: 640, height: 256 },
];

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const viewport of VIEWPORTS) {
  test(`at every edge and corner of a ${viewport.width}×${viewport.height} viewport the tooltip stays fully inside`, async ({
    context,
    server,
    consoleErrors,
  }) => {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`${server.origin}/tooltip/edges.html`);
    await scanned(page);
    expect(await idleCounts(page)).toEqual({ sarcopenia: SPOTS.length });
    const probe = await TooltipProbe.attach(page);
    const label = term('sarcopenia').label;
    for (const spot of SPOTS) {
      const selector = `[data-spot="${spot}"]`;
      const mark = await textBox(page, selector, 'sarcopenia');
      await pointTo(page, mark);
      await probe.waitOpen(label);
      const state = await settled(probe);
      const where = `${spot} at ${viewport.width}×${viewport.height}`;
      expect(
        insideViewport(state.layer!, state.viewport),
        `${where}: ${JSON.stringify(state.layer)} inside ${JSON.stringify(state.viewport)}`,
      ).toBe(true);
      expect(overlaps(state.layer!, mark), `${where}: does not cover its mark`).toBe(false);
      expectNextTo(state.layer!, mark, where);
      if (spot === 'bottom-right' && viewport.width === 1280)
        await screenshot(page, 'tooltip-edge-bottom-right');
      if (viewport.height === 256 && spot === 'left')
        await screenshot(page, 'tooltip-edge-256-tall-left');
      if (viewport.width === 320 && spot === 'top-right')
        await screenshot(page, 'tooltip-edge-320-top-right');
      await page.keyboard.press('Escape');
      await probe.waitClosed();
    }
    expect(ourErrors(consoleErrors)).toEqual([]);
  });
}

test('a term wrapped over two lines: the tooltip opens at the line under the pointer and can be reached', async ({
  context,
  server,
  consoleErrors,
}) => {
  const page = await openFixture(context, `${server.origin}/tooltip/wrapped.html`);
  const probe = await TooltipProbe.attach(page);
  const lines = await mentionRects(page, 'type-ii-muscle-fibers');
  expect(lines, 'the fixture wraps the term over two lines').toHaveLength(2);
  const label = term('type-ii-muscle-fibers').label;
  for (const [i, line] of lines.entries()) {
    await page.mouse.move(line.x + line.width / 2, line.y + line.height / 2, { steps: 4 });
    await probe.waitOpen(label);
    const { layer } = await settled(probe);
    expectNextTo(layer!, line, `line ${i + 1}`);
    // Straight into the tooltip, slowly enough that a human would.
    await page.mouse.move(layer!.x + layer!.width / 2, layer!.y + layer!.height / 2, {
      steps: 20,
    });
    // Every timer the way there set has run or gone: none closed it.
    expect((await probe.quiet()).open, `line ${i + 1}: reachable`).toBe(true);
    await page.keyboard.press('Escape');
    await probe.waitClosed();
    await page.mouse.move(2, 2);
  }
  expect(ourErrors(consoleErrors)).toEqual([]);
});

test('the tooltip follows its mark when the page or a scrolling box scrolls', async ({
  context,
  server,
  background,
  consoleErrors,
}) => {
  const page = await openFixture(context, `${server.origin}/tooltip/wrapped.html`);
  const probe = await TooltipProbe.attach(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await moveTerm(background, page, 1);
  await moveTerm(background, page, 1);
  await probe.waitOpen(term('resistance-exercise').label);
  const check = async (what: string) => {
    const state = await settled(probe);
    expectNextTo(state.layer!, await textBox(page, '#scroller', 'strength training'), what);
    return state.layer!;
  };
  const before = await check('opened');
  await page.locator('#scroller').evaluate((el) => el.scrollBy(0, 30));
  const inBox = await check('after the box scrolled');
  expect(Math.round(before.y - inBox.y)).toBe(30);
  await page.evaluate(() => window.scrollBy(0, 45));
  const inPage = await check('after the page scrolled');
  expect(Math.round(inBox.y - inPage.y)).toBe(45);
  expect((await probe.state()).open).toBe(true);
  expect(ourErrors(consoleErrors)).toEqual([]);
});

test.describe('right-to-left page', () => {
  let page: Page;
  let probe: TooltipProbe;
  test.beforeEach(async ({ context, server }) => {
    page = await openFixture(context, `${server.origin}/tooltip/rtl.html`);
    probe = await TooltipProbe.attach(page);
  });

  test('terms in RTL text get an LTR tooltip next to them, inside the viewport', async ({
    consoleErrors,
  }) => {
    for (const id of ['sarcopenia', 'vitamin-d-deficiency', 'fall-risk', 'resistance-exercise']) {
      const mark = await termBox(page, id);
      await pointTo(page, mark);
      await probe.waitOpen(term(id).label);
      const state = await settled(probe);
      expect(insideViewport(state.layer!, state.viewport), id).toBe(true);
      expectNextTo(state.layer!, mark, id);
      const styles = await probe.styles(['.ml-tip'], ['direction', 'text-align']);
      expect(styles['.ml-tip']).toEqual({ direction: 'ltr', 'text-align': 'start' });
      if (id === 'sarcopenia') await screenshot(page, 'tooltip-rtl');
      await page.keyboard.press('Escape');
      await probe.waitClosed();
    }
    expect(ourErrors(consoleErrors)).toEqual([]);
  });

  test('at the start and end edges of an RTL page the tooltip stays inside', async () => {
    for (const [spot, text] of [
      ['start', 'leucine'],
      ['end', 'active vitamin D'],
    ]) {
      const mark = await textBox(page, `[data-spot="${spot}"]`, text!);
      await pointTo(page, mark);
      await probe.waitOpen();
      const state = await settled(probe);
      expect(insideViewport(state.layer!, state.viewport), spot).toBe(true);
      expectNextTo(state.layer!, mark, spot!);
      await page.keyboard.press('Escape');
      await probe.waitClosed();
    }
  });
});
