import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentWorld } from './content-world';
import { EXTENSION_DIR, expect, test } from './fixtures';
import { frameListeners } from './frame-helpers';
import { countsOf, marked, whenIdle } from './helpers';
import { frames, paintedTexts } from './paint-helpers';
import { FIXTURES, ourErrorsStrict } from './robust-a-helpers';
import { hoverOpen, term, TooltipProbe } from './tooltip-helpers';

// Robustness, odd documents: plain text, JSON, XHTML, an SVG document, about:blank, and a
// page whose body only exists later. Rules: no errors anywhere; nothing marked in
// foreign namespaces (SVG, MathML) or in documents that are not HTML pages; XHTML is HTML
// in the XHTML namespace, so it is marked like any page as long as nothing breaks.

/**
 * Waits until the content script has run in the page's document (and returned at once,
 * since it is no HTML page): after that, nothing of ours can come.
 */
async function ranAndLeft(page: Page): Promise<void> {
  await (await ContentWorld.of(page)).ran();
}

/** Every trace of MyoLens in the document, in any namespace (works in XML documents too). */
function traces(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const [name, h] of globalThis.CSS?.highlights ?? [])
      if (h.size) found.push(`${h.size} ranges in ::highlight(${name})`);
    for (const el of document.getElementsByTagName('*')) {
      if (el.localName === 'mark' || el.localName.startsWith('myolens'))
        found.push(`<${el.localName}> in ${el.namespaceURI}`);
      for (const a of el.getAttributeNames())
        if (a.includes('myolens')) found.push(`${a} on <${el.localName}>`);
    }
    return found;
  });
}

test('a plain-text file (text/plain) is left alone', async ({ context, server, consoleErrors }) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/robust-a/notes.txt`);
  await ranAndLeft(page);
  expect(await traces(page)).toEqual([]);
  // Chromium shows the file as a text document; its text is exactly the file's.
  expect(await page.evaluate(() => document.contentType)).toBe('text/plain');
  expect(await page.evaluate(() => document.body.textContent)).toBe(
    readFileSync(join(FIXTURES, 'notes.txt'), 'utf8'),
  );
  expect(ourErrorsStrict(consoleErrors)).toEqual([]);
});

test('a JSON response (application/json) is data: nothing marked, the viewer unchanged', async ({
  context,
  server,
  consoleErrors,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/robust-a/data.json`);
  // Chromium's JSON viewer is an HTML page: the content script runs there, finding nothing.
  expect(await whenIdle(page)).toMatchObject({ terms: [] });
  expect(await traces(page)).toEqual([]);
  // The raw JSON is still what the browser shows and what a page script would parse.
  const raw = await page.evaluate(() => document.querySelector('pre')?.textContent);
  expect(JSON.parse(raw!)).toEqual(JSON.parse(readFileSync(join(FIXTURES, 'data.json'), 'utf8')));
  expect(ourErrorsStrict(consoleErrors)).toEqual([]);
});

test.describe('wrap', () => {
  // The marks are elements the script creates in an XML document: the wrap renderer's case.
  test.use({ stored: { renderer: 'wrap', density: 'all' } });
  test('an XHTML page (application/xhtml+xml) is marked and keeps working; SVG and MathML inside are not', async ({
    context,
    server,
    consoleErrors,
  }) => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/robust-a/page.xhtml`);
    expect(await page.evaluate(() => document.contentType)).toBe('application/xhtml+xml');
    await marked(page);
    await expect(page.locator('#p1 mark[data-myolens-term="sarcopenia"]')).toHaveCount(1);
    await expect(page.locator('#p2 mark[data-myolens-term="vdr"]')).toHaveCount(1);
    const found = await traces(page);
    // Only our marks in the two paragraphs, in the XHTML namespace; nothing in SVG or MathML
    // (the foreignObject's paragraph is inside <svg>, which we never enter).
    expect(found.filter((t) => t.startsWith('<mark>'))).toEqual([
      '<mark> in http://www.w3.org/1999/xhtml',
      '<mark> in http://www.w3.org/1999/xhtml',
    ]);
    expect(await page.locator('#svg mark, #math mark').count()).toBe(0);
    expect(await page.locator('#in-svg').textContent()).toBe('sarcopenia inside a foreignObject');

    // The document is still well-formed XML with our marks in it...
    const wellFormed = await page.evaluate(() => {
      const xml = new XMLSerializer().serializeToString(document);
      const parsed = new DOMParser().parseFromString(xml, 'application/xhtml+xml');
      return parsed.getElementsByTagName('parsererror').length === 0;
    });
    expect(wellFormed).toBe(true);
    // ...and the tooltip works there.
    const probe = await TooltipProbe.attach(page);
    const state = await hoverOpen(probe, 'sarcopenia');
    expect(state.label).toBe(term('sarcopenia').label);
    expect(ourErrorsStrict(consoleErrors)).toEqual([]);
  });
});

test('an SVG document (image/svg+xml) is left alone', async ({
  context,
  server,
  consoleErrors,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/robust-a/image.svg`);
  await ranAndLeft(page);
  expect(
    await page.evaluate(() => [document.contentType, document.documentElement.namespaceURI]),
  ).toEqual(['image/svg+xml', 'http://www.w3.org/2000/svg']);
  expect(await traces(page)).toEqual([]);
  // Its text nodes are untouched: one text node each, as written.
  expect(
    await page.evaluate(() =>
      ['label', 'label2'].map((id) => {
        const el = document.getElementById(id)!;
        return [el.childNodes.length, el.textContent];
      }),
    ),
  ).toEqual([
    [1, 'sarcopenia'],
    [1, 'the vitamin D receptor'],
  ]);
  expect(ourErrorsStrict(consoleErrors)).toEqual([]);
});

test('about:blank, typed or opened and written by a page, is not marked, and nothing breaks there', async ({
  context,
  server,
  consoleErrors,
}) => {
  // Decision: MyoLens marks top-level documents with a URL of their own. A blank page is
  // either empty or the opener's scratch space (print previews, popups built by script):
  // the top-level script leaves match_about_blank and match_origin_as_fallback off, so it
  // never runs there. The frames' first stage has the fallback (srcdoc and about:blank
  // frames are read: frames.spec.ts), and stops at once in a top-level document.
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  for (const script of manifest.content_scripts) {
    const frames = script.js.includes('frames.js');
    expect(script.match_about_blank ?? false).toBe(false);
    expect(script.match_origin_as_fallback ?? false).toBe(frames);
    expect(script.all_frames ?? false).toBe(frames);
  }
  const text = 'Sarcopenia and the vitamin D receptor, written into about:blank.';
  const blank = await context.newPage();
  await blank.goto('about:blank');
  await blank.evaluate((t) => {
    const p = document.createElement('p');
    p.textContent = t;
    document.body.append(p);
  }, text);

  server.route('/robust-a/opener.html', {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>opener</title></head>
    <body><p id="own">Sarcopenia on the opener itself.</p></body></html>`,
  });
  const opener = await context.newPage();
  await opener.goto(`${server.origin}/robust-a/opener.html`);
  await whenIdle(opener, (a) => countsOf(a).sarcopenia === 1);
  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    opener.evaluate((t) => {
      const w = window.open('about:blank', '_blank', 'popup')!;
      const p = w.document.createElement('p');
      p.textContent = t;
      w.document.body.append(p);
    }, text),
  ]);
  // Loaded, and past the frames in which a content script would have been injected.
  await popup.waitForLoadState('load');
  for (const page of [blank, popup]) {
    await frames(page);
    expect(page.url()).toBe('about:blank');
    await expect(page.locator('p')).toHaveText(text);
    expect(await traces(page)).toEqual([]);
  }
  expect(await (await ContentWorld.of(blank)).current(), 'no content script').toBeUndefined();
  // The popup has its opener's origin: the frames' first stage ran, and stopped at once.
  expect(await frameListeners(popup), 'nothing of ours listens').toEqual([]);
  expect(ourErrorsStrict(consoleErrors)).toEqual([]);
});

test('a page with no <body> at load gets marked once its body exists', async ({
  context,
  server,
  consoleErrors,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/robust-a/late-body.html`);
  // The scenario is real: when the content script started, there was no body.
  expect(
    await page.evaluate(() => (window as unknown as { __bodyAtLoad: unknown }).__bodyAtLoad),
  ).toBeNull();
  await whenIdle(page, (a) => countsOf(a).sarcopenia === 1 && countsOf(a).dynapenia === 1);
  await expect
    .poll(async () => (await paintedTexts(page)).sort())
    .toEqual(['Sarcopenia', 'dynapenia']);
  await expect(page.locator('#late')).toHaveText(
    'Sarcopenia and dynapenia, explained once the app has loaded.',
  );
  expect(ourErrorsStrict(consoleErrors)).toEqual([]);
});

test('a page that replaces <body> (Turbo-style navigation) gets its new body marked', async ({
  context,
  server,
  consoleErrors,
}) => {
  server.route('/robust-a/replace-body.html', {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>replace body</title>
    <script>
      // Hotwire Turbo and similar libraries navigate by swapping in a new <body>.
      window.navigate = () => {
        const body = document.createElement('body');
        body.innerHTML = '<p id="next">Dynapenia and the vitamin D receptor, on the next page.</p>';
        document.body.replaceWith(body);
      };
    </script></head>
    <body><p id="first">Sarcopenia on the first page.</p></body></html>`,
  });
  const page = await context.newPage();
  await page.goto(`${server.origin}/robust-a/replace-body.html`);
  await whenIdle(page, (a) => JSON.stringify(countsOf(a)) === '{"sarcopenia":1}');
  await page.evaluate(() => (window as unknown as { navigate(): void }).navigate());
  await whenIdle(page, (a) => JSON.stringify(countsOf(a)) === '{"dynapenia":1,"vdr":1}');
  await expect
    .poll(async () => (await paintedTexts(page)).sort())
    .toEqual(['Dynapenia', 'vitamin D receptor']);
  expect(ourErrorsStrict(consoleErrors)).toEqual([]);
});
