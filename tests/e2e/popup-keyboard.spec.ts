import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openPopup } from './popup-helpers';

/** Shift+Tab until a tab has focus, as a keyboard user would; fails after 40 presses. */
async function backToTabs(page: Page): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Shift+Tab');
    if (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'tab')) return;
  }
  throw new Error('Shift+Tab never reached the tabs');
}

/** The focused element's id, role and text, for asserting where focus is. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { id: el?.id ?? '', role: el?.getAttribute('role') ?? '', text: el?.textContent ?? '' };
  });

/** Whether the focused element draws a visible outline (the focus ring). */
const hasFocusRing = (page: Page) =>
  page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  });

test('every view is reachable and usable with the keyboard alone', async ({
  openExtensionPage,
}) => {
  const page = await openPopup(openExtensionPage);
  const tab = (name: string) => page.getByRole('tab', { name, exact: true });

  // Search: focused at open; Shift+Tab reaches the selected tab (one tab stop for all).
  await expect(page.locator('#search-input')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(tab('Search')).toBeFocused();
  expect(await hasFocusRing(page)).toBe(true);

  // Article: arrow to its tab, Tab into the panel, follow a contents link.
  await page.keyboard.press('ArrowRight');
  await expect(tab('Article')).toBeFocused();
  await expect(tab('Article')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#panel-article')).toBeVisible();
  await expect(page.locator('#panel-search')).toBeHidden();
  await page.keyboard.press('Tab');
  await expect(page.locator('#panel-article')).toBeFocused();
  await page.keyboard.press('Tab');
  expect((await focused(page)).text).toBe('Quick Summary');
  await page.keyboard.press('Enter');
  await expect(page.locator('#quick-summary')).toBeFocused();
  await expect(page.locator('#quick-summary')).toBeInViewport();

  // FAQ: a question opens with Enter.
  await backToTabs(page);
  await page.keyboard.press('ArrowRight');
  await expect(tab('FAQ')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.locator('#faq-mechanism summary')).toBeFocused();
  expect(await hasFocusRing(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('#faq-mechanism')).toHaveAttribute('open', '');

  // Glossary: switch the grouping with the keyboard.
  await backToTabs(page);
  await page.keyboard.press('ArrowRight');
  await expect(tab('Glossary')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const byCategory = page.getByRole('button', { name: 'By category' });
  await expect(byCategory).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(byCategory).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#panel-glossary h3').first()).toHaveText('Condition');

  // This page: the popup runs in a tab here, so there is no web page to read.
  await backToTabs(page);
  await page.keyboard.press('ArrowRight');
  await expect(tab('This page')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#panel-page')).toContainText("MyoLens can't read this page");

  // Settings: a checkbox toggles with Space and the change is saved.
  await page.keyboard.press('ArrowRight');
  await expect(tab('Settings')).toHaveAttribute('aria-selected', 'true');
  const enabled = page.locator('#setting-enabled');
  await expect(enabled).toBeVisible(); // settings are read from storage first
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(enabled).toBeFocused();
  await page.keyboard.press('Space');
  await expect(enabled).not.toBeChecked();
  await page.keyboard.press('Space');
  await expect(enabled).toBeChecked();

  // Home/End wrap around the tabs; "/" goes back to the search field from anywhere.
  await backToTabs(page);
  await page.keyboard.press('Home');
  await expect(tab('Search')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(tab('Settings')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('/');
  await expect(page.locator('#search-input')).toBeFocused();
  await expect(tab('Search')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.type('leucine');
  await page.keyboard.press('Enter');
  await expect(page.locator('#term-leucine')).toBeFocused();
});
