import { expect, ourErrors, test } from './fixtures';
import { faq, flattenSections } from '../../content/index';
import { openPopup, optionTitles, search, showView } from './popup-helpers';

test.describe('popup search', () => {
  test('opens with the search field focused, as a combobox over the results listbox', async ({
    openExtensionPage,
    consoleErrors,
  }) => {
    const page = await openPopup(openExtensionPage);
    const input = page.locator('#search-input');
    await expect(input).toBeFocused();
    await expect(input).toHaveAttribute('role', 'combobox');
    await expect(input).toHaveAttribute('aria-controls', 'search-results');
    await expect(input).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('#search-results')).toHaveAttribute('role', 'listbox');
    expect(ourErrors(consoleErrors)).toEqual([]);
  });

  test('"sarcopnia" shows the sarcopenia glossary entry first, the typo forgiven', async ({
    openExtensionPage,
  }) => {
    const page = await openPopup(openExtensionPage);
    await page.keyboard.type('sarcopnia');
    await expect(page.locator('#search-input')).toHaveAttribute('aria-expanded', 'true');
    const first = page.getByRole('option').first();
    await expect(first.locator('.ml-result__title')).toHaveText('Sarcopenia');
    // It sits in the Glossary group, labelled through aria-labelledby.
    const group = page.getByRole('group', { name: 'Glossary' });
    await expect(group.getByRole('option').first()).toHaveId('search-option-term-sarcopenia');
    // The matched word is emphasised with <mark> elements, not an HTML string.
    await expect(first.locator('.ml-result__title mark')).toHaveText('Sarcopenia');
  });

  test('"mito" finds the mitochondria entry and the mitochondria section by prefix', async ({
    openExtensionPage,
  }) => {
    const page = await openPopup(openExtensionPage);
    await search(page, 'mito');
    expect((await optionTitles(page))[0]).toBe('Mitochondria');
    await expect(
      page.getByRole('option').first().locator('.ml-result__snippet mark').first(),
    ).toHaveText(/^mitochondri/i);
    const sections = page.getByRole('group', { name: 'Guide sections' }).getByRole('option');
    await expect(sections.first()).toHaveAccessibleName(
      'Mitochondrial Function and Oxidative Stress',
    );
  });

  test('"how much vitamin d" puts the dosage FAQ entry first', async ({ openExtensionPage }) => {
    const page = await openPopup(openExtensionPage);
    await search(page, 'how much vitamin d');
    await expect(page.getByRole('option').first()).toHaveId('search-option-faq-faq-dosage');
    await expect(page.getByRole('group').first()).toHaveAccessibleName('FAQ');
  });

  test('Up and Down move aria-activedescendant; Escape clears', async ({ openExtensionPage }) => {
    const page = await openPopup(openExtensionPage);
    const input = page.locator('#search-input');
    await search(page, 'vitamin d');
    const ids = await page.getByRole('option').evaluateAll((els) => els.map((el) => el.id));
    expect(ids.length).toBeGreaterThan(3);
    await expect(input).not.toHaveAttribute('aria-activedescendant');
    await page.keyboard.press('ArrowDown');
    await expect(input).toHaveAttribute('aria-activedescendant', ids[0]!);
    await page.keyboard.press('ArrowDown');
    await expect(input).toHaveAttribute('aria-activedescendant', ids[1]!);
    await expect(page.locator(`#${ids[1]}`)).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator(`#${ids[0]}`)).toHaveAttribute('aria-selected', 'false');
    await page.keyboard.press('ArrowUp');
    await expect(input).toHaveAttribute('aria-activedescendant', ids[0]!);
    await page.keyboard.press('ArrowUp');
    await expect(input).toHaveAttribute('aria-activedescendant', ids.at(-1)!);
    await page.keyboard.press('Escape');
    await expect(input).toHaveValue('');
    await expect(input).toHaveAttribute('aria-expanded', 'false');
    await expect(input).toBeFocused();
  });

  test('Enter on an FAQ result opens the FAQ view with that entry open', async ({
    openExtensionPage,
  }) => {
    const page = await openPopup(openExtensionPage);
    await search(page, 'how much vitamin d');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tab', { name: 'FAQ' })).toHaveAttribute('aria-selected', 'true');
    const entry = page.locator('details#faq-dosage');
    await expect(entry).toHaveAttribute('open', '');
    await expect(entry).toBeInViewport();
    await expect(entry.locator('summary')).toBeFocused();
  });

  test('Enter on a glossary result shows its entry; on a section, the article there', async ({
    openExtensionPage,
  }) => {
    const page = await openPopup(openExtensionPage);
    await search(page, 'leucine');
    await page.keyboard.press('Enter'); // nothing active: the first result
    await expect(page.getByRole('tab', { name: 'Glossary' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.locator('#term-leucine')).toBeInViewport();
    await expect(page.locator('#term-leucine')).toBeFocused();

    await page.keyboard.press('/');
    await expect(page.locator('#search-input')).toBeFocused();
    await search(page, 'calcium handling');
    const section = page.locator('#search-option-section-intracellular-calcium');
    const ids = await page.getByRole('option').evaluateAll((els) => els.map((el) => el.id));
    for (let i = 0; i <= ids.indexOf('search-option-section-intracellular-calcium'); i++)
      await page.keyboard.press('ArrowDown');
    await expect(section).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tab', { name: 'Article' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.locator('h3#intracellular-calcium')).toBeInViewport();
    await expect(page.locator('h3#intracellular-calcium')).toBeFocused();
  });

  test('a query with no results says so and suggests close terms', async ({
    openExtensionPage,
  }) => {
    const page = await openPopup(openExtensionPage);
    await search(page, 'sarkopeenya');
    await expect(page.getByRole('option')).toHaveCount(0);
    await expect(page.getByRole('status').first()).toHaveText('No results');
    await expect(page.getByText('Nothing in the guide matches “sarkopeenya”.')).toBeVisible();
    await page.getByRole('button', { name: 'Sarcopenia' }).click();
    await expect(page.locator('#search-input')).toHaveValue('Sarcopenia');
    await expect(page.locator('#search-input')).toBeFocused();
    expect((await optionTitles(page))[0]).toBe('Sarcopenia');
  });
});

test.describe('popup views', () => {
  test('the Article view shows every section and the comparison as a real, scrollable table', async ({
    openExtensionPage,
  }) => {
    const page = await openPopup(openExtensionPage);
    await showView(page, 'Article');
    const panel = page.locator('#panel-article');
    for (const section of flattenSections((await import('../../content/index')).guide))
      await expect(panel.locator(`[id="${section.id}"]`)).toHaveText(
        section.level === 1 ? /vitamin D/ : section.title,
      );
    await expect(panel.getByRole('navigation', { name: 'Contents' })).toBeVisible();
    const table = panel.getByRole('table');
    await expect(table).toHaveCount(1);
    await expect(table.getByRole('columnheader')).toHaveCount(3);
    await expect(table.getByRole('rowheader')).toHaveCount(6);
    // Wider than the popup: it scrolls sideways inside its own region, not the page.
    const region = panel.locator('.ml-table-scroll');
    const { scrollWidth, clientWidth } = await region.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(400);
  });

  test('the FAQ view has all seven questions as disclosures', async ({ openExtensionPage }) => {
    const page = await openPopup(openExtensionPage);
    await showView(page, 'FAQ');
    const items = page.locator('#panel-faq details');
    await expect(items).toHaveCount(7);
    await expect(items.locator('summary')).toHaveText(faq.map((entry) => entry.question));
  });

  test('a TOC link scrolls the article; a glossary "Read more" opens its section', async ({
    openExtensionPage,
  }) => {
    const page = await openPopup(openExtensionPage);
    await showView(page, 'Article');
    await page
      .getByRole('navigation', { name: 'Contents' })
      .getByRole('link', { name: 'Conclusion' })
      .click();
    await expect(page.locator('#conclusion')).toBeInViewport();
    await showView(page, 'Glossary');
    await page
      .locator('#term-leucine')
      .getByRole('link', { name: /Read more/ })
      .click();
    await expect(page.getByRole('tab', { name: 'Article' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.locator('#synergistic-strategies')).toBeInViewport();
  });

  test('"Open in a tab" opens the guide tab where the popup is', async ({
    context,
    openExtensionPage,
  }) => {
    const page = await openPopup(openExtensionPage);
    await search(page, 'leucine');
    const [guide] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open in a tab' }).click(),
    ]);
    await expect(guide).toHaveURL(/\/guide\.html\?q=leucine$/);
    await expect(guide.locator('#search-option-term-leucine')).toBeVisible();
  });
});
