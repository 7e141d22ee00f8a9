/**
 * The paint renderer (the default): hover and touch by hit-testing the text under the
 * pointer, the keyboard through every mention, density, and a page that fights the
 * highlight registry.
 */
import type { Page } from '@playwright/test';
import { expect, ourErrors, test } from './fixtures';
import { expectedMentions, scanned, setSettings } from './helpers';
import { centre, idleCounts, painted, paintedTexts, paintedTops, textRects } from './paint-helpers';
import { moveTerm, tap, term, TooltipProbe } from './tooltip-helpers';

/**
 * Rests the pointer at (x, y) until the content script has nothing pending (a hover's
 * open delay included), then says whether a tooltip is open.
 */
async function opensAt(page: Page, probe: TooltipProbe, x: number, y: number): Promise<boolean> {
  await page.mouse.move(x, y);
  return (await probe.quiet()).open;
}

test.describe('hover without elements', () => {
  let page: Page;
  let probe: TooltipProbe;
  test.beforeEach(async ({ context, server }) => {
    page = await context.newPage();
    await page.goto(`${server.origin}/paint/hover.html`);
    await scanned(page);
    await painted(page);
    probe = await TooltipProbe.attach(page);
  });

  test('a point inside a term opens its tooltip, underlined or not', async () => {
    // The section's first "sarcopenia" is underlined, the next one is not: both explain.
    expect(await paintedTexts(page)).toContain('sarcopenia');
    for (const [selector, text, label] of [
      ['#first', 'sarcopenia', 'Sarcopenia'],
      ['#second', 'sarcopenia', 'Sarcopenia'],
      ['#second', 'dynapenia', 'Dynapenia'],
      ['h1', 'sarcopenia', 'Sarcopenia'],
    ] as const) {
      const [box] = await textRects(page, selector, text);
      // Near both ends of the word and at its middle.
      for (const fx of [0.1, 0.5, 0.9]) {
        await page.mouse.move(5, 5);
        await probe.waitClosed();
        await page.mouse.move(box!.x + box!.width * fx, box!.y + box!.height / 2);
        const state = await probe.waitOpen(label);
        expect(state.label, `${selector} ${text} at ${fx}`).toBe(label);
      }
    }
    // The hovered mention has the hover highlight.
    expect(await paintedTexts(page, 'myolens-hover')).toEqual(['sarcopenia']);
  });

  test('just past a term, over whitespace beside it, after a line end or between lines: nothing', async () => {
    const [box] = await textRects(page, '#spaced', 'dynapenia');
    // word-spacing: 24px leaves wide gaps on both sides.
    expect(await opensAt(page, probe, box!.x + box!.width + 8, box!.y + box!.height / 2)).toBe(
      false,
    );
    expect(await opensAt(page, probe, box!.x - 8, box!.y + box!.height / 2)).toBe(false);
    const [last] = await textRects(page, '#end', 'leucine');
    // Past the end of the paragraph's only line.
    expect(await opensAt(page, probe, last!.x + last!.width + 30, last!.y + last!.height / 2)).toBe(
      false,
    );
    // line-height 2.4: the band above and below the glyphs is no part of the term.
    expect(await opensAt(page, probe, centre(last!).x, last!.y - 6)).toBe(false);
    expect(await opensAt(page, probe, centre(last!).x, last!.y + last!.height + 6)).toBe(false);
    expect(await opensAt(page, probe, centre(last!).x, centre(last!).y)).toBe(true);
    expect((await probe.state()).label).toBe('Leucine');
  });

  test('a term wrapped over two lines opens from either line, next to the term', async () => {
    const rects = await textRects(page, '#narrow', 'vitamin D receptor');
    expect(rects.length, 'the term wraps').toBeGreaterThan(1);
    for (const r of [rects[0]!, rects.at(-1)!]) {
      await page.mouse.move(5, 5);
      await probe.waitClosed();
      await page.mouse.move(centre(r).x, centre(r).y);
      const state = await probe.waitOpen('VDR (vitamin D receptor)');
      const layer = state.layer!;
      // Next to the term: 8 px above or below one of its lines.
      const gap = Math.min(
        ...rects.map((line) =>
          Math.min(
            Math.abs(layer.y - (line.y + line.height)),
            Math.abs(line.y - (layer.y + layer.height)),
          ),
        ),
      );
      expect(gap, 'the tooltip sits next to the term').toBeLessThan(12);
    }
  });

  test('RTL text: the term under the pointer opens', async () => {
    const [box] = await textRects(page, '#rtl', 'sarcopenia');
    await page.mouse.move(centre(box!).x, centre(box!).y);
    expect((await probe.waitOpen('Sarcopenia')).label).toBe('Sarcopenia');
  });

  test('hoverable and persistent: into the tooltip it stays; leaving both closes; Escape closes', async () => {
    const [box] = await textRects(page, '#first', 'sarcopenia');
    await page.mouse.move(centre(box!).x, centre(box!).y);
    const state = await probe.waitOpen('Sarcopenia');
    const layer = state.layer!;
    await page.mouse.move(layer.x + layer.width / 2, layer.y + 10, { steps: 8 });
    // Every timer the move started has run: none closed it.
    expect((await probe.quiet()).open).toBe(true);
    await page.mouse.move(5, 5, { steps: 4 });
    await probe.waitClosed();
    await page.mouse.move(centre(box!).x, centre(box!).y);
    await probe.waitOpen('Sarcopenia');
    await page.keyboard.press('Escape');
    await probe.waitClosed();
    expect((await probe.quiet()).open, 'stays closed under a resting pointer').toBe(false);
  });

  test('touch: a tap on a term opens it; a tap elsewhere closes it', async () => {
    const cdp = await page.context().newCDPSession(page);
    const [box] = await textRects(page, '#second', 'dynapenia');
    await tap(cdp, centre(box!).x, centre(box!).y);
    expect((await probe.waitOpen('Dynapenia')).label).toBe('Dynapenia');
    await tap(cdp, 10, 10);
    await probe.waitClosed();
  });

  test('zoom: at 200% the point inside a term still opens it', async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2 });
    const [box] = await textRects(page, '#first', 'sarcopenia');
    await page.mouse.move(centre(box!).x, centre(box!).y);
    expect((await probe.waitOpen('Sarcopenia')).label).toBe('Sarcopenia');
  });
});

test('keyboard: every mention in order, focus in the tooltip, Escape gives focus back', async ({
  context,
  server,
  background,
  consoleErrors,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/paint/hover.html`);
  await scanned(page);
  const probe = await TooltipProbe.attach(page);
  await page.focus('#before');
  await page.evaluate(() => scrollTo(0, 0));
  // Every mention in document order, underlined or not (the h1's, #first's, ...).
  const ids = (await expectedMentions(page)).slice(0, 4);
  const labels: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    await moveTerm(background, page, 1);
    labels.push((await probe.waitFocused(term(ids[i]!).label)).label!);
  }
  expect(labels).toEqual(ids.map((id) => term(id).label));
  expect(ids.slice(0, 2)).toEqual(['sarcopenia', 'sarcopenia']);
  await moveTerm(background, page, -1);
  await expect.poll(async () => (await probe.state()).label).toBe(term(ids[2]!).label);
  await page.keyboard.press('Escape');
  await probe.waitClosed();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
  // The page's own focus order is untouched: no tabindex anywhere.
  expect(await page.locator('[tabindex]').count()).toBe(0);
  expect(ourErrors(consoleErrors)).toEqual([]);
});

test('density and registry: a page that clears or takes our highlights gets them back', async ({
  context,
  server,
  background,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/paint/hover.html`);
  await scanned(page);
  await painted(page);
  // First per section, none in the heading: one "sarcopenia" underlined in the section.
  expect((await paintedTexts(page)).filter((t) => t === 'sarcopenia')).toHaveLength(1);
  await setSettings(background, { density: 'all' });
  await expect
    .poll(async () => (await paintedTexts(page)).filter((t) => t === 'sarcopenia').length)
    .toBe(3);
  const n = (await paintedTexts(page)).length;
  await page.evaluate(() => {
    CSS.highlights.clear();
    CSS.highlights.set('myolens', new Highlight());
  });
  // The next check (the next pointer frame) restores ours.
  const [box] = await textRects(page, '#first', 'sarcopenia');
  await page.mouse.move(centre(box!).x, centre(box!).y);
  await expect.poll(async () => (await paintedTexts(page)).length).toBe(n);
  // A page rule for ::highlight(myolens) loses to our layer.
  await page.addStyleTag({ content: '::highlight(myolens) { text-decoration: none !important; }' });
  const decoration = await page.evaluate(
    () =>
      getComputedStyle(document.querySelector('#first')!, '::highlight(myolens)')
        .textDecorationLine,
  );
  expect(decoration).toContain('underline');
});

test('a long page: only the underlines near the viewport are registered, the rest as the reader scrolls', async ({
  context,
  server,
  background,
}) => {
  // 600 paragraphs, each with one term underlined (every mention, to have many), far
  // enough apart that a run of them is taller than the margin around the viewport.
  const paragraphs = Array.from(
    { length: 600 },
    (_, i) =>
      `<p id="p${i}">Paragraph ${i} is about sarcopenia and little else.</p><div style="height: 90px"></div>`,
  );
  server.route('/paint/long.html', {
    body: `<!doctype html><html lang="en"><head><title>Long</title></head><body><main>${paragraphs.join('')}</main></body></html>`,
  });
  await setSettings(background, { density: 'all' });
  const page = await context.newPage();
  await page.goto(`${server.origin}/paint/long.html`);
  expect(await scanned(page)).toBe(600);
  await painted(page);
  const { h, pitch } = await page.evaluate(() => ({
    h: innerHeight,
    pitch:
      document.getElementById('p1')!.getBoundingClientRect().top -
      document.getElementById('p0')!.getBoundingClientRect().top,
  }));
  const near = async () => {
    const tops = await paintedTops(page);
    // A screen above and below the viewport (NEAR_MARGIN), and at most a run's worth of
    // paragraphs (RUN_LENGTH, 64) beyond that: runs go in whole.
    const reach = h + 64 * pitch;
    for (const top of tops) expect(top).toBeGreaterThan(-reach);
    for (const top of tops) expect(top).toBeLessThan(h + reach);
    return tops;
  };
  const atTop = await near();
  expect(atTop.length).toBeGreaterThan(0);
  expect(atTop.length).toBeLessThan(600);
  // At the bottom: the last paragraph's term is painted, the first one's is not.
  await page.evaluate(() => document.getElementById('p599')!.scrollIntoView());
  const has = (id: string) =>
    page.evaluate(
      (id) =>
        [...(CSS.highlights.get('myolens') ?? [])].some(
          (r) => (r.startContainer.parentNode as Element).id === id,
        ),
      id,
    );
  await expect.poll(() => has('p599')).toBe(true);
  expect(await has('p0')).toBe(false);
  await near();
  // Every mention is still known and explained, registered or not.
  expect((await idleCounts(page)).sarcopenia).toBe(600);
  await page.evaluate(() => scrollTo(0, 0));
  await expect.poll(() => has('p0')).toBe(true);
  expect(await has('p599')).toBe(false);
  // Jumps (no scrolling through): every paragraph on screen has its underline.
  const onScreenUnpainted = () =>
    page.evaluate(() => {
      const painted = new Set(
        [...(CSS.highlights.get('myolens') ?? [])].map((r) => r.startContainer.parentNode),
      );
      return [...document.querySelectorAll('p')]
        .filter((p) => {
          const r = p.getBoundingClientRect();
          return r.bottom > 0 && r.top < innerHeight && !painted.has(p);
        })
        .map((p) => p.id);
    });
  for (const at of [0.5, 0.25, 0.8]) {
    await page.evaluate((at) => scrollTo(0, document.body.scrollHeight * at), at);
    await expect.poll(onScreenUnpainted).toEqual([]);
  }
});
