import { expect, test } from './fixtures';
import { axeViolations, optionTitles, screenshot } from './popup-helpers';

test.describe('guide tab deep links', () => {
  test('#<section> opens the article scrolled to that section', async ({ openExtensionPage }) => {
    const page = await openExtensionPage('guide.html#mitochondria-oxidative-stress');
    await expect(page.getByRole('tab', { name: 'Article' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const heading = page.locator('h3#mitochondria-oxidative-stress');
    await expect(heading).toBeInViewport();
    await expect(heading).toBeFocused();
    // Not merely rendered: scrolled down to it, below the sticky header.
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    const top = (await heading.boundingBox())!.y;
    const headerBottom = (await page.locator('.ml-app__header').boundingBox())!;
    expect(top).toBeGreaterThanOrEqual(headerBottom.y + headerBottom.height - 1);
  });

  test('?q=leucine opens with that search run and its results shown', async ({
    openExtensionPage,
  }) => {
    const page = await openExtensionPage('guide.html?q=leucine');
    await expect(page.locator('#search-input')).toHaveValue('leucine');
    await expect(page.locator('#search-input')).toBeFocused();
    expect((await optionTitles(page))[0]).toBe('Leucine');
    await expect(page.locator('#search-input')).toHaveAttribute('aria-expanded', 'true');
  });

  test('#term-<id> shows the glossary entry; #faq-<id> opens that question', async ({
    openExtensionPage,
  }) => {
    const page = await openExtensionPage('guide.html#term-hypercalcemia');
    await expect(page.getByRole('tab', { name: 'Glossary' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.locator('#term-hypercalcemia')).toBeInViewport();
    await page.goto(page.url().replace(/#.*$/, '#faq-toxicity'));
    await page.reload();
    await expect(page.locator('details#faq-toxicity')).toHaveAttribute('open', '');
    await expect(page.locator('details#faq-toxicity')).toBeInViewport();
    await expect(page.locator('details[open]')).toHaveCount(1);
  });

  test('links inside the guide update the address, and Back returns', async ({
    openExtensionPage,
  }) => {
    const page = await openExtensionPage('guide.html#glossary');
    await expect(page.getByRole('tab', { name: 'Glossary' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page
      .locator('#term-leucine')
      .getByRole('link', { name: /Read more/ })
      .click();
    await expect(page).toHaveURL(/guide\.html#synergistic-strategies$/);
    await expect(page.locator('#synergistic-strategies')).toBeInViewport();
    await page.goBack();
    await expect(page).toHaveURL(/guide\.html#glossary$/);
    await expect(page.getByRole('tab', { name: 'Glossary' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  test('an unknown fragment or a popup-only view falls back to search', async ({
    openExtensionPage,
  }) => {
    for (const hash of ['#no-such-section', '#page', '#%E0']) {
      const page = await openExtensionPage(`guide.html${hash}`);
      await expect(page.getByRole('tab', { name: 'Search' })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      await expect(page.getByRole('tab', { name: 'This page' })).toHaveCount(0);
      await page.close();
    }
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`every guide view passes axe in ${scheme} mode (screenshots saved)`, async ({
    openExtensionPage,
  }) => {
    const page = await openExtensionPage('guide.html?q=vitamin%20d');
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    for (const view of ['Search', 'Article', 'FAQ', 'Glossary', 'Settings']) {
      await page.getByRole('tab', { name: view, exact: true }).click();
      if (view === 'Settings') await expect(page.locator('#setting-enabled')).toBeVisible();
      await screenshot(page, `guide-${view.toLowerCase()}-${scheme}`);
      expect(await axeViolations(page), `${view} (${scheme})`).toEqual([]);
    }
  });
}
