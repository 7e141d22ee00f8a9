import type { Page } from '@playwright/test';
import { expect, ourErrors, test } from './fixtures';
import { screenshot, term, TooltipProbe, type Box } from './tooltip-helpers';

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
 * Hovers `text` in `selector` until its tooltip opens (the content script may still be
 * finding terms on the first tries); returns the term's box.
 */
async function hoverText(
  probe: TooltipProbe,
  selector: string,
  text = 'sarcopenia',
  label = SARCOPENIA,
): Promise<Box> {
  const end = Date.now() + 15_000;
  for (;;) {
    const box = await textCentre(probe.page, selector, text);
    await probe.page.mouse.move(1, 1);
    await probe.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
    try {
      await probe.waitOpen(label, 1_500);
      return box;
    } catch (err) {
      if (Date.now() > end) throw err;
    }
  }
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
