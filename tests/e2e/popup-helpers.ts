import { expect, type Page, type Worker } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runAxe } from './axe';
import { ROOT } from './fixtures';

/** The popup's size in Chromium (it is a fixed 400 × 600 box). */
export const POPUP_SIZE = { width: 400, height: 600 };
/** Screenshots of every view, kept after the run for review. */
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');

/** Opens popup.html (optionally with a query/fragment) at popup size, search field ready. */
export async function openPopup(
  openExtensionPage: (path: string) => Promise<Page>,
  suffix = '',
): Promise<Page> {
  const page = await openExtensionPage(`popup.html${suffix}`);
  await page.setViewportSize(POPUP_SIZE);
  await page.locator('#search-input').waitFor();
  return page;
}

/** Types a query into the search field (replacing what was there). */
export async function search(page: Page, query: string): Promise<void> {
  await page.locator('#search-input').fill(query);
}

/** The titles of the result options, in order. */
export function optionTitles(page: Page): Promise<string[]> {
  return page.locator('[role="option"] .ml-result__title').allTextContents();
}

/** Shows a view by clicking its tab. */
export async function showView(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}

/** axe-core's violations for the page as it is now (WCAG 2.1 A/AA and best practices). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await runAxe(page);
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Saves a screenshot under test-results/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/**
 * The tab id of the page currently in front. The popup opened as a page in its own tab
 * cannot ask for "the active tab" (it would be itself), so tests pass this as ?tab=.
 */
export async function frontTabId(page: Page, background: Worker): Promise<number> {
  await page.bringToFront();
  const id = await background.evaluate(async () => {
    // The service worker's own `chrome`; typed here since tests see no extension types.
    const { tabs } = (globalThis as unknown as { chrome: { tabs: TabsApi } }).chrome;
    const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (id === undefined) throw new Error('no active tab');
  return id;
}

interface TabsApi {
  query(query: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]>;
}

/** Each view in a state worth checking: results shown, an FAQ entry open, and so on. */
export const A11Y_VIEWS: { tab: string; name: string; prepare?: (page: Page) => Promise<void> }[] =
  [
    {
      tab: 'Search',
      name: 'search',
      prepare: async (page) => {
        await search(page, 'vitamin d');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
      },
    },
    { tab: 'Search', name: 'search-empty', prepare: (page) => search(page, 'sarkopeenya') },
    { tab: 'Article', name: 'article' },
    {
      tab: 'FAQ',
      name: 'faq',
      prepare: (page) => page.locator('#faq-dosage summary').click(),
    },
    { tab: 'Glossary', name: 'glossary' },
    {
      tab: 'Glossary',
      name: 'glossary-by-category',
      prepare: (page) => page.getByRole('button', { name: 'By category' }).click(),
    },
    { tab: 'This page', name: 'page' },
    { tab: 'Settings', name: 'settings' },
  ];

/**
 * Shows each of A11Y_VIEWS in turn (popup, side panel: the same shell), saves a screenshot
 * `<prefix>-<view>-<scheme>` and returns axe's violations, each named by its view.
 */
export async function axeEveryView(page: Page, prefix: string, scheme: string): Promise<string[]> {
  const found: string[] = [];
  for (const view of A11Y_VIEWS) {
    await showView(page, view.tab);
    await view.prepare?.(page);
    if (view.name === 'page') await expect(page.locator('#panel-page h2')).toBeVisible();
    if (view.name === 'settings') await expect(page.locator('#setting-enabled')).toBeVisible();
    await screenshot(page, `${prefix}-${view.name}-${scheme}`);
    for (const violation of await axeViolations(page))
      found.push(`${view.name} (${scheme}): ${violation}`);
  }
  return found;
}
