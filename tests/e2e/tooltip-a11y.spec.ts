import type { Page } from '@playwright/test';
import { build, type Plugin } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAxe } from './axe';
import { expect, ROOT, test } from './fixtures';
import type { FixtureServer } from './server';
import { hoverOpen, openFixture, screenshot, TooltipProbe } from './tooltip-helpers';

// The page's terms are found as text and pointed at (mentionRects), in the default paint
// renderer; the harness renders the tooltip component alone.

const HARNESS_ENTRY = join(ROOT, 'tests/fixtures/tooltip/harness/main.tsx');
const HARNESS_OUT = join(ROOT, 'test-results/tooltip-harness');

/** Vite's `?inline` CSS imports, for esbuild: the file's text as a string. */
const inlineCss: Plugin = {
  name: 'inline-css',
  setup(b) {
    b.onResolve({ filter: /\?inline$/ }, async (args) => {
      const resolved = await b.resolve(args.path.replace(/\?inline$/, ''), {
        kind: args.kind,
        resolveDir: args.resolveDir,
      });
      return { path: resolved.path, namespace: 'inline-css' };
    });
    b.onLoad({ filter: /.*/, namespace: 'inline-css' }, (args) => ({
      contents: readFileSync(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

let bundle: Promise<string> | undefined;

/** Bundles the harness (Tooltip.tsx + tooltip.css) once per worker, kept in test-results/. */
function harnessScript(): Promise<string> {
  bundle ??= build({
    entryPoints: [HARNESS_ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'chrome120',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: join(ROOT, 'tsconfig.json'),
    plugins: [inlineCss],
    logLevel: 'silent',
  }).then((result) => {
    const js = result.outputFiles[0]!.text;
    mkdirSync(HARNESS_OUT, { recursive: true });
    writeFileSync(join(HARNESS_OUT, 'harness.js'), js);
    return js;
  });
  return bundle;
}

/**
 * Serves the harness page and opens it with `?term=` (and `&scheme=` when given; with
 * `lookup`, the selection bubble's results for that text; with `also`, those terms as
 * "Also here").
 */
async function openHarness(
  page: Page,
  server: FixtureServer,
  termId: string,
  scheme?: 'light' | 'dark',
  lookup?: string,
  also?: string,
): Promise<void> {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tooltip harness</title>
<script type="module" src="/tooltip-harness/harness.js"></script></head>
<body><main><h1>Tooltip harness</h1></main></body></html>`;
  const js = await harnessScript();
  // Another Playwright run may have emptied test-results/ meanwhile.
  mkdirSync(HARNESS_OUT, { recursive: true });
  writeFileSync(join(HARNESS_OUT, 'index.html'), html);
  server.route('/tooltip-harness/index.html', { body: html });
  server.route('/tooltip-harness/harness.js', { body: js, type: 'text/javascript; charset=utf-8' });
  const query =
    `term=${termId}${scheme ? `&scheme=${scheme}` : ''}` +
    (lookup === undefined ? '' : `&lookup=${encodeURIComponent(lookup)}`) +
    (also === undefined ? '' : `&also=${also}`);
  await page.goto(`${server.origin}/tooltip-harness/index.html?${query}`);
  await expect(page.getByRole('dialog')).toBeVisible();
  // axe's contrast check must not catch the entrance fade half-way.
  await page.waitForFunction(() =>
    document
      .querySelector('myolens-ui')!
      .shadowRoot!.getAnimations()
      .every((a) => a.playState !== 'running'),
  );
}

/**
 * axe-core's violations (WCAG 2.1 A/AA and best practices), one readable line each, and
 * whether axe checked the tooltip's text (proof that it saw into the shadow root).
 */
async function axe(page: Page): Promise<{ violations: string[]; sawTooltip: boolean }> {
  // Every passing node too: the contrast rule's show that axe saw into the shadow root.
  const results = await runAxe(page, ['violations', 'passes']);
  const violations = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  const contrast = results.passes.find((p) => p.id === 'color-contrast');
  // axe names the summary by its id (the dialog's aria-describedby) or, without one, its
  // class; the results bubble's snippets by theirs.
  const sawTooltip = /ml-tip__summary|ml-tip-label-sum|ml-tip-label-hit-\d/.test(
    JSON.stringify(contrast?.nodes.map((n) => n.target) ?? []),
  );
  return { violations, sawTooltip };
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the tooltip component passes axe in ${scheme} mode (harness; screenshots saved)`, async ({
    context,
    server,
  }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 480, height: 460 });
    await page.emulateMedia({ colorScheme: scheme });
    // Three relatedness shapes: three related terms, two, one.
    for (const id of ['sarcopenia', 'ros', 'hypercalcemia']) {
      await openHarness(page, server, id);
      const dialog = page.getByRole('dialog');
      await expect(dialog).toHaveAccessibleName(/./);
      expect(await axe(page), `${id} (${scheme})`).toEqual({ violations: [], sawTooltip: true });
      // The same with a control focused (focus ring drawn).
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: /Read more/ })).toBeFocused();
      expect((await axe(page)).violations, `${id} focused (${scheme})`).toEqual([]);
      if (id === 'sarcopenia') await screenshot(page, `tooltip-harness-${scheme}`);
    }
  });

  test(`the tooltip with "Also here" (overlapping terms) passes axe in ${scheme} mode, its chip focused too`, async ({
    context,
    server,
  }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 480, height: 520 });
    await page.emulateMedia({ colorScheme: scheme });
    await openHarness(page, server, 'skeletal-muscle', scheme, undefined, 'muscle-atrophy');
    const list = page.getByRole('list', { name: 'Also here:' });
    await expect(list.getByRole('button')).toHaveText(['Muscle atrophy']);
    expect(await axe(page), `also (${scheme})`).toEqual({ violations: [], sawTooltip: true });
    // Close, "Read more", then the chip.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await expect(list.getByRole('button', { name: 'Muscle atrophy' })).toBeFocused();
    expect((await axe(page)).violations, `also focused (${scheme})`).toEqual([]);
    await screenshot(page, `tooltip-harness-also-${scheme}`);
  });

  test(`a page with marks and an open tooltip passes axe in ${scheme} mode (screenshot saved)`, async ({
    context,
    server,
  }) => {
    const page = await openFixture(context, `${server.origin}/tooltip/terms.html`);
    await page.emulateMedia({ colorScheme: scheme });
    const probe = await TooltipProbe.attach(page);
    const { layer } = await hoverOpen(probe, 'sarcopenia');
    // axe cannot enter the closed shadow root: this covers the page around, underlines and all.
    expect((await axe(page)).violations, `terms.html (${scheme})`).toEqual([]);
    await screenshot(page, `tooltip-${scheme}`, {
      x: Math.max(0, layer!.x - 40),
      y: Math.max(0, layer!.y - 60),
      width: layer!.width + 80,
      height: layer!.height + 100,
    });
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the selection bubble's results pass axe in ${scheme} mode (harness; screenshots saved)`, async ({
    context,
    server,
  }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 480, height: 640 });
    await page.emulateMedia({ colorScheme: scheme });
    // Results with snippets; nothing found, with the names it nearly spells.
    for (const [lookup, first] of [
      ['muscle weakness', /^How does a vitamin D deficiency lead to muscle weakness/],
      ['sarqopeeniaa', /^Sarcopenia$/],
    ] as const) {
      await openHarness(page, server, 'sarcopenia', scheme, lookup);
      await expect(page.getByRole('dialog')).toHaveAccessibleName(`“${lookup}”`);
      expect(await axe(page), `${lookup} (${scheme})`).toEqual({
        violations: [],
        sawTooltip: true,
      });
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: first })).toBeFocused();
      expect((await axe(page)).violations, `${lookup} focused (${scheme})`).toEqual([]);
      await screenshot(page, `lookup-harness-${lookup.replace(/\W+/g, '-')}-${scheme}`);
    }
  });
}

// The tooltip's palette follows the page, not the system: each palette must also pass on
// a system preferring the other one (the content script's case on a light page in dark mode).
for (const [system, scheme] of [
  ['dark', 'light'],
  ['light', 'dark'],
] as const) {
  test(`the tooltip component passes axe with the ${scheme} palette on a ${system} system (harness)`, async ({
    context,
    server,
  }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 480, height: 460 });
    await page.emulateMedia({ colorScheme: system });
    for (const id of ['sarcopenia', 'ros']) {
      await openHarness(page, server, id, scheme);
      expect(await axe(page), `${id} (${scheme} on ${system})`).toEqual({
        violations: [],
        sawTooltip: true,
      });
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: /Read more/ })).toBeFocused();
      expect((await axe(page)).violations, `${id} focused (${scheme} on ${system})`).toEqual([]);
    }
    await screenshot(page, `tooltip-harness-${scheme}-on-${system}-system`);
  });
}
