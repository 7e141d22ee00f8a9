import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { quiet } from './content-world';
import { EXTENSION_DIR, expect, ourErrors, test } from './fixtures';
import {
  countsOf,
  marked,
  openUnmarkedThenMark,
  scanned,
  setSettings,
  unmarked,
  whenIdle,
} from './helpers';
import { idleCounts, painted, paintedTexts } from './paint-helpers';
import { frontTabId, openPopup } from './popup-helpers';
import { hoverOpen, TooltipProbe } from './tooltip-helpers';

/** The wrap renderer's <mark> elements, one for every mention: for the tests about them. */
const WRAP = { stored: { renderer: 'wrap', density: 'all' } };

/** MyoLens is off in the page: its settings say so there; nothing painted, no mark left. */
async function expectOff(page: Page): Promise<void> {
  await unmarked(page);
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
  expect(await page.locator('mark[data-myolens-term]').count()).toBe(0);
}

/** The settings as stored (storage.sync key "settings"), read in the service worker. */
async function storedSettings(background: import('@playwright/test').Worker) {
  return background.evaluate(async () => {
    const { storage } = (globalThis as unknown as { chrome: { storage: { sync: Area } } }).chrome;
    return (await storage.sync.get('settings')).settings ?? null;
  });
}
interface Area {
  get(key: string): Promise<Record<string, Record<string, unknown> | undefined>>;
}

test('the manifest asks for exactly the permissions the code uses', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  // sidePanel: the side panel (opening it, and its page); see README, "Privacy and permissions".
  expect(manifest.permissions).toEqual(['storage', 'contextMenus', 'sidePanel']);
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.optional_permissions ?? []).toEqual([]);
  expect(manifest.web_accessible_resources ?? []).toEqual([]);
  // The top-level page's script, and the frames' first stage (README, "Frames").
  expect(
    manifest.content_scripts.map((c: { matches: string[]; js: string[] }) => [c.js, c.matches]),
  ).toEqual([
    [['frames.js'], ['<all_urls>']],
    [['content-scripts/highlighter.js'], ['<all_urls>']],
  ]);
  expect(Object.keys(manifest.commands).sort()).toEqual([
    'next-term',
    'previous-term',
    'toggle-panel',
    'toggle-site',
  ]);
  // Chromium takes at most four suggested keys; a fifth would be dropped without a word.
  const suggested = Object.values(manifest.commands).filter(
    (c) => (c as { suggested_key?: object }).suggested_key,
  );
  expect(suggested).toHaveLength(4);
  expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
});

/** Each renderer, and what "shown" means for it: underlines painted, or marks written. */
const RENDERERS = [
  {
    renderer: 'paint',
    off: 'clears an open tab at once, which keeps its HTML',
    siteOff: 'clears the page at once',
    shown: async (page: Page) => void (await painted(page)),
  },
  {
    renderer: 'wrap',
    off: 'unmarks an open tab at once and restores its HTML',
    siteOff: 'unmarks at once',
    shown: async (page: Page) => expect(await marked(page)).toBeGreaterThan(10),
  },
] as const;

for (const { renderer, off, shown } of RENDERERS)
  test(`turning highlighting off in the popup ${off}`, async ({
    context,
    server,
    background,
    openExtensionPage,
    consoleErrors,
  }) => {
    await setSettings(background, { renderer, density: 'all' });
    const { page, before } = await openUnmarkedThenMark(
      context,
      background,
      `${server.origin}/demo/index.html`,
    );
    expect(await scanned(page)).toBeGreaterThan(10);
    await shown(page);

    const tabId = await frontTabId(page, background);
    const popup = await openPopup(openExtensionPage, `?tab=${tabId}`);
    await popup.getByRole('tab', { name: 'Settings', exact: true }).click();
    const toggle = popup.getByLabel('Mark terms on web pages');
    await expect(toggle).toBeChecked();
    await toggle.uncheck();

    await expectOff(page);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    expect((await storedSettings(background))?.enabled).toBe(false);

    // And back on, still without a reload.
    await toggle.check();
    expect(await scanned(page)).toBeGreaterThan(10);
    await shown(page);
    expect(ourErrors(consoleErrors)).toEqual([]);
  });

test('"Off on <site>" in the popup turns that site off, persists across reloads, and back on', async ({
  context,
  server,
  background,
  openExtensionPage,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/demo/index.html`);
  await scanned(page);
  await painted(page);
  const tabId = await frontTabId(page, background);
  const popup = await openPopup(openExtensionPage, `?tab=${tabId}`);
  await popup.getByRole('tab', { name: 'Settings', exact: true }).click();
  await popup.getByLabel('Off on 127.0.0.1').check();
  await expectOff(page);
  expect((await storedSettings(background))?.sites).toEqual(['127.0.0.1']);

  // The reloaded page's content script starts off.
  await page.reload();
  await expectOff(page);

  await popup.getByLabel('Off on 127.0.0.1').uncheck();
  expect(await scanned(page)).toBeGreaterThan(10);
});

test('the toggle-site command turns the current site off and on', async ({
  context,
  server,
  background,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/demo/index.html`);
  await scanned(page);
  const tabId = await frontTabId(page, background);
  const send = () =>
    background.evaluate(
      (id) =>
        (
          globalThis as unknown as {
            chrome: { tabs: { sendMessage(id: number, m: object): Promise<unknown> } };
          }
        ).chrome.tabs.sendMessage(id, {
          type: 'toggle-site',
        }),
      tabId,
    );
  await send();
  await expectOff(page);
  await send();
  expect(await scanned(page)).toBeGreaterThan(10);
});

test.describe('wrap', () => {
  test.use(WRAP);
  test('mark style and density apply live to an open tab', async ({
    context,
    server,
    background,
  }) => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/demo/index.html`);
    const all = await marked(page);
    await setSettings(background, { markStyle: 'background' });
    await expect(page.locator('mark[data-myolens-style="background"]')).toHaveCount(all);
    const bg = await page
      .locator('mark[data-myolens-term]')
      .first()
      .evaluate((m) => getComputedStyle(m).backgroundColor);
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');

    await setSettings(background, { density: 'first' });
    await expect
      .poll(async () => {
        const ids = await page
          .locator('mark[data-myolens-term]')
          .evaluateAll((ms) => ms.map((m) => m.getAttribute('data-myolens-term')));
        return ids.length > 0 && new Set(ids).size === ids.length;
      })
      .toBe(true);
    expect(await page.locator('mark[data-myolens-term]').count()).toBeLessThan(all);

    await setSettings(background, { hiddenTerms: ['sarcopenia'], density: 'all' });
    await expect(page.locator('mark[data-myolens-term="sarcopenia"]')).toHaveCount(0);
    await expect(page.locator('mark[data-myolens-term="dynapenia"]')).toHaveCount(1);
  });
});

test('the context-menu lookup opens the guide tab with that search', async ({
  context,
  background,
}) => {
  // A native context menu cannot be clicked from Playwright: the test calls the menu's
  // own click handler in the service worker, with what Chromium would pass it.
  const opened = context.waitForEvent('page');
  await background.evaluate(() =>
    (globalThis as unknown as { myolensMenuClicked(info: object): void }).myolensMenuClicked({
      menuItemId: 'myolens-lookup',
      selectionText: '  sarcopenia\n',
    }),
  );
  const guide = await opened;
  await guide.waitForLoadState();
  expect(new URL(guide.url()).pathname).toBe('/guide.html');
  expect(new URL(guide.url()).searchParams.get('q')).toBe('sarcopenia');
  await expect(guide.locator('#search-input')).toHaveValue('sarcopenia');
  await expect(guide.locator('[role="option"]').first()).toContainText('Sarcopenia');
});

test('the badge counts the distinct terms on the page', async ({ context, server, background }) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/demo/index.html`);
  await scanned(page);
  const tabId = await frontTabId(page, background);
  const distinct = Object.keys(await idleCounts(page)).length;
  expect(distinct).toBeGreaterThan(5);
  const badge = (id: number) =>
    background.evaluate(
      (t) =>
        (
          globalThis as unknown as {
            chrome: { action: { getBadgeText(d: object): Promise<string> } };
          }
        ).chrome.action.getBadgeText({ tabId: t }),
      id,
    );
  await expect.poll(() => badge(tabId)).toBe(String(distinct));
  await setSettings(background, { badge: false });
  await expect.poll(() => badge(tabId)).toBe('');
});

test.describe('wrap', () => {
  // The page also rewrites the attributes of our marks.
  test.use(WRAP);
  test('a page that forges messages, events and attributes changes nothing and opens nothing', async ({
    context,
    server,
    background,
  }) => {
    server.route('/forge.html', {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>forge</title></head><body>
      <p id="p">About sarcopenia and <mark data-myolens-term="frailty" data-myolens-style="none">forged words</mark>.</p>
      <script>
        const forged = [
          { type: 'open-guide', hash: 'intro' }, { type: 'toggle-site' }, { type: 'move-term', direction: 1 },
          { type: 'reveal-term', termId: 'sarcopenia' }, { settings: { enabled: false } },
        ];
        window.rounds = 0;
        setInterval(() => {
          window.rounds++;
          for (const m of forged) {
            window.postMessage(m, '*');
            document.dispatchEvent(new CustomEvent('myolens', { detail: m }));
            window.dispatchEvent(new MessageEvent('message', { data: m }));
          }
          const mark = document.querySelector('mark[data-myolens-term="sarcopenia"]');
          if (mark) {
            mark.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
            mark.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
            mark.setAttribute('data-myolens-term', 'hypercalcemia');
          }
          document.querySelector('mark[data-myolens-style="none"]').dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
        }, 50);
      </script></body></html>`,
    });
    const before = await storedSettings(background);
    const page = await context.newPage();
    const tabs = context.pages().length;
    await page.goto(`${server.origin}/forge.html`);
    // MyoLens has marked the page; then twenty rounds of forgeries (a second) reach it.
    await marked(page);
    const rounds = () => page.evaluate(() => (window as unknown as { rounds: number }).rounds);
    const from = await rounds();
    await page.waitForFunction(
      (n) => (window as unknown as { rounds: number }).rounds >= n,
      from + 20,
    );
    // Whatever they set off in the content script has run by now.
    await quiet(page);
    expect(context.pages(), 'no guide tab opened').toHaveLength(tabs);
    expect(await storedSettings(background)).toEqual(before);
    // No tooltip host was ever created: synthetic events never open one.
    expect(await page.locator('[data-myolens-ui]').count()).toBe(0);
  });
});

for (const { renderer, siteOff, shown } of RENDERERS)
  test(`"Don't mark terms on this site" in the tooltip ${siteOff}, persists across reload, undone in the popup`, async ({
    context,
    server,
    background,
    openExtensionPage,
    consoleErrors,
  }) => {
    await setSettings(background, { renderer, density: 'all' });
    const { page, before } = await openUnmarkedThenMark(
      context,
      background,
      `${server.origin}/demo/index.html`,
    );

    await shown(page);
    const probe = await TooltipProbe.attach(page);
    await hoverOpen(probe, 'sarcopenia');
    await probe.clickButton(/^Don’t mark terms on 127\.0\.0\.1$/);
    await expectOff(page);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    expect((await storedSettings(background))?.sites).toEqual(['127.0.0.1']);

    // The reloaded page's content script starts off.
    await page.reload();
    await expectOff(page);

    // Undone from the popup's settings.
    const tabId = await frontTabId(page, background);
    const popup = await openPopup(openExtensionPage, `?tab=${tabId}`);
    await popup.getByRole('tab', { name: 'Settings', exact: true }).click();
    await popup.getByLabel('Off on 127.0.0.1').uncheck();
    expect(await scanned(page)).toBeGreaterThan(10);
    await shown(page);
    expect(ourErrors(consoleErrors)).toEqual([]);
  });

test('"Hide this term" in the tooltip hides that term everywhere at once', async ({
  context,
  server,
  background,
}) => {
  const page = await context.newPage();
  const other = await context.newPage();
  await page.goto(`${server.origin}/demo/index.html`);
  await other.goto(`${server.origin}/demo/index.html`);
  for (const p of [page, other]) expect((await idleCounts(p)).dynapenia).toBeGreaterThan(0);
  await page.bringToFront();
  const probe = await TooltipProbe.attach(page);
  await hoverOpen(probe, 'dynapenia');
  await probe.clickButton('Hide this term');
  // Both tabs forget it (no mention found, none painted); the other terms stay.
  for (const p of [page, other]) {
    const answer = await whenIdle(p, (a) => countsOf(a).dynapenia === undefined);
    expect(countsOf(answer).sarcopenia).toBeGreaterThan(0);
    expect((await paintedTexts(p)).filter((t) => /dynapenia/i.test(t))).toEqual([]);
  }
  expect((await storedSettings(background))?.hiddenTerms).toEqual(['dynapenia']);
});
