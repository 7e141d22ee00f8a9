/**
 * The address bar: "myo" and a space, then the guide's search as suggestions. Playwright
 * cannot type into Chromium's omnibox, so the service worker's own handlers (the ones
 * registered with chrome.omnibox) are called with what Chromium would pass them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { EXTENSION_DIR, expect, ourErrors, test } from './fixtures';

interface Suggestion {
  content: string;
  description: string;
}

/** What the address bar would list for `text`. */
function suggest(background: Worker, text: string): Promise<Suggestion[]> {
  return background.evaluate(
    (text) =>
      (
        globalThis as unknown as { myolensOmnibox: { suggest(t: string): Suggestion[] } }
      ).myolensOmnibox.suggest(text),
    text,
  );
}

/** Enter on `text` (a suggestion's content, or typed text), with the given disposition. */
async function enter(background: Worker, page: Page, text: string, disposition: string) {
  await page.bringToFront();
  await background.evaluate(
    ([text, disposition]) =>
      (
        globalThis as unknown as {
          myolensOmnibox: { enter(t: string, d: string): Promise<unknown> };
        }
      ).myolensOmnibox.enter(text!, disposition!),
    [text, disposition],
  );
}

/** The text Chromium shows for a description (its XML with the tags taken out). */
const shown = (xml: string) =>
  xml
    .replace(/<\/?(match|dim|url)>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

test.afterEach(({ consoleErrors }) => {
  expect(ourErrors(consoleErrors)).toEqual([]);
});

test('the manifest registers the keyword, and the handlers are the ones the browser calls', async ({
  background,
}) => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    omnibox?: { keyword?: string };
  };
  expect(manifest.omnibox).toEqual({ keyword: 'myo' });
  const listening = await background.evaluate(() => {
    const { omnibox } = (
      globalThis as unknown as {
        chrome: { omnibox: Record<string, { hasListeners(): boolean }> };
      }
    ).chrome;
    return [omnibox.onInputChanged!.hasListeners(), omnibox.onInputEntered!.hasListeners()];
  });
  expect(listening).toEqual([true, true]);
});

test('suggestions for real queries, typos included, with the match highlighted', async ({
  background,
}) => {
  const cases: [string, string, string][] = [
    ['sarcopnia', 'Sarcopenia — Glossary', 'Sarcopenia'],
    ['vitamin d receptor', 'VDR (vitamin D receptor) — Glossary', 'vitamin D receptor'],
    [
      'muscle weakness',
      'How does a vitamin D deficiency lead to muscle weakness and atrophy? — FAQ',
      'muscle weakness',
    ],
    [
      'can vitamin d supplements improve muscle mass and strength?',
      'Can vitamin D supplements improve muscle mass and strength? — FAQ',
      'Can vitamin D supplements improve muscle mass',
    ],
  ];
  for (const [query, first, highlighted] of cases) {
    const list = await suggest(background, query);
    expect(list.length, query).toBeGreaterThanOrEqual(2);
    expect(list.length, query).toBeLessThanOrEqual(6);
    expect(list[0]!.content, query).toBe(first);
    expect(list[0]!.description, query).toContain(`<match>${highlighted}</match>`);
    for (const s of list) {
      // Chromium refuses the list if a description is not well-formed: no bare specials.
      expect(
        s.description.replace(/<\/?(match|dim|url)>|&(amp|lt|gt|apos|quot);/g, ''),
      ).not.toMatch(/[<>&]/);
      expect(shown(s.description).length).toBeLessThanOrEqual(120);
    }
  }
  // The section on the receptor is offered too.
  const receptor = await suggest(background, 'vitamin d receptor');
  expect(receptor.map((s) => s.content)).toContain('The Vitamin D Receptor (VDR) — Guide');
  expect(await suggest(background, 'zzzzzzzz qqqq')).toEqual([]);
});

test('Enter opens the chosen result or the search, in the tab the disposition names', async ({
  context,
  server,
  background,
  extensionId,
}) => {
  const guideUrl = `chrome-extension://${extensionId}/guide.html`;
  const page = await context.newPage();
  await page.goto(`${server.origin}/lookup/index.html`);

  // A new foreground tab at the chosen suggestion's glossary entry.
  let opened = context.waitForEvent('page');
  await enter(background, page, 'Sarcopenia — Glossary', 'newForegroundTab');
  const entry = await opened;
  await entry.waitForLoadState('domcontentloaded');
  expect(entry.url()).toBe(`${guideUrl}#term-sarcopenia`);
  await expect(entry.locator('[id="term-sarcopenia"]')).toBeInViewport();
  expect(await entry.evaluate(() => document.visibilityState)).toBe('visible');
  await entry.close();

  // A new background tab: the reader's tab stays in front.
  opened = context.waitForEvent('page');
  await enter(
    background,
    page,
    'How much vitamin D should I take for muscle health? — FAQ',
    'newBackgroundTab',
  );
  const behind = await opened;
  await behind.waitForLoadState('domcontentloaded');
  expect(behind.url()).toBe(`${guideUrl}#faq-dosage`);
  // The guide opened next to the reader's tab (the last one), which is still the active one.
  const tabs = await background.evaluate(async () => {
    const { tabs } = (
      globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ index: number; active: boolean }[]> } };
      }
    ).chrome;
    return tabs.query({ lastFocusedWindow: true });
  });
  expect(tabs.findIndex((t) => t.active)).toBe(tabs.length - 2);
  await behind.close();

  // The current tab, with typed text that is no suggestion: the guide's search, there.
  await enter(background, page, '  vitamin d  ', 'currentTab');
  await page.waitForURL(`${guideUrl}?q=vitamin%20d`);
  await expect(page.locator('#search-input')).toHaveValue('vitamin d');
});
