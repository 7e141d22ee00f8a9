import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  axeViolations,
  frontTabId,
  openPopup,
  screenshot,
  search,
  showView,
} from './popup-helpers';

/** Each view in a state worth checking: results shown, an FAQ entry open, and so on. */
const VIEWS: { tab: string; name: string; prepare?: (page: Page) => Promise<void> }[] = [
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

for (const scheme of ['light', 'dark'] as const) {
  test(`every popup view passes axe in ${scheme} mode (screenshots saved)`, async ({
    context,
    background,
    server,
    openExtensionPage,
  }) => {
    // "This page" needs a page to read: the demo article in a tab of its own.
    const demo = await context.newPage();
    await demo.goto(`${server.origin}/demo/index.html`);
    const tabId = await frontTabId(demo, background);
    const page = await openPopup(openExtensionPage, `?tab=${tabId}`);
    await page.emulateMedia({ colorScheme: scheme });
    for (const view of VIEWS) {
      await showView(page, view.tab);
      await view.prepare?.(page);
      if (view.name === 'page') await expect(page.locator('#panel-page h2')).toBeVisible();
      if (view.name === 'settings') await expect(page.locator('#setting-enabled')).toBeVisible();
      await screenshot(page, `popup-${view.name}-${scheme}`);
      expect(await axeViolations(page), `${view.name} (${scheme})`).toEqual([]);
    }
  });
}
