import { expect, test } from './fixtures';
import { axeEveryView, frontTabId, openPopup } from './popup-helpers';

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
    expect(await axeEveryView(page, `popup`, scheme)).toEqual([]);
  });
}
