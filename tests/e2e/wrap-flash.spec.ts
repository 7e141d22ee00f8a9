/**
 * The wrap renderer's reveal ("This page" → a term): a mention that density left without
 * a mark lights up too, as every mention does when painted (paint.ts), with boxes over
 * its text that leave the page's body alone and go away after a moment.
 */
import type { CDPSession, Page } from '@playwright/test';
import { expect, ourErrors, test } from './fixtures';
import { marked } from './helpers';
import { tellTab } from './paint-helpers';

test.use({ stored: { renderer: 'wrap', density: 'section' } });

type Box = { x: number; y: number; width: number; height: number; colour: string };

/** The flash boxes in the closed shadow root of our flash layer (none: no layer). */
async function flashBoxes(cdp: CDPSession): Promise<Box[] | null> {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const html = root.children?.find((n) => n.nodeName === 'HTML');
  const layer = html?.children?.find((n) => {
    const attrs = n.attributes ?? [];
    return attrs.includes('data-myolens-ui') && attrs.includes('data-myolens-flash');
  });
  if (!layer) return null;
  expect(layer.attributes).toContain('aria-hidden');
  expect(layer.shadowRoots?.[0]?.shadowRootType).toBe('closed');
  const boxes: Box[] = [];
  for (const child of layer.shadowRoots![0]!.children ?? []) {
    if (child.nodeName !== 'DIV') continue;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: child.backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function () {
        const r = this.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height,
                 colour: getComputedStyle(this).backgroundColor };
      }`,
      returnByValue: true,
    });
    boxes.push(result.value as Box);
  }
  return boxes;
}

/** Line boxes of every "vitamin D" in the page's text that has no mark of ours around it. */
function unmarkedMentions(page: Page): Promise<{ x: number; y: number }[][]> {
  return page.evaluate(() => {
    const out: { x: number; y: number }[][] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      if (n.parentElement?.closest('mark[data-myolens-term]')) continue;
      for (const m of n.data.matchAll(/vitamin D/g)) {
        const range = new Range();
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        out.push([...range.getClientRects()].map((r) => ({ x: r.x, y: r.y })));
      }
    }
    return out;
  });
}

test('wrap: revealing a mention without a mark lights it over its text, then the light goes', async ({
  context,
  server,
  background,
  consoleErrors,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/demo/index.html`);
  expect(await marked(page)).toBeGreaterThan(5);
  const cdp = await context.newCDPSession(page);
  const body = await page.evaluate(() => document.body.innerHTML);

  // "This page" reveals a term's mentions one after another, marked ones and plain ones.
  let boxes: Box[] | null = null;
  for (let i = 0; i < 12 && !boxes; i++) {
    await tellTab(background, page, { type: 'reveal-term', termId: 'vitamin-d' });
    const lit = await expect
      .poll(async () =>
        (await page.locator('mark[data-myolens-flash]').count())
          ? 'mark'
          : (await flashBoxes(cdp))
            ? 'text'
            : '',
      )
      .not.toBe('')
      .then(async () =>
        (await page.locator('mark[data-myolens-flash]').count()) ? 'mark' : 'text',
      );
    if (lit === 'text') boxes = await flashBoxes(cdp);
    // A marked one: its light goes before the next reveal.
    else await expect(page.locator('mark[data-myolens-flash]')).toHaveCount(0);
  }
  expect(boxes, 'a plain mention among the first reveals').not.toBeNull();
  expect(boxes!.length).toBeGreaterThan(0);

  // Over a plain "vitamin D", on screen, in a visible colour.
  const mentions = await unmarkedMentions(page);
  const [first] = boxes!;
  expect(
    mentions.some((rects) =>
      rects.some((r) => Math.abs(r.x - first!.x) < 1 && Math.abs(r.y - first!.y) < 1),
    ),
  ).toBe(true);
  const height = await page.evaluate(() => innerHeight);
  expect(first!.y).toBeGreaterThanOrEqual(0);
  expect(first!.y + first!.height).toBeLessThanOrEqual(height);
  expect(first!.colour).not.toBe('rgba(0, 0, 0, 0)');
  // Outside <body>: the page's body is as it was, marks and all.
  expect(await page.evaluate(() => document.body.innerHTML)).toBe(body);

  // Then it goes, and leaves nothing behind.
  await expect.poll(() => flashBoxes(cdp)).toBeNull();
  expect(await page.locator('[data-myolens-flash]').count()).toBe(0);
  expect(ourErrors(consoleErrors)).toEqual([]);
});
