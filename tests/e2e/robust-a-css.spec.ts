import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { marked, setSettings, unmarked } from './helpers';
import { lookOf, type MarkLook, ourErrorsStrict } from './robust-a-helpers';

// About the wrap renderer's <mark> elements, which a page's CSS can reach: forced by the
// settings here; paint.spec.ts covers a page's rules against the paint renderer's.
test.use({ stored: { renderer: 'wrap', density: 'all' } });

// Robustness, hostile CSS: a page that restyles `mark`, `*`, `[data-*]`, `::before` and our
// own attribute selectors with !important, up to id-level specificity and in a cascade
// layer of its own. "Readable" means: the
// mark is rendered and on top, its text has the paragraph's font, colour and spacing, no
// box is added around it (its border box is its text's box: no padding, margin, border or
// generated content), nothing moves or hides it, and it carries our dotted underline.

const MARKS = {
  sarcopenia: '#p1 mark[data-myolens-term="sarcopenia"]',
  vdr: '#p2 mark[data-myolens-term="vdr"]',
};

/** The boxes of the page's own blocks (layout must not change when marks are added). */
function layout(page: Page) {
  return page.evaluate(() =>
    ['#article', '#p1', '#p2'].map((s) => {
      const r = document.querySelector(s)!.getBoundingClientRect();
      return { s, x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

/** Everything that makes a mark readable, whatever its style setting. */
function expectReadable(look: MarkLook, what: string): void {
  expect(look.visible, `${what}: rendered and visible`).toBe(true);
  expect(look.onTop, `${what}: its text is what is painted there`).toBe(true);
  expect(
    {
      display: look.display,
      visibility: look.visibility,
      opacity: look.opacity,
      position: look.position,
      transform: look.transform,
      filter: look.filter,
      clipPath: look.clipPath,
      padding: look.padding,
      margin: look.margin,
      border: look.border,
      before: look.before,
      after: look.after,
    },
    `${what}: nothing hides, moves or pads it`,
  ).toEqual({
    display: 'inline',
    visibility: 'visible',
    opacity: '1',
    position: 'static',
    transform: 'none',
    filter: 'none',
    clipPath: 'none',
    padding: '0px',
    margin: '0px',
    border: '0px 0px 0px 0px',
    before: 'none',
    after: 'none',
  });
  expect(
    [look.color, look.fontSize, look.fontFamily, look.lineHeight, look.letterSpacing],
    `${what}: the paragraph's own text style`,
  ).toEqual([
    look.parentColor,
    look.parentFontSize,
    look.parentFontFamily,
    look.parentLineHeight,
    look.parentLetterSpacing,
  ]);
  for (const side of ['x', 'y', 'width', 'height'] as const) {
    expect(
      Math.abs(look.box[side] - look.textBox[side]),
      `${what}: box ${side} is its text's (no box added)`,
    ).toBeLessThan(0.5);
  }
}

test('hostile CSS: marks stay readable, underlined, and change no layout; the page keeps its own mark style', async ({
  context,
  server,
  background,
  consoleErrors,
}) => {
  await setSettings(background, { enabled: false });
  const page = await context.newPage();
  await page.goto(`${server.origin}/robust-a/hostile-css.html`);
  await unmarked(page);
  const before = await layout(page);

  await setSettings(background, { enabled: true, markStyle: 'underline' });
  await marked(page);
  for (const [termId, selector] of Object.entries(MARKS)) {
    await expect(page.locator(selector)).toHaveCount(1);
    const look = await lookOf(page, selector);
    expectReadable(look, termId);
    expect(
      [look.textDecorationLine, look.textDecorationStyle, look.backgroundColor],
      `${termId}: dotted underline, no background`,
    ).toEqual(['underline', 'dotted', 'rgba(0, 0, 0, 0)']);
  }
  expect(await layout(page), 'the page layout with marks').toEqual(before);
  // Our CSS reaches only our marks: the page's own <mark> keeps the page's (hostile) rules.
  expect(await page.locator('#own').evaluate((m) => getComputedStyle(m).display)).toBe('none');

  // The "background" style wins over the page's backgrounds too.
  await setSettings(background, { markStyle: 'background' });
  await expect(page.locator(`${MARKS.sarcopenia}[data-myolens-style="background"]`)).toHaveCount(1);
  for (const [termId, selector] of Object.entries(MARKS)) {
    const look = await lookOf(page, selector);
    expectReadable(look, `${termId} (background style)`);
    expect(
      [look.textDecorationLine, look.backgroundColor],
      `${termId}: our background, no underline`,
    ).toEqual(['none', 'rgba(245, 158, 11, 0.28)']);
  }
  expect(await layout(page), 'the page layout with background marks').toEqual(before);
  expect(ourErrorsStrict(consoleErrors)).toEqual([]);
});
