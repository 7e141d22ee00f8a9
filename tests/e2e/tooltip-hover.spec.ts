import type { Page } from '@playwright/test';
import { OPEN_DELAY } from '../../entrypoints/highlighter.content/hover-intent';
import { heldTimeouts, holdTimeouts, releaseTimeouts } from './content-world';
import { expect, ourErrors, test } from './fixtures';
import { setSettings } from './helpers';
import {
  expectNextTo,
  focusedInPage,
  hoverOpen,
  openFixture,
  pointAt,
  settled,
  tap,
  term,
  termBox,
  TooltipProbe,
  type Box,
} from './tooltip-helpers';

// Terms are found as text and pointed at (mentionRects), in the default paint renderer:
// every mention opens its tooltip, underlined or not.

const center = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** Moves the pointer from the middle of `from` to the middle of `to` in small steps. */
async function glide(page: Page, from: Box, to: Box, steps = 12): Promise<void> {
  const a = center(from);
  const b = center(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.move(b.x, b.y, { steps });
}

test.describe('pointer', () => {
  let page: Page;
  let probe: TooltipProbe;
  test.beforeEach(async ({ context, server }) => {
    page = await openFixture(context, `${server.origin}/tooltip/terms.html`);
    probe = await TooltipProbe.attach(page);
    await page.mouse.move(2, 2);
  });
  test.afterEach(({ consoleErrors }) => {
    expect(ourErrors(consoleErrors)).toEqual([]);
  });

  test('opens after hover intent, not at once, and not for a pointer passing through', async () => {
    const mark = await termBox(page, 'leucine');
    // Sweeping across a term and away quicker than the delay opens nothing (once every
    // timer the sweep set has run or gone).
    await page.mouse.move(mark.x + mark.width / 2, mark.y + mark.height / 2, { steps: 8 });
    await page.mouse.move(2, 2, { steps: 8 });
    expect((await probe.quiet()).open).toBe(false);
    // Resting on it opens it after the hover delay, not before: with the delay's timer
    // held when it runs out, the tooltip is still closed; let go, it opens.
    await holdTimeouts(page, OPEN_DELAY);
    await page.mouse.move(mark.x + mark.width / 2, mark.y + mark.height / 2);
    await expect.poll(() => heldTimeouts(page, OPEN_DELAY), 'the hover delay ran out').toBe(1);
    expect((await probe.state()).open, 'not before the hover delay').toBe(false);
    await releaseTimeouts(page, OPEN_DELAY);
    await probe.waitOpen(term('leucine').label);
  });

  test('the pointer can travel into the tooltip, which stays with no timer; leaving both closes it', async () => {
    await hoverOpen(probe, 'sarcopenia');
    const mark = await termBox(page, 'sarcopenia');
    const { layer } = await probe.state();
    await glide(page, mark, layer!);
    // SC 1.4.13 persistent: no timer closes it while the pointer rests on it (every timer
    // the move set has run or gone).
    let state = await probe.quiet();
    expect(state.open).toBe(true);
    expect(state.label).toBe(term('sarcopenia').label);
    // Back onto the term and into the tooltip again: still open.
    await glide(page, layer!, mark);
    expect((await probe.quiet()).open).toBe(true);
    await glide(page, mark, layer!);
    // Out of both, into the page's right margin (every mention explains itself now, so
    // only a place without text is sure to open nothing): it closes.
    const width = page.viewportSize()!.width;
    await page.mouse.move(width - 4, layer!.y + layer!.height + 40, { steps: 5 });
    await probe.waitClosed();
    state = await probe.state();
    expect(state.count).toBe(0);
  });

  test('leaving the mark for the page (not the tooltip) closes it', async () => {
    await hoverOpen(probe, 'leucine');
    const mark = await termBox(page, 'leucine');
    // Sideways along its line into the page margin: plain text only, never the tooltip,
    // which sits above or below the mark.
    await page.mouse.move(5, mark.y + mark.height / 2, { steps: 6 });
    await probe.waitClosed();
  });

  test('Escape closes it without moving focus or the pointer, and it stays closed', async () => {
    await page.locator('#focus-target').focus();
    await hoverOpen(probe, 'vdr');
    await page.keyboard.press('Escape');
    await probe.waitClosed();
    expect(await focusedInPage(page)).toBe('button#focus-target');
    // The pointer still rests on the term: dismissed means dismissed until it leaves.
    expect((await probe.quiet()).open).toBe(false);
    // Leaving and coming back opens it again.
    const mark = await termBox(page, 'vdr');
    await page.mouse.move(mark.x + mark.width / 2, mark.y - 60);
    await page.mouse.move(mark.x + mark.width / 2, mark.y + mark.height / 2);
    await probe.waitOpen(term('vdr').label);
  });

  test('Escape in the tooltip after pointing into it closes it too', async () => {
    await hoverOpen(probe, 'sarcopenia');
    const mark = await termBox(page, 'sarcopenia');
    await glide(page, mark, (await probe.state()).layer!);
    await page.keyboard.press('Escape');
    await probe.waitClosed();
  });

  test('one tooltip at a time: pointing at another mark replaces the first', async () => {
    await hoverOpen(probe, 'active-vitamin-d');
    for (const id of ['vdr', 'leucine', 'sarcopenia']) {
      await hoverOpen(probe, id);
      const state = await settled(probe);
      expect(state.count).toBe(1);
      expect(state.label).toBe(term(id).label);
      // ...and it moved to the new mark.
      expectNextTo(state.layer!, await termBox(page, id), id);
    }
    expect(await page.locator('[data-myolens-ui]').count()).toBe(1);
  });

  test('when the page removes its mark, the tooltip closes instead of floating on', async () => {
    await hoverOpen(probe, 'leucine');
    await page.locator('#p-food').evaluate((p) => p.remove());
    await probe.waitClosed();
  });

  test('a click outside closes it at once', async () => {
    await hoverOpen(probe, 'leucine');
    await page.mouse.click(5, 400);
    // Closed at the first look, well before leaving the mark would have closed it (350 ms).
    expect((await probe.state()).open).toBe(false);
  });
});

test('with the click trigger, hovering opens nothing; a click opens; a click outside closes', async ({
  context,
  server,
  background,
  consoleErrors,
}) => {
  await setSettings(background, { trigger: 'click' });
  const page = await openFixture(context, `${server.origin}/tooltip/terms.html`);
  const probe = await TooltipProbe.attach(page);
  const at = await pointAt(page, 'leucine');
  expect((await probe.quiet()).open).toBe(false);
  await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
  await probe.waitOpen(term('leucine').label);
  await page.mouse.click(5, 400);
  expect((await probe.state()).open).toBe(false);
  expect(ourErrors(consoleErrors)).toEqual([]);
});

test('touch: a tap on a mark opens its tooltip, which stays; a tap outside closes it', async ({
  context,
  server,
  consoleErrors,
}) => {
  const page = await openFixture(context, `${server.origin}/tooltip/terms.html`);
  const probe = await TooltipProbe.attach(page);
  const mark = center(await termBox(page, 'leucine'));
  await tap(probe.cdp, mark.x, mark.y);
  await probe.waitOpen(term('leucine').label);
  // A lifted finger "leaves" the term: that must not start a close timer.
  expect((await probe.quiet()).open, 'still open after the finger lifted').toBe(true);
  // A tap inside the tooltip (on its text) keeps it open too.
  const { layer } = await probe.state();
  await tap(probe.cdp, layer!.x + 20, layer!.y + 60);
  expect((await probe.quiet()).open, 'still open after a tap inside it').toBe(true);
  // Another term: its tooltip replaces the first.
  const other = center(await termBox(page, 'hypercalcemia'));
  await tap(probe.cdp, other.x, other.y);
  await probe.waitOpen(term('hypercalcemia').label);
  // Outside: closed.
  await tap(probe.cdp, 10, 10);
  await probe.waitClosed();
  expect(ourErrors(consoleErrors)).toEqual([]);
});
