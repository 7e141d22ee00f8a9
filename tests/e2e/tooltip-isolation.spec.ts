import type { Page } from '@playwright/test';
import { expect, ourErrors, test } from './fixtures';
import {
  hoverOpen,
  moveTerm,
  openFixture,
  settled,
  term,
  termBox,
  TooltipProbe,
  type Box,
} from './tooltip-helpers';

// Terms are found as text and pointed at (mentionRects), in the default paint renderer.
// (That the page's `mark { display: none }` loses to the wrap renderer's marks is
// robust-a-css.spec.ts's "hostile CSS" test.)

const PARTS = [
  '.ml-layer',
  '.ml-tip',
  '.ml-tip__label',
  '.ml-tip__cat',
  '.ml-tip__summary',
  '.ml-tip__more',
  '.ml-tip__close',
  '.ml-tip__chip',
  '.ml-tip__ctl',
  '.ml-tip__note',
];
const PROPERTIES = [
  'display',
  'visibility',
  'opacity',
  'position',
  'filter',
  'transform',
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'letter-spacing',
  'text-transform',
  'text-align',
  'direction',
  'width',
  'max-width',
  'height',
  'padding-top',
  'padding-left',
  'margin-top',
  'border-top-width',
  'border-top-color',
  'border-radius',
  'box-shadow',
  'outline-style',
];

/** The tooltip of `termId` as the reader sees it: computed styles, size and pixels. */
async function look(page: Page, termId: string) {
  const probe = await TooltipProbe.attach(page);
  await hoverOpen(probe, termId);
  const state = await settled(probe);
  const styles = await probe.styles(PARTS, PROPERTIES);
  // Where the layer sits depends on where the mark is; that it is a plain translation
  // (no scale, rotation or skew from the page) does not.
  const { transform } = styles['.ml-layer']!;
  styles['.ml-layer']!.transform = transform!.replace(
    /^matrix\(1, 0, 0, 1, [-\d.]+, [-\d.]+\)$/,
    'translate',
  );
  const { width, height } = state.layer!;
  // The tooltip's pixels inside its rounded border (the corners show the page).
  const inset = 12;
  const clip: Box = {
    x: Math.round(state.layer!.x) + inset,
    y: Math.round(state.layer!.y) + inset,
    width: Math.floor(width) - 2 * inset,
    height: Math.floor(height) - 2 * inset,
  };
  const pixels = await page.screenshot({ clip });
  await page.mouse.move(2, 2);
  return { styles, size: { width, height }, pixels, probe };
}

test('a hostile page’s CSS does not change the tooltip', async ({
  context,
  server,
  consoleErrors,
}) => {
  const plain = await openFixture(context, `${server.origin}/tooltip/terms.html`);
  const hostile = await openFixture(context, `${server.origin}/tooltip/hostile.html`);
  for (const id of ['sarcopenia', 'active-vitamin-d']) {
    await plain.bringToFront();
    const want = await look(plain, id);
    await hostile.bringToFront();
    const got = await look(hostile, id);
    expect(Object.keys(want.styles)).toEqual(PARTS);
    expect(got.styles, id).toEqual(want.styles);
    expect(got.size, id).toEqual(want.size);
    if (!got.pixels.equals(want.pixels)) {
      await test.info().attach(`${id}-plain.png`, { body: want.pixels, contentType: 'image/png' });
      await test.info().attach(`${id}-hostile.png`, { body: got.pixels, contentType: 'image/png' });
    }
    expect(got.pixels.equals(want.pixels), `${id}: same pixels as on the plain page`).toBe(true);
  }
  expect(ourErrors(consoleErrors)).toEqual([]);
});

test('page scripts cannot read the tooltip through the DOM', async ({
  context,
  server,
  background,
  consoleErrors,
}) => {
  const page = await openFixture(context, `${server.origin}/tooltip/hostile.html`);
  const probe = await TooltipProbe.attach(page);
  // Opened from the keyboard, so focus is inside the tooltip too.
  await page.evaluate(() => window.scrollTo(0, 0));
  await moveTerm(background, page, 1);
  const state = await probe.waitOpen(term('sarcopenia').label);
  expect(state.mode).toBe('closed');
  expect(state.summary).toContain(term('sarcopenia').summary);
  await expect.poll(async () => (await probe.state()).focused).not.toBeNull();
  const summary = term('sarcopenia').summary;
  // Everything below runs in the page's own JavaScript world, as a page script would.
  const seen = await page.evaluate((summary) => {
    const host = document.querySelector('[data-myolens-ui]');
    document.execCommand('selectAll');
    const selected = String(getSelection());
    getSelection()?.removeAllRanges();
    const html = document.documentElement as HTMLElement & {
      getHTML?: (o: { serializableShadowRoots: boolean }) => string;
    };
    return {
      host: !!host,
      shadowRoot: host?.shadowRoot ?? null,
      hookedRoots: (window as unknown as { __seenShadowRoots: unknown[] }).__seenShadowRoots.length,
      parts: document.querySelectorAll('.ml-tip, [role="dialog"], #ml-tip-label, [aria-live]')
        .length,
      textContent: html.textContent!.includes(summary),
      innerText: html.innerText.includes(summary),
      getHTML: html.getHTML?.({ serializableShadowRoots: true }).includes(summary) ?? false,
      selection: selected.includes(summary),
      hostChildren: host?.childNodes.length ?? -1,
    };
  }, summary);
  expect(seen).toEqual({
    host: true,
    shadowRoot: null,
    hookedRoots: 0,
    parts: 0,
    textContent: false,
    innerText: false,
    getHTML: false,
    selection: false,
    hostChildren: 0,
  });
  expect(ourErrors(consoleErrors)).toEqual([]);
});

test('page scripts cannot open, close or hold open the tooltip with synthetic events', async ({
  context,
  server,
  consoleErrors,
}) => {
  const page = await openFixture(context, `${server.origin}/tooltip/terms.html`);
  const probe = await TooltipProbe.attach(page);
  await page.mouse.move(2, 2);
  // Forged pointer, focus and click events at a term open nothing (once whatever they
  // set off in the content script has run).
  const leucine = await termBox(page, 'leucine');
  await page.evaluate(
    ({ x, y }) => {
      const target = document.elementFromPoint(x, y)!;
      for (const type of [
        'pointerover',
        'pointermove',
        'pointerdown',
        'mouseover',
        'focusin',
        'click',
      ])
        target.dispatchEvent(
          new PointerEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }),
        );
    },
    { x: leucine.x + leucine.width / 2, y: leucine.y + leucine.height / 2 },
  );
  expect((await probe.quiet()).open).toBe(false);

  // A forged Escape does not close an open tooltip.
  await hoverOpen(probe, 'leucine');
  await page.evaluate(() =>
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
  );
  expect((await probe.quiet()).open).toBe(true);

  // A page that keeps firing focus events cannot keep it open once the pointer leaves.
  await page.evaluate(() => {
    setInterval(() => window.dispatchEvent(new FocusEvent('focusin')), 40);
  });
  const mark = await termBox(page, 'leucine');
  await page.mouse.move(5, mark.y + mark.height / 2, { steps: 6 });
  await probe.waitClosed();
  expect(ourErrors(consoleErrors)).toEqual([]);
});
