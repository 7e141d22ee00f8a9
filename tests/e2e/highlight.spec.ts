import { expect, ourErrors, test } from './fixtures';
import { expectedCounts, markCounts, marksSettled, setSettings } from './helpers';

const EXCLUDED_MARKS =
  ':is(script,style,noscript,template,textarea,select,option,button,code,pre,kbd,samp,svg,math,[contenteditable]:not([contenteditable="false"])) mark[data-myolens-term]';

test('the content script marks the demo article, and the popup page renders', async ({
  context,
  server,
  openExtensionPage,
  consoleErrors,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/demo/index.html`);
  const n = await marksSettled(page);
  expect(n).toBeGreaterThan(30);
  await expect(page.locator('mark[data-myolens-term="sarcopenia"]').first()).toHaveText(
    /sarcopenia/i,
  );
  expect(await page.locator(EXCLUDED_MARKS).count()).toBe(0);
  expect(await markCounts(page)).toEqual(await expectedCounts(page));

  const popup = await openExtensionPage('popup.html');
  await expect(popup.locator('body')).toContainText('MyoLens');
  expect(consoleErrors).toEqual([]);
});

for (const file of ['wikipedia-2.html', 'medicalnewstoday.html', 'webmd-1.html']) {
  test(`real page ${file}: every expected term is marked, none where excluded, off restores the HTML`, async ({
    context,
    server,
    background,
    consoleErrors,
  }) => {
    await setSettings(background, { enabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/shared/${file}`, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    const before = await page.evaluate(() => document.body.innerHTML);
    expect(await page.locator('mark[data-myolens-term]').count()).toBe(0);

    await setSettings(background, { enabled: true });
    const n = await marksSettled(page);
    expect(n).toBeGreaterThanOrEqual(0);
    expect(await page.locator(EXCLUDED_MARKS).count()).toBe(0);
    expect(await markCounts(page)).toEqual(await expectedCounts(page));

    await setSettings(background, { enabled: false });
    await expect(page.locator('mark[data-myolens-term]')).toHaveCount(0);
    const after = await page.evaluate(() => document.body.innerHTML);
    expect(after === before, 'body.innerHTML is byte-identical after the round trip').toBe(true);
    expect(ourErrors(consoleErrors)).toEqual([]);
  });
}
