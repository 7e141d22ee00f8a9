import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import { join } from 'node:path';
import { expect, ourErrors, ROOT, test } from './fixtures';
import { expectedCounts, marked, scanned, whenIdle } from './helpers';
import { idleCounts, paintedCount } from './paint-helpers';
import { INITIAL, rendered, type Item } from '../fixtures/frameworks/items';

// About the wrap renderer's <mark> elements inside a framework's nodes, one for every
// mention: forced by the settings here; the "paint" tests below cover the defaults.
test.use({ stored: { renderer: 'wrap', density: 'all' } });

/** Bundles a fixture app from the real react/react-dom or vue packages. */
async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, 'tests/fixtures/frameworks', entry)],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>app</title></head>
<body><div id="root"></div><script src="app.js"></script></body></html>`;

/** Tells the app to render a new state and waits until it has. */
async function render(page: Page, items: Item[], title: string): Promise<void> {
  await page.evaluate(([next, t]) => window.app.set(next, t), [items, title] as const);
  // Vue renders on the next tick; both frameworks are done after a frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}

/** What the app shows: its title and paragraphs' text. */
function appState(page: Page): Promise<{ title: string | null; paragraphs: (string | null)[] }> {
  return page.evaluate(() => ({
    title: document.getElementById('title')!.textContent,
    paragraphs: [...document.querySelectorAll('p[data-id]')].map((p) => p.textContent),
  }));
}

/** Each step: the app's new state, as the test tells the framework to render it. */
const STEPS: {
  name: string;
  items: (items: Item[]) => Item[];
  title: string;
  /** Marks the new text must get. */
  marks?: string[];
  /** Marks it must not get (headings are explained on hover, never underlined). */
  none?: string[];
}[] = [
  {
    name: 'change a marked text',
    items: (items) =>
      items.map((i) =>
        i.id === 1 ? { ...i, text: 'Dynapenia often comes before sarcopenia.' } : i,
      ),
    title: 'Frailty, dynapenia and the ageing muscle',
    marks: ['p[data-id="1"] mark[data-myolens-term="dynapenia"]'],
  },
  {
    name: 'change the title',
    items: (items) => items,
    title: 'Hypercalcemia and vitamin D toxicity',
    none: ['h1 mark'],
  },
  {
    name: 'reorder',
    items: (items) => [...items].reverse(),
    title: 'Hypercalcemia and vitamin D toxicity',
  },
  {
    name: 'remove one',
    items: (items) => items.filter((i) => i.id !== 2),
    title: 'Hypercalcemia and vitamin D toxicity',
  },
  {
    name: 'add one and change another',
    items: (items) => [
      { id: 9, text: 'Fatty fish and fortified foods provide vitamin D.' },
      ...items.map((i) =>
        i.id === 3 ? { ...i, text: 'Mitochondrial dysfunction raises ROS in muscle.' } : i,
      ),
    ],
    title: 'Sarcopenia, after all',
    none: ['h1 mark'],
    marks: [
      'p[data-id="9"] mark[data-myolens-term="fatty-fish"]',
      'p[data-id="3"] mark[data-myolens-term="mitochondrial-dysfunction"]',
    ],
  },
  { name: 'remove all', items: () => [], title: 'Nothing left' },
];

for (const [framework, entry] of [
  ['React', 'react-app.tsx'],
  ['Vue', 'vue-app.ts'],
] as const) {
  test(`${framework} keeps rendering exactly its own state over marked text`, async ({
    context,
    server,
    consoleErrors,
  }) => {
    const base = `/${framework.toLowerCase()}`;
    server.route(`${base}/index.html`, { body: PAGE });
    server.route(`${base}/app.js`, { body: await bundle(entry), type: 'text/javascript' });
    const page = await context.newPage();
    await page.goto(`${server.origin}${base}/index.html`);
    await marked(page);
    await expect(page.locator('p[data-id="1"] mark[data-myolens-term="sarcopenia"]')).toHaveCount(
      1,
    );

    let items = INITIAL;
    for (const step of STEPS) {
      items = step.items(items);
      await render(page, items, step.title);
      const seen = await appState(page);
      expect(seen, `after "${step.name}"`).toEqual({
        title: step.title,
        paragraphs: items.map(rendered),
      });
      await whenIdle(page);
      for (const selector of step.marks ?? []) {
        await expect(page.locator(selector), `after "${step.name}"`).toHaveCount(1);
      }
      for (const selector of step.none ?? []) {
        await expect(page.locator(selector), `after "${step.name}"`).toHaveCount(0);
      }
    }

    // Nothing stale is left once the app removed everything.
    expect(await page.locator('article mark').count()).toBe(0);
    await expect(page.locator('article')).toHaveText('Nothing left');
    expect(ourErrors(consoleErrors)).toEqual([]);
    expect(consoleErrors.filter((e) => /NotFoundError|not a child/i.test(e.text))).toEqual([]);
  });
}

test('marks follow the new text after each update (React)', async ({
  context,
  server,
  consoleErrors,
}) => {
  server.route('/react2/index.html', { body: PAGE });
  server.route('/react2/app.js', { body: await bundle('react-app.tsx'), type: 'text/javascript' });
  const page = await context.newPage();
  await page.goto(`${server.origin}/react2/index.html`);
  await marked(page);
  const items = STEPS[0]!.items(INITIAL);
  await render(page, items, STEPS[0]!.title);
  await whenIdle(page);
  await expect(page.locator('p[data-id="1"] mark[data-myolens-term="dynapenia"]')).toHaveCount(1);
  await expect(page.locator('p[data-id="1"] mark[data-myolens-term="sarcopenia"]')).toHaveCount(1);
  await expect(page.locator('p[data-id="1"]')).toHaveText(rendered(items[0]!));
  expect(consoleErrors).toEqual([]);
});

test.describe('paint (the default)', () => {
  test.use({ stored: { renderer: 'paint', density: 'section' } });
  for (const [framework, entry] of [
    ['React', 'react-app.tsx'],
    ['Vue', 'vue-app.ts'],
  ] as const) {
    test(`${framework} renders exactly its own state; the mentions follow, no node is ours`, async ({
      context,
      server,
      consoleErrors,
    }) => {
      const base = `/paint-${framework.toLowerCase()}`;
      server.route(`${base}/index.html`, { body: PAGE });
      server.route(`${base}/app.js`, { body: await bundle(entry), type: 'text/javascript' });
      const page = await context.newPage();
      await page.goto(`${server.origin}${base}/index.html`);
      await scanned(page);
      let items = INITIAL;
      for (const step of STEPS) {
        items = step.items(items);
        await render(page, items, step.title);
        const seen = {
          ...(await appState(page)),
          ours: await page.locator('mark, [data-myolens-term]').count(),
        };
        expect(seen, `after "${step.name}"`).toEqual({
          title: step.title,
          paragraphs: items.map(rendered),
          ours: 0,
        });
        // "This page" follows the app: every mention of the new state, none of the old.
        expect(await idleCounts(page), `after "${step.name}"`).toEqual(await expectedCounts(page));
      }
      // Nothing painted is left once the app removed everything.
      await expect.poll(() => paintedCount(page)).toBe(0);
      expect(ourErrors(consoleErrors)).toEqual([]);
    });
  }
});
