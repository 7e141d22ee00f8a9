import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, ourErrors, SHARED_PAGES, test } from './fixtures';
import {
  countsOf,
  expectedCounts,
  markCounts,
  marked,
  scanned,
  setSettings,
  unmarked,
  whenIdle,
} from './helpers';
import { idleCounts, paintedTexts } from './paint-helpers';

/** Marks where no mention is underlined: headings and navigation (explained on hover). */
const QUIET_MARKS =
  ':is(h1,h2,h3,h4,h5,h6,[role="heading"],nav,[role="navigation"],[role="menu"]) mark[data-myolens-term]';

/**
 * Every expected mention is found ("This page" counts them all) and every one outside
 * headings and navigation is marked (density "all"): no more marks than mentions.
 */
async function expectAllFound(page: import('@playwright/test').Page) {
  const expected = await expectedCounts(page);
  expect(await idleCounts(page)).toEqual(expected);
  const marks = await markCounts(page);
  for (const [id, n] of Object.entries(marks)) expect(n, id).toBeLessThanOrEqual(expected[id] ?? 0);
  expect(await page.locator(QUIET_MARKS).count()).toBe(0);
  const quiet = await page.evaluate(
    () =>
      document.querySelectorAll(
        'h1,h2,h3,h4,h5,h6,[role="heading"],nav,[role="navigation"],[role="menu"]',
      ).length,
  );
  // On a page without headings or navigation, every mention is marked.
  if (!quiet) expect(marks).toEqual(expected);
}

const EXCLUDED = [
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  '[contenteditable]:not([contenteditable="false"])',
];
const EXCLUDED_MARKS = `:is(${EXCLUDED.join(',')}) mark[data-myolens-term]`;

/**
 * The elements holding the painted (registered) underlines that lie inside `within`: an
 * excluded element, or a heading or navigation (explained on hover, never underlined).
 */
function paintedInside(page: import('@playwright/test').Page, within: string): Promise<string[]> {
  return page.evaluate(
    (within) =>
      [...(CSS.highlights.get('myolens') ?? [])]
        .map((r) => r.startContainer.parentElement)
        .filter((el) => el?.closest(within))
        .map((el) => el!.outerHTML.slice(0, 80)),
    within,
  );
}

test('the content script finds every mention of the demo article and paints them, and the popup page renders', async ({
  context,
  server,
  openExtensionPage,
  consoleErrors,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/demo/index.html`);
  expect(await scanned(page)).toBeGreaterThan(30);
  // Every mention is found ("This page" counts them all)...
  expect(await idleCounts(page)).toEqual(await expectedCounts(page));
  // ...the ones near the top are painted, sarcopenia among them...
  await expect.poll(() => paintedTexts(page)).toContainEqual(expect.stringMatching(/sarcopenia/i));
  // ...and none in an excluded element, a heading or the navigation.
  expect(await paintedInside(page, EXCLUDED.join(','))).toEqual([]);
  expect(
    await paintedInside(page, 'h1,h2,h3,h4,h5,h6,[role="heading"],nav,[role="navigation"]'),
  ).toEqual([]);

  const popup = await openExtensionPage('popup.html');
  await expect(popup.locator('body')).toContainText('MyoLens');
  expect(consoleErrors).toEqual([]);
});

// Every saved real-world page (news, encyclopedia, health, RTL, German, Chinese).
/** The boxes of up to 60 paragraphs and list items holding sprinkled terms. */
function paragraphBoxes(page: import('@playwright/test').Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('p, li, td')]
      .filter((el) => el.textContent!.includes('sarcopenia'))
      .slice(0, 60)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 100) / 100);
      }),
  );
}

// The saved pages barely mention the guide's terms, so the test serves each with terms
// added at the end of some paragraphs, list items, table cells and links: real markup
// around them, and a real round trip.
function sprinkle(html: string): string {
  let i = 0;
  return html.replace(/<\/(p|li|td|a|div)>/gi, (end) =>
    ++i % 3 === 1 ? ` sarcopenia, the vitamin D receptor and oxidative stress${end}` : end,
  );
}

// The wrap renderer's round trip: marks in, then the page's HTML back byte for byte.
test.describe('wrap: real pages', () => {
  // One <mark> for every mention, so that the marks themselves can be counted.
  test.use({ stored: { renderer: 'wrap', density: 'all' } });
  for (const file of readdirSync(SHARED_PAGES).filter((f) => f.endsWith('.html'))) {
    test.beforeEach(({ server }) => {
      server.route(`/sprinkled/${file}`, {
        body: sprinkle(readFileSync(join(SHARED_PAGES, file), 'utf8')),
      });
    });
    test(`real page ${file}: every expected term is marked, none where excluded, off restores the HTML`, async ({
      context,
      server,
      background,
      consoleErrors,
    }) => {
      await setSettings(background, { enabled: false });
      const page = await context.newPage();
      await page.goto(`${server.origin}/sprinkled/${file}`, { waitUntil: 'load' });
      await unmarked(page);
      const before = await page.evaluate(() => document.body.innerHTML);
      expect(await page.locator('mark[data-myolens-term]').count()).toBe(0);
      const boxesBefore = await paragraphBoxes(page);

      await setSettings(background, { enabled: true });
      const n = await marked(page);
      expect(n).toBeGreaterThan(0);
      // Marks never move the page's text: the same boxes for every sampled paragraph, to
      // within Chromium's sub-pixel rounding of inline boxes (measured: at most 0.07 px).
      const boxesAfter = await paragraphBoxes(page);
      expect(boxesAfter.length).toBe(boxesBefore.length);
      const shift = Math.max(
        0,
        ...boxesAfter.flatMap((b, i) => b.map((v, j) => Math.abs(v - boxesBefore[i]![j]!))),
      );
      expect(shift, 'largest change of a paragraph box, px').toBeLessThan(0.5);
      expect(await page.locator(EXCLUDED_MARKS).count()).toBe(0);
      await expectAllFound(page);

      await setSettings(background, { enabled: false });
      await expect(page.locator('mark[data-myolens-term]')).toHaveCount(0);
      const after = await page.evaluate(() => document.body.innerHTML);
      expect(after === before, 'body.innerHTML is byte-identical after the round trip').toBe(true);
      expect(ourErrors(consoleErrors)).toEqual([]);
    });
  }
});

test('live pages: infinite scroll batches and a single-page-app navigation get marked', async ({
  context,
  server,
  consoleErrors,
}) => {
  server.route('/live.html', {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>live</title></head><body>
      <main id="feed"><p>Start of the feed.</p></main>
      <script>
        let batch = 0;
        const timer = setInterval(() => {
          const frag = document.createDocumentFragment();
          for (let i = 0; i < 50; i++) {
            const p = document.createElement('p');
            p.textContent = 'Post ' + batch + '.' + i + ': ' + (i % 10 === 0 ? 'notes on sarcopenia' : 'plain words here');
            frag.append(p);
          }
          document.getElementById('feed').append(frag);
          if (++batch === 10) clearInterval(timer);
        }, 40);
        window.navigateSpa = () => {
          history.pushState({}, '', '/live/next');
          const main = document.createElement('main');
          main.id = 'next';
          // A paragraph: a heading's mention is explained on hover but never underlined.
          main.append(Object.assign(document.createElement('p'), { textContent: 'Dynapenia explained' }));
          document.getElementById('feed').replaceWith(main);
        };
      </script></body></html>`,
  });
  const page = await context.newPage();
  await page.goto(`${server.origin}/live.html`);
  await expect(page.locator('#feed p')).toHaveCount(501);
  // Every batch's mentions are found (one in ten posts), and the first ones painted.
  await whenIdle(page, (a) => countsOf(a).sarcopenia === 50);
  await expect.poll(() => paintedTexts(page)).toContain('sarcopenia');
  await page.evaluate(() => (window as unknown as { navigateSpa(): void }).navigateSpa());
  // The new view's term, and nothing left of the old one.
  await whenIdle(page, (a) => JSON.stringify(countsOf(a)) === '{"dynapenia":1}');
  await expect.poll(() => paintedTexts(page)).toEqual(['Dynapenia']);
  expect(consoleErrors).toEqual([]);
});

test('a page with no term when it loads gets its marks when its app fills in', async ({
  context,
  server,
  consoleErrors,
}) => {
  // The page's own script spells no term either (the word is put together at run time),
  // so nothing in body.textContent at document_idle could hold one.
  server.route('/shell.html', {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shell</title></head><body>
      <div id="root"><p>Loading…</p></div>
      <script>
        window.fillIn = () => {
          const article = document.createElement('article');
          article.textContent = 'Notes on ' + ['sarco', 'penia'].join('') + ' and ageing.';
          document.getElementById('root').replaceChildren(article);
        };
      </script></body></html>`,
  });
  const page = await context.newPage();
  await page.goto(`${server.origin}/shell.html`);
  // The content script started, on, and found nothing.
  expect(await whenIdle(page)).toMatchObject({ available: true, terms: [] });
  expect(await paintedTexts(page)).toEqual([]);
  await page.evaluate(() => (window as unknown as { fillIn(): void }).fillIn());
  await whenIdle(page, (a) => countsOf(a).sarcopenia === 1);
  await expect.poll(() => paintedTexts(page)).toEqual(['sarcopenia']);
  expect(consoleErrors).toEqual([]);
});

test.describe('wrap: a mark inside a link', () => {
  test.use({ stored: { renderer: 'wrap', density: 'all' } });
  test('a marked link still works', async ({ context, server }) => {
    server.route('/link.html', {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>link</title></head><body>
      <p>Read <a id="go" href="/demo/index.html">about sarcopenia here</a>.</p></body></html>`,
    });
    const page = await context.newPage();
    await page.goto(`${server.origin}/link.html`);
    const mark = page.locator('#go mark[data-myolens-term="sarcopenia"]');
    await expect(mark).toHaveCount(1);
    await mark.click();
    await expect(page).toHaveURL(/\/demo\/index\.html$/);
  });
});

test('a page without any term gets no marks and no tooltip host', async ({ context, server }) => {
  server.route('/none.html', {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>none</title></head><body>
      <p>Nothing about the guide's subjects here, just the weather and the trains.</p></body></html>`,
  });
  const page = await context.newPage();
  await page.goto(`${server.origin}/none.html`);
  // The content script started, on, and found nothing to mark.
  expect(await whenIdle(page)).toMatchObject({ available: true, terms: [] });
  expect(await page.locator('mark').count()).toBe(0);
  // Nothing painted (the paint renderer's registries may exist, empty).
  const sizes = await page.evaluate(() => [...CSS.highlights.values()].map((h) => h.size));
  expect(sizes.filter((n) => n > 0)).toEqual([]);
  expect(await page.locator('[data-myolens-ui]').count()).toBe(0);
});
