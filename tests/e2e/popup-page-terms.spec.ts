import { glossary } from '../../content/index';
import { compileMatcher } from '../../lib/matcher';
import { expect, test } from './fixtures';
import { frontTabId, openPopup, showView } from './popup-helpers';
import { expectedMentions, scanned } from './helpers';

const labels = new Map(glossary.map((term) => [term.id, term.label]));

test('"This page" lists the demo page\'s terms in page order with counts, and reveals one', async ({
  context,
  background,
  server,
  openExtensionPage,
}) => {
  const demo = await context.newPage();
  await demo.goto(`${server.origin}/demo/index.html`);
  await scanned(demo);
  const tabId = await frontTabId(demo, background);
  // Every mention on the page, marked or not, in document order: the list must say the same.
  const counts = new Map<string, number>();
  for (const id of await expectedMentions(demo)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const expected = [...counts];
  expect(expected.length).toBeGreaterThan(5);

  const page = await openPopup(openExtensionPage, `?tab=${tabId}`);
  await showView(page, 'This page');
  const items = page.locator('.ml-page-terms__item');
  await expect(items).toHaveCount(expected.length);
  await expect(items.locator('.ml-page-terms__label')).toHaveText(
    expected.map(([id]) => labels.get(id)!),
  );
  await expect(items.locator('.ml-page-terms__count')).toHaveText(
    expected.map(([, count]) => new RegExp(`^${count} mentions?$`)),
  );
  await expect(page.locator('#panel-page')).toContainText('on 127.0.0.1, in page order');

  // The last term is far down the article: choosing it scrolls the page there.
  const [lastId] = expected.at(-1)!;
  await items.last().getByRole('button').click();
  await expect(page.locator('.ml-page-terms__notice')).toHaveText(
    `Showing “${labels.get(lastId)}” on the page.`,
  );
  // It flashes (painted, the default): one range of that term, on screen, in a visible
  // colour while the flash lasts, gone after it.
  const flash = () =>
    demo.evaluate(() =>
      [...(CSS.highlights.get('myolens-flash') ?? [])].map((r) => {
        const range = new Range();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const { top, bottom } = range.getBoundingClientRect();
        const colour = getComputedStyle(
          range.startContainer.parentElement!,
          '::highlight(myolens-flash)',
        ).backgroundColor;
        return { text: range.toString(), onScreen: top >= 0 && bottom <= innerHeight, colour };
      }),
    );
  await expect.poll(async () => (await flash()).length).toBe(1);
  const [shown] = await flash();
  expect(compileMatcher(glossary).termIdOf(shown!.text)).toBe(lastId);
  expect(shown!.onScreen).toBe(true);
  expect(shown!.colour).not.toBe('rgba(0, 0, 0, 0)');
  expect(await demo.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await expect.poll(async () => (await flash()).length).toBe(0);

  // "Explain" opens the term's glossary entry inside the popup.
  await items
    .first()
    .getByRole('link', { name: /Explain/ })
    .click();
  await expect(page.locator(`#term-${expected[0]![0]}`)).toBeInViewport();
});

test('"This page" says plainly when the page cannot be read', async ({
  context,
  background,
  openExtensionPage,
}) => {
  const settingsPage = await context.newPage();
  await settingsPage.goto('chrome://version');
  const tabId = await frontTabId(settingsPage, background);
  const page = await openPopup(openExtensionPage, `?tab=${tabId}`);
  await showView(page, 'This page');
  await expect(page.locator('#panel-page')).toContainText(
    "MyoLens can't read this page: browser pages and extension stores don't allow it.",
  );
  // Settings has no site to offer "Off on …" for.
  await showView(page, 'Settings');
  await expect(page.locator('#setting-enabled')).toBeVisible();
  await expect(page.locator('#setting-site')).toHaveCount(0);
});
