/**
 * Looking up a selection in place: the context menu's "Look up" and the double-click
 * (a setting, off by default) show the MyoLens bubble at the selection, in the tooltip's
 * closed shadow root; a term shows its explanation, anything else the guide's results.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, ourErrors, test } from './fixtures';
import { scanned, setSettings } from './helpers';
import { doubleClickWord, menuLookup, selectText, selectionState } from './lookup-helpers';
import { openPanels, sidePanelView } from './panel-helpers';
import { centre, textRects } from './paint-helpers';
import { expectNextTo, focusedInPage, settled, term, TooltipProbe } from './tooltip-helpers';

const FIXTURE = '/lookup/index.html';

/** The lookup fixture, painted, with a probe into the tooltip's closed shadow root. */
async function openLookupPage(
  context: BrowserContext,
  origin: string,
): Promise<{ page: Page; probe: TooltipProbe }> {
  const page = await context.newPage();
  await page.goto(`${origin}${FIXTURE}`);
  await scanned(page);
  return { page, probe: await TooltipProbe.attach(page) };
}

/**
 * The bubble is shut, and stays so (nothing opens late: the content script has no timer
 * or message pending). The pointer leaves first: resting on a painted term would open its
 * hover tooltip, which is not the bubble.
 */
async function expectNoBubble(probe: TooltipProbe): Promise<void> {
  await probe.page.mouse.move(5, 5);
  expect((await probe.quiet()).open).toBe(false);
}

test.afterEach(({ consoleErrors }) => {
  expect(ourErrors(consoleErrors)).toEqual([]);
});

test('"Look up" on a selected term explains it at the selection; Escape closes and gives focus back', async ({
  context,
  server,
  background,
}) => {
  const { page, probe } = await openLookupPage(context, server.origin);
  await page.locator('#focus-target').focus();
  await selectText(page, '#p-term', 'sarcopenia');
  const before = await selectionState(page);
  expect(before.text).toBe('sarcopenia');

  await menuLookup(background, page, 'sarcopenia');
  await probe.waitOpen('Sarcopenia');
  const s = await settled(probe);
  expect(s.mode).toBe('closed');
  expect(s.summary).toBe(term('sarcopenia').summary);
  // The menu may have been opened with the keyboard: focus goes into the bubble.
  expect(s.focused).toBe('Close');
  const [word] = await textRects(page, '#p-term', 'sarcopenia');
  expectNextTo(s.layer!, word!, 'the bubble');
  expect(await selectionState(page), 'the selection is the reader’s').toEqual(before);

  // Keyboard operable: Tab walks its controls, Escape closes.
  await page.keyboard.press('Tab');
  expect((await probe.state()).focused).toMatch(/^Read more in the guide/);
  await page.keyboard.press('Escape');
  await probe.waitClosed();
  expect(await focusedInPage(page)).toBe('button#focus-target');
  expect(await selectionState(page)).toEqual(before);
});

test.describe(() => {
  // The window's real side panel (the fixture's reset closes it after).
  test('"Look up" on text that is no term lists the guide’s results; each opens the guide', async ({
    context,
    server,
    background,
  }) => {
    const { page, probe } = await openLookupPage(context, server.origin);
    await selectText(page, '#p-plain', 'muscle weakness');
    const before = await selectionState(page);
    await menuLookup(background, page, 'muscle weakness');
    const s = await probe.waitOpen('“muscle weakness”');
    expect(s.buttons[0]).toBe('Close');
    expect(s.buttons[1]).toBe(
      'How does a vitamin D deficiency lead to muscle weakness and atrophy? · FAQ',
    );
    expect(s.buttons.length).toBeGreaterThanOrEqual(4);
    expect(s.buttons.at(-1)).toBe('Open in the guide →');
    expect(s.focused).toBe('Close');
    expect(await selectionState(page)).toEqual(before);

    // The first result, with the keyboard: the guide opens at that FAQ answer, in the side
    // panel (Chromium opens it from this trusted key press; "Where the guide opens").
    const tabs = context.pages().length;
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => openPanels(background)).toHaveLength(1);
    await expect
      .poll(async () => {
        const shown = await sidePanelView(context, page, 'faq-deficiency-effects');
        return shown && { view: shown.view, rendered: shown.top !== null };
      })
      .toEqual({ view: 'FAQ', rendered: true });

    // "Open in the guide": the guide's search for the selected text, in the open panel.
    await page.bringToFront();
    expect((await probe.state()).open, 'still open: focus stayed in it').toBe(true);
    await probe.clickButton('Open in the guide →');
    await expect
      .poll(async () => (await sidePanelView(context, page))?.query)
      .toBe('muscle weakness');
    expect((await sidePanelView(context, page))?.view).toBe('Search');
    expect(context.pages(), 'no guide tab').toHaveLength(tabs);

    await page.bringToFront();
    await page.keyboard.press('Escape');
    await probe.waitClosed();
  });
});

test('a misspelt selection offers the term it nearly spells, shown in the bubble', async ({
  context,
  server,
  background,
}) => {
  const { page, probe } = await openLookupPage(context, server.origin);
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'p-typo';
    p.textContent = 'Some write sarqopeeniaa when they mean it.';
    document.querySelector('main')!.append(p);
  });
  await selectText(page, '#p-typo', 'sarqopeeniaa');
  await menuLookup(background, page, 'sarqopeeniaa');
  const s = await probe.waitOpen('“sarqopeeniaa”');
  expect(s.summary).toBe('Nothing in the guide matches “sarqopeeniaa”.');
  expect(s.buttons).toContain('Sarcopenia');
  await probe.clickButton('Sarcopenia');
  await probe.waitOpen('Sarcopenia');
});

test('double-click: off by default; on, it looks up the word, persistently, and only for the reader’s own clicks', async ({
  context,
  server,
  background,
}) => {
  const { page, probe } = await openLookupPage(context, server.origin);
  await doubleClickWord(page, '#p-term', 'sarcopenia');
  expect((await selectionState(page)).text).toBe('sarcopenia');
  await expectNoBubble(probe);

  await setSettings(background, { lookupOnDoubleClick: true });
  // Until the new setting reaches the tab. The pointer leaves at once, so a hover tooltip
  // (which closes then, once its close delay is over) is not mistaken for the bubble.
  await expect
    .poll(async () => {
      await doubleClickWord(page, '#p-term', 'sarcopenia');
      await page.mouse.move(5, 5);
      return (await probe.quiet()).label;
    })
    .toBe('Sarcopenia');
  await page.keyboard.press('Escape');
  await probe.waitClosed();
  // Again, double-clicking while the hover tooltip is pending and resting past its delay:
  // the hover tooltip does not take the bubble's place.
  const [word] = await textRects(page, '#p-term', 'sarcopenia');
  const at = centre(word!);
  await page.mouse.move(at.x, at.y);
  await page.mouse.dblclick(at.x, at.y);
  // Past the hover's open delay: everything the content script had pending has run.
  await probe.quiet();
  const s = await probe.waitOpen('Sarcopenia');
  // A mouse action: focus stays in the page, the browser's word selection stays.
  expect(s.focused).toBeNull();
  expect((await selectionState(page)).text).toBe('sarcopenia');

  // Persistent (SC 1.4.13): moving away, over the bubble and off again, or resting on
  // another term closes nothing and opens nothing over it.
  await page.mouse.move(5, 5);
  await page.mouse.move(s.layer!.x + 20, s.layer!.y + 20);
  await page.mouse.move(5, 5);
  const [receptor] = await textRects(page, '#p-term', 'vitamin D receptor');
  await page.mouse.move(receptor!.x + 10, receptor!.y + receptor!.height / 2);
  expect((await probe.quiet()).label).toBe('Sarcopenia');
  await page.keyboard.press('Escape');
  await probe.waitClosed();

  // A word inside a longer mention is that mention's term.
  await doubleClickWord(page, '#p-term', 'receptor');
  await probe.waitOpen(term('vdr').label);
  // A click elsewhere dismisses it.
  await page.mouse.click(5, 500);
  await probe.waitClosed();

  // A word that is no term: the guide's results.
  await doubleClickWord(page, '#p-plain', 'tiredness');
  await probe.waitOpen('“tiredness”');
  await page.mouse.click(5, 500);
  await probe.waitClosed();

  // Not in form fields or editors.
  await doubleClickWord(page, '#editor', 'sarcopenia');
  await expectNoBubble(probe);
  const field = await page.locator('#notes').boundingBox();
  await page.mouse.dblclick(field!.x + 10, field!.y + field!.height / 2);
  await expectNoBubble(probe);

  // A page's synthetic double-click on a selected term opens nothing.
  await selectText(page, '#p-term', 'sarcopenia');
  await page.evaluate(() =>
    document
      .querySelector('#p-term')!
      .dispatchEvent(new MouseEvent('dblclick', { bubbles: true, clientX: 200, clientY: 200 })),
  );
  await expectNoBubble(probe);
});

test('"Look up" opens the guide’s search where no bubble can show', async ({
  context,
  server,
  background,
  extensionId,
}) => {
  const guideQuery = async (run: () => Promise<void>) => {
    const opened = context.waitForEvent('page');
    await run();
    const guide = await opened;
    await guide.waitForLoadState('domcontentloaded');
    expect(guide.url()).toBe(`chrome-extension://${extensionId}/guide.html?q=sarcopenia`);
    await guide.close();
  };
  // The page's selection is not the text the menu was chosen on (a frame's, a field's).
  const { page, probe } = await openLookupPage(context, server.origin);
  await selectText(page, '#p-plain', 'muscle weakness');
  await guideQuery(() => menuLookup(background, page, 'sarcopenia'));
  expect((await probe.state()).open).toBe(false);
  // No content script: a page it does not run in, and our own guide page.
  const blank = await context.newPage();
  await blank.goto('about:blank');
  await guideQuery(() => menuLookup(background, blank, 'sarcopenia'));
  const ours = await context.newPage();
  await ours.goto(`chrome-extension://${extensionId}/guide.html`);
  await guideQuery(() => menuLookup(background, ours, 'sarcopenia'));
});
