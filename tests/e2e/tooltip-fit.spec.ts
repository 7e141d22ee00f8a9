import type { Page, Worker } from '@playwright/test';
import { build } from 'esbuild';
import { join } from 'node:path';
import { expect, ourErrors, ROOT, test } from './fixtures';
import { scanned } from './helpers';
import { insideViewport, screenshot, term, TooltipProbe, type Box } from './tooltip-helpers';

// These tests never look for <mark>: a term is found as text (TreeWalker + Range) and
// hovered at its Range's centre, which works whether the content script wraps terms in
// elements or paints them with the CSS Custom Highlight API.

const SARCOPENIA = term('sarcopenia').label;

/** Centre of the first occurrence of `text` inside `selector`, in CSS px of the viewport. */
async function textCentre(page: Page, selector: string, text: string): Promise<Box> {
  return page.evaluate(
    ([selector, text]) => {
      const root = document.querySelector(selector!);
      if (!root) throw new Error(`no ${selector}`);
      root.scrollIntoView({ block: 'nearest' });
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue!.indexOf(text!);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text!.length);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
      throw new Error(`no "${text}" in ${selector}`);
    },
    [selector, text],
  );
}

/**
 * Hovers `text` in `selector`, once the content script has found the page's terms, and
 * waits for its tooltip; returns the term's box.
 */
async function hoverText(
  probe: TooltipProbe,
  selector: string,
  text = 'sarcopenia',
  label = SARCOPENIA,
): Promise<Box> {
  await scanned(probe.page);
  const box = await textCentre(probe.page, selector, text);
  await probe.page.mouse.move(1, 1);
  await probe.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
  await probe.waitOpen(label);
  return box;
}

/** Closes the tooltip with Escape and waits until it is gone. */
async function closeTip(probe: TooltipProbe): Promise<void> {
  await probe.page.keyboard.press('Escape');
  await probe.page.mouse.move(1, 1);
  await probe.waitClosed();
}

/** The scheme the layer was given and the tooltip's painted colours. */
async function tipColours(probe: TooltipProbe) {
  const scheme = await probe.inShadow<string>(
    'function () { return this.querySelector(".ml-layer").dataset.scheme ?? null; }',
  );
  const s = await probe.styles(
    ['.ml-tip', '.ml-tip__summary'],
    ['background-color', 'color', 'border-top-color', 'box-shadow'],
  );
  return {
    scheme,
    background: s['.ml-tip']!['background-color'],
    text: s['.ml-tip__summary']!['color'],
    border: s['.ml-tip']!['border-top-color'],
    shadow: s['.ml-tip']!['box-shadow'],
  };
}

const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(29, 35, 42)';

const SECTIONS: [string, 'light' | 'dark', string][] = [
  ['#plain', 'light', 'no background anywhere: the white canvas'],
  ['#dark', 'dark', 'an opaque dark card'],
  ['#veil', 'dark', 'rgba(0,0,0,0.85) over white, blended'],
  ['#faint', 'light', 'rgba(0,0,0,0.05) over the canvas, blended'],
  ['#gradient', 'dark', 'a gradient under light text'],
  ['#light-card', 'light', 'a light card inside a dark one'],
  ['#system-dark', 'dark', 'color-scheme: dark with background: Canvas'],
  ['#oklch', 'dark', 'an oklch() background'],
];

for (const system of ['light', 'dark'] as const) {
  test(`on a ${system} system the tooltip follows the background behind each term`, async ({
    context,
    server,
    consoleErrors,
  }) => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: system });
    await page.goto(`${server.origin}/tooltip-fit/schemes.html`);
    const probe = await TooltipProbe.attach(page);
    for (const [selector, expected, what] of SECTIONS) {
      await hoverText(probe, selector);
      const c = await tipColours(probe);
      expect(c.scheme, `${selector}: ${what}`).toBe(expected);
      expect(c.background, `${selector}: painted`).toBe(expected === 'dark' ? DARK_BG : LIGHT_BG);
      if (system === 'dark' && (selector === '#plain' || selector === '#dark'))
        await screenshot(page, `tooltip-fit-${selector.slice(1)}-on-dark-system`);
      await closeTip(probe);
    }
    expect(ourErrors(consoleErrors)).toEqual([]);
  });
}

for (const [how, query] of [
  ['<meta name="color-scheme">', ''],
  [':root { color-scheme }', '?css'],
]) {
  test(`a page opting in to "light dark" by ${how}, no background: the tooltip follows the system, as the canvas does`, async ({
    context,
    server,
  }) => {
    const page = await context.newPage();
    const probe = await TooltipProbe.attach(page);
    for (const system of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: system });
      await page.goto(`${server.origin}/tooltip-fit/light-dark.html${query}`);
      await hoverText(probe, '#text');
      expect((await tipColours(probe)).scheme, `${system} system`).toBe(system);
      await closeTip(probe);
    }
  });
}

test('forced colours: the tooltip keeps the system colours, on a dark page too', async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'light' });
  await page.goto(`${server.origin}/tooltip-fit/schemes.html`);
  const probe = await TooltipProbe.attach(page);
  for (const selector of ['#plain', '#dark']) {
    await hoverText(probe, selector);
    // What Canvas and CanvasText are in this forced palette, read in the shadow root itself.
    const system = await probe.inShadow<{ canvas: string; text: string }>(`function () {
      const el = this.ownerDocument.createElement('div');
      el.style.cssText = 'background-color: Canvas; color: CanvasText';
      this.appendChild(el);
      const cs = getComputedStyle(el);
      const out = { canvas: cs.backgroundColor, text: cs.color };
      el.remove();
      return out;
    }`);
    const c = await tipColours(probe);
    expect(c.background, `${selector}: Canvas`).toBe(system!.canvas);
    expect(c.text, `${selector}: CanvasText`).toBe(system!.text);
    expect(c.border, `${selector}: a CanvasText border`).toBe(system!.text);
    expect(c.shadow, `${selector}: no shadow`).toBe('none');
    await closeTip(probe);
  }
});

/** The tooltip's type and box: what neither the page's font sizes nor zoom may change. */
async function tipMetrics(probe: TooltipProbe) {
  const s = await probe.styles(
    ['.ml-tip__label', '.ml-tip__summary', '.ml-tip__more', '.ml-tip__ctl', '.ml-tip__note'],
    ['font-size', 'line-height'],
  );
  const { layer, viewport } = await probe.state();
  return { fonts: s, layer: layer!, viewport };
}

for (const root of ['10px', '32px']) {
  test(`a root font size of ${root} leaves the tooltip's type and size as on a 16 px page`, async ({
    context,
    server,
  }) => {
    const page = await context.newPage();
    const probe = await TooltipProbe.attach(page);
    await page.goto(`${server.origin}/tooltip-fit/sizes.html`);
    await hoverText(probe, '#top');
    const base = await tipMetrics(probe);
    await closeTip(probe);
    await page.goto(`${server.origin}/tooltip-fit/sizes.html?root=${root}`);
    const pageFont = await page.evaluate(() => getComputedStyle(document.body).fontSize);
    expect(pageFont, 'the page itself follows its root font').toBe(root);
    await hoverText(probe, '#top');
    const sized = await tipMetrics(probe);
    expect(sized.fonts).toEqual(base.fonts);
    expect(base.fonts['.ml-tip__summary']!['font-size']).toBe('14px');
    expect(sized.layer.width).toBeCloseTo(base.layer.width, 0);
    expect(sized.layer.height).toBeCloseTo(base.layer.height, 0);
    await screenshot(page, `tooltip-fit-root-${root}`);
  });
}

/**
 * Browser zoom, as Ctrl+/Ctrl- sets it: `chrome.tabs.setZoom` from the service worker
 * (no permission needed). Unlike CDP's Emulation.setPageScaleFactor (pinch zoom, which
 * magnifies without reflow), it scales CSS px: devicePixelRatio becomes the factor and
 * the viewport, in CSS px, shrinks by it. Per tab, so other tests' tabs keep 100%.
 */
async function setZoom(background: Worker, page: Page, factor: number): Promise<void> {
  await page.bringToFront();
  await background.evaluate(async (factor) => {
    const { tabs } = (globalThis as unknown as { chrome: { tabs: ZoomTabs } }).chrome;
    const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    await tabs.setZoomSettings(tab.id, { scope: 'per-tab' });
    await tabs.setZoom(tab.id, factor);
  }, factor);
  await expect.poll(() => page.evaluate(() => devicePixelRatio)).toBe(factor);
}

interface ZoomTabs {
  query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]>;
  setZoomSettings(tabId: number, settings: { scope: 'per-tab' }): Promise<void>;
  setZoom(tabId: number, factor: number): Promise<void>;
}

/** Each tooltip button's box, and whether a hit test at its centre finds that button. */
const BUTTONS_REACHABLE_FN = `function () {
  return [...this.querySelectorAll('.ml-tip button')].map((b) => {
    const r = b.getBoundingClientRect();
    const hit = this.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return {
      text: (b.getAttribute('aria-label') ?? b.textContent ?? '').trim(),
      box: { x: r.x, y: r.y, width: r.width, height: r.height },
      hit: hit === b || b.contains(hit),
    };
  });
}`;

test('browser zoom 50%, 100% and 200% scales the tooltip exactly like the page', async ({
  context,
  server,
  background,
  consoleErrors,
}) => {
  const page = await context.newPage();
  const probe = await TooltipProbe.attach(page);
  await page.goto(`${server.origin}/tooltip-fit/sizes.html`);
  const at: Record<number, Awaited<ReturnType<typeof tipMetrics>> & { term: Box }> = {};
  for (const factor of [1, 0.5, 2]) {
    await setZoom(background, page, factor);
    const termBox = await hoverText(probe, '#top');
    at[factor] = { ...(await tipMetrics(probe)), term: termBox };
    // Real page zoom: the viewport, in CSS px, is the window's 1280×800 divided by the zoom.
    expect(at[factor]!.viewport.width, `${factor}: viewport in CSS px`).toBe(
      Math.round(1280 / factor),
    );
    await screenshot(page, `tooltip-fit-zoom-${factor * 100}`);
    await closeTip(probe);
  }
  for (const factor of [0.5, 2]) {
    // Same CSS px as the page's text, so on screen both grow or shrink by the zoom factor.
    expect(at[factor]!.fonts, `${factor}: type in CSS px`).toEqual(at[1]!.fonts);
    expect(at[factor]!.layer.width, `${factor}: width in CSS px`).toBeCloseTo(
      at[1]!.layer.width,
      0,
    );
    expect(at[factor]!.term.width, `${factor}: the term's width`).toBeCloseTo(at[1]!.term.width, 0);
  }
  expect(ourErrors(consoleErrors)).toEqual([]);
});

test('at 200% zoom a tooltip opened in the bottom-right corner stays inside the viewport and every button can be pressed', async ({
  context,
  server,
  background,
}) => {
  const page = await context.newPage();
  const probe = await TooltipProbe.attach(page);
  await page.goto(`${server.origin}/tooltip-fit/sizes.html`);
  await setZoom(background, page, 2);
  await hoverText(probe, '#corner');
  const state = await probe.state();
  expect(state.viewport).toEqual({ width: 640, height: 400 });
  expect(
    insideViewport(state.layer!, state.viewport),
    `${JSON.stringify(state.layer)} inside ${JSON.stringify(state.viewport)}`,
  ).toBe(true);
  const buttons =
    (await probe.inShadow<{ text: string; box: Box; hit: boolean }[]>(BUTTONS_REACHABLE_FN))!;
  expect(buttons.map((b) => b.text)).toEqual(state.buttons);
  for (const b of buttons) {
    expect(insideViewport(b.box, state.viewport), `${b.text}: inside the viewport`).toBe(true);
    expect(b.hit, `${b.text}: nothing covers it`).toBe(true);
  }
  await screenshot(page, 'tooltip-fit-zoom-200-corner');
  // A real click at 200%: the first related term swaps the tooltip, Close closes it.
  const related = buttons.find((b) => !/^(Close|Read more|Hide|Don)/.test(b.text))!;
  await probe.clickButton(related.text);
  await probe.waitOpen(related.text);
  await probe.clickButton('Close');
  await probe.waitClosed();
});

/** page-scheme.ts alone, bundled for the page (the real module, measured in Chromium). */
async function pageSchemeScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'entrypoints/highlighter.content/page-scheme.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'myolensPageScheme',
    target: 'chrome120',
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

// What the walk costs per open is a bench row (tests/bench/page-scheme.ts), not a test:
// it is a timing, and these machines are shared.
test('the background walk reads through 40 transparent levels to the page', async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/tooltip-fit/deep.html`);
  await page.addScriptTag({ content: await pageSchemeScript() });
  const got = await page.evaluate(() => {
    const { pageScheme } = (globalThis as unknown as { myolensPageScheme: PageSchemeModule })
      .myolensPageScheme;
    const el = document.getElementById('term')!;
    let depth = 0;
    for (let n: Element | null = el; n; n = n.parentElement) depth++;
    return { scheme: pageScheme(el, window), depth };
  });
  expect(got.depth).toBeGreaterThan(40);
  expect(got.scheme).toBe('light');
});

test("the walk skips our own marks' tint: an amber flash on a dark card is still a dark page", async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/tooltip-fit/schemes.html`);
  await page.addScriptTag({ content: await pageSchemeScript() });
  const got = await page.evaluate(() => {
    const { pageScheme } = (globalThis as unknown as { myolensPageScheme: PageSchemeModule })
      .myolensPageScheme;
    const tinted = (ours: boolean) => {
      // The "On this page" flash colour of style.css, on a mark of ours or of the page's.
      const mark = document.createElement('mark');
      if (ours) mark.setAttribute('data-myolens-term', 'sarcopenia');
      mark.style.backgroundColor = 'rgba(245, 158, 11, 0.65)';
      mark.textContent = 'term';
      document.querySelector('#dark p')!.append(mark);
      const scheme = pageScheme(mark, window);
      mark.remove();
      return scheme;
    };
    return { ours: tinted(true), pages: tinted(false) };
  });
  // The page's own amber really is light enough to count: only ours is skipped.
  expect(got).toEqual({ ours: 'dark', pages: 'light' });
});

interface PageSchemeModule {
  pageScheme(el: Element, win: Window): 'light' | 'dark';
}
