import type { BrowserContext, Page } from '@playwright/test';
import { glossary } from '../../content/index';
import { expect, ourErrors, test } from './fixtures';
import { expectedMentions, scanned, setSettings } from './helpers';
import { centre, mutations, paintedCount, textRects, watchMutations } from './paint-helpers';
import {
  openPanelPage,
  openPanels,
  PANEL_SIZE,
  panelOnDemo,
  sidePanelView,
  tabWindows,
} from './panel-helpers';
import { axeEveryView, frontTabId, openPopup, showView } from './popup-helpers';
import { hoverOpen, openFixture, term, TooltipProbe } from './tooltip-helpers';

const labels = new Map(glossary.map((t) => [t.id, t.label]));

/** The "This page" list as the panel shows it: label and count per row. */
function listed(panel: Page): Promise<string[]> {
  return panel
    .locator('.ml-page-terms__item')
    .evaluateAll((rows) =>
      rows.map(
        (r) =>
          `${r.querySelector('.ml-page-terms__label')?.textContent} ${r.querySelector('.ml-page-terms__count')?.textContent}`,
      ),
    );
}

/** What "This page" should list for a page: every mention, counted, in page order. */
async function expectedList(page: Page): Promise<string[]> {
  const counts = new Map<string, number>();
  for (const id of await expectedMentions(page)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([id, n]) => `${labels.get(id)} ${n} ${n === 1 ? 'mention' : 'mentions'}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every side panel view passes axe in ${scheme} mode (screenshots saved)`, async ({
    context,
    background,
    server,
    openExtensionPage,
  }) => {
    const { panel } = await panelOnDemo(context, server.origin, background, openExtensionPage);
    await panel.emulateMedia({ colorScheme: scheme });
    await expect(panel.locator('#search-input')).toBeFocused();
    expect(await axeEveryView(panel, 'panel', scheme)).toEqual([]);
    // The shell fits the panel's width: nothing scrolls sideways, every tab is in sight.
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBe(PANEL_SIZE.width);
    for (const tab of await panel.getByRole('tab').all()) {
      const box = (await tab.boundingBox())!;
      expect(box.x + box.width, (await tab.textContent())!).toBeLessThanOrEqual(PANEL_SIZE.width);
    }
  });
}

test('"This page" follows tab switches, navigation and text the page adds', async ({
  context,
  background,
  server,
  openExtensionPage,
  consoleErrors,
}) => {
  server.route('/few.html', {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>few</title></head>
      <body><main><p id="p">Sarcopenia is the loss of muscle with age.</p></main></body></html>`,
  });
  const { demo, panel } = await panelOnDemo(context, server.origin, background, openExtensionPage);
  await showView(panel, 'This page');
  await expect.poll(() => listed(panel)).toEqual(await expectedList(demo));

  // Another tab of the same window comes to the front: the panel follows it.
  const other = await context.newPage();
  await other.goto(`${server.origin}/few.html`);
  const windows = await tabWindows(background);
  expect(new Set(Object.values(windows)).size, 'all tabs in one window').toBe(1);
  await other.bringToFront();
  await expect.poll(() => listed(panel)).toEqual(['Sarcopenia 1 mention']);
  await expect(panel.locator('#panel-page')).toContainText('on 127.0.0.1');

  // The page adds text: the counts follow, with no action in the panel.
  await other.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Sarcopenia and dynapenia often come with low vitamin D.';
    document.querySelector('main')!.append(p);
  });
  const grown = await expectedList(other);
  expect(grown).toContain('Sarcopenia 2 mentions');
  expect(grown).toContain('Dynapenia 1 mention');
  await expect.poll(() => listed(panel)).toEqual(grown);

  // It navigates: the new page's terms.
  await other.goto(`${server.origin}/demo/index.html`);
  await expect.poll(() => listed(panel), { timeout: 10_000 }).toEqual(await expectedList(other));

  // A page MyoLens cannot read says so; back to the demo tab, its terms again.
  await other.goto('chrome://version');
  await expect(panel.locator('#panel-page')).toContainText("MyoLens can't read this page", {
    timeout: 10_000,
  });
  await demo.bringToFront();
  await expect.poll(() => listed(panel)).toEqual(await expectedList(demo));
  expect(ourErrors(consoleErrors)).toEqual([]);
});

/**
 * Opens the panel's page (see openPanelPage) with a log of what its port to the page
 * hears (`window.__heard`): the proof that a message reached the panel.
 */
async function openListeningPanel(context: BrowserContext, extensionId: string, tabId: number) {
  const panel = await context.newPage();
  await panel.addInitScript(() => {
    const tabs = (globalThis as unknown as { chrome: { tabs: { connect: Connect } } }).chrome.tabs;
    const connect = tabs.connect;
    const heard: unknown[] = [];
    Object.assign(window, { __heard: heard });
    tabs.connect = function (this: unknown, ...args) {
      const port = connect.apply(this, args);
      port.onMessage.addListener((message) => heard.push(message));
      return port;
    };
  });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  await panel.setViewportSize(PANEL_SIZE);
  await panel.locator('#search-input').waitFor();
  return panel;
}
type Connect = (...args: unknown[]) => {
  onMessage: { addListener(listener: (message: unknown) => void): void };
};

/** The tooltips the panel's port has heard of (see openListeningPanel), in order. */
function tooltipsHeard(panel: Page): Promise<string[]> {
  return panel.evaluate(() =>
    (window as unknown as { __heard: { type: string; termId?: string }[] }).__heard
      .filter((m) => m.type === 'tooltip-opened')
      .map((m) => m.termId!),
  );
}

test.describe('with terms to hover', () => {
  test('"Follow the page": a tooltip opened on the page shows its entry; off, it does not', async ({
    context,
    background,
    server,
    extensionId,
  }) => {
    const page = await openFixture(context, `${server.origin}/tooltip/terms.html`);
    const panel = await openListeningPanel(
      context,
      extensionId,
      await frontTabId(page, background),
    );
    await page.bringToFront();
    const probe = await TooltipProbe.attach(page);
    await hoverOpen(probe, 'vdr');
    await expect(panel.getByRole('tab', { name: 'Glossary' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(panel.locator('#term-vdr')).toBeInViewport();
    // Only scrolled there: focus stays in the page's tooltip, not pulled into the panel.
    expect(await panel.evaluate(() => document.activeElement?.id)).not.toBe('term-vdr');

    // A related term chosen inside the tooltip is followed too.
    const related = term(term('vdr').related[0]!);
    await probe.clickButton(related.label);
    await probe.waitOpen(related.label);
    await expect(panel.locator(`#term-${related.id}`)).toBeInViewport();

    // Switched off in settings (the panel's own settings view shows it arrived): the panel
    // stays where the reader left it.
    await setSettings(background, { followPage: false });
    await showView(panel, 'Settings');
    await expect(panel.getByLabel('Follow the page')).not.toBeChecked();
    await showView(panel, 'Article');
    await page.bringToFront();
    await page.mouse.click(2, 400);
    await probe.waitClosed();
    await hoverOpen(probe, 'sarcopenia');
    // The panel heard of it (its handler has run by then)...
    await expect.poll(() => tooltipsHeard(panel)).toContain('sarcopenia');
    // ...and stayed where the reader left it.
    await expect(panel.getByRole('tab', { name: 'Article' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });
});

test.describe(() => {
  // The window's real side panel (the fixture's reset closes it after).
  test('"Read more" opens the real side panel at its section; a lookup reuses it; the command closes it', async ({
    context,
    background,
    server,
  }) => {
    const page = await openFixture(context, `${server.origin}/tooltip/terms.html`);
    const probe = await TooltipProbe.attach(page);
    expect(await openPanels(background)).toEqual([]);
    await hoverOpen(probe, 'sarcopenia');
    // A trusted click: Chromium 156 lets the background open the panel from the message
    // this click sends (background/panel.ts); no guide tab opens.
    const pagesBefore = context.pages().length;
    await probe.clickButton(/^Read more in the guide/);
    await expect.poll(() => openPanels(background)).toHaveLength(1);
    const section = term('sarcopenia').section;
    await expect
      .poll(async () => (await sidePanelView(context, page, section))?.view)
      .toBe('Article');
    const atSection = await sidePanelView(context, page, section);
    expect(atSection?.focused).toBe(section);
    expect(atSection?.top).toBeGreaterThanOrEqual(0);
    expect(atSection?.top).toBeLessThan(200);
    expect(context.pages()).toHaveLength(pagesBefore);

    // The context-menu lookup, with the panel open, searches there (no gesture needed).
    await background.evaluate(
      ({ windowId }) =>
        (
          globalThis as unknown as { myolensMenuClicked(info: object, tab: object): void }
        ).myolensMenuClicked(
          { menuItemId: 'myolens-lookup', selectionText: ' leucine ' },
          { windowId },
        ),
      { windowId: Object.values(await tabWindows(background))[0] },
    );
    await expect.poll(async () => (await sidePanelView(context, page))?.query).toBe('leucine');
    expect((await sidePanelView(context, page))?.view).toBe('Search');
    expect(context.pages()).toHaveLength(pagesBefore);

    // The open/close command closes the open panel.
    await background.evaluate(
      ({ windowId }) =>
        (
          globalThis as unknown as { myolensCommand(command: string, tab: object): void }
        ).myolensCommand('toggle-panel', { windowId }),
      { windowId: Object.values(await tabWindows(background))[0] },
    );
    await expect.poll(() => openPanels(background)).toEqual([]);
  });
});

test('choosing a term in "This page" reveals it on the page (painted, the default)', async ({
  context,
  background,
  server,
  openExtensionPage,
}) => {
  const { demo, panel } = await panelOnDemo(context, server.origin, background, openExtensionPage);
  await showView(panel, 'This page');
  const rows = panel.locator('.ml-page-terms__item');
  await expect(rows.first()).toBeVisible();
  const label = (await rows.last().locator('.ml-page-terms__label').textContent())!;
  await rows.last().getByRole('button').click();
  await expect(panel.locator('.ml-page-terms__notice')).toHaveText(
    `Showing “${label}” on the page.`,
  );
  // The last term is far down the article: the page scrolled there and flashes it.
  expect(await demo.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await expect.poll(() => paintedCount(demo, 'myolens-flash')).toBe(1);
});

test.describe(() => {
  // The window's real side panel (the fixture's reset closes it after).
  test('the popup\'s "Side panel" button opens the real side panel', async ({
    background,
    openExtensionPage,
  }) => {
    const popup = await openPopup(openExtensionPage);
    expect(await openPanels(background)).toEqual([]);
    await popup.getByRole('button', { name: 'Side panel' }).click();
    await expect.poll(() => openPanels(background)).toHaveLength(1);
  });
});

test('a panel following the page changes nothing in it: its terms and tooltips reach the panel without a mutation', async ({
  context,
  background,
  server,
  openExtensionPage,
}) => {
  const page = await context.newPage();
  await watchMutations(page);
  await page.goto(`${server.origin}/demo/index.html`, { waitUntil: 'load' });
  await scanned(page);
  const html = await page.evaluate(() => document.body.innerHTML);
  const own = await mutations(page);
  const panel = await openPanelPage(openExtensionPage, await frontTabId(page, background));
  await showView(panel, 'This page');
  await expect(panel.locator('.ml-page-terms__item').first()).toBeVisible();
  await page.bringToFront();
  const probe = await TooltipProbe.attach(page);
  const [box] = await textRects(page, 'main', 'sarcopenia');
  await page.mouse.move(centre(box!).x, centre(box!).y);
  await probe.waitOpen('Sarcopenia');
  await expect(panel.locator('#term-sarcopenia')).toBeInViewport();
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'More on dynapenia.';
    document.querySelector('main')!.append(p);
  });
  await showView(panel, 'This page');
  await expect(panel.locator('.ml-page-terms__item', { hasText: 'Dynapenia' })).toContainText(
    '2 mentions',
  );
  // The page's own mutations (and the paragraph the test added), nothing of ours.
  expect(await mutations(page)).toEqual([...own, 'childList on main +p']);
  await page.evaluate(() => document.querySelector('main > p:last-child')!.remove());
  expect(await page.evaluate(() => document.body.innerHTML)).toBe(html);
});
