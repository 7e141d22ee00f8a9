import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, expect, ourErrors, test } from './fixtures';
import { marksSettled, setSettings, openUnmarkedThenMark } from './helpers';
import { frontTabId, openPopup } from './popup-helpers';
import { TooltipProbe } from './tooltip-helpers';

// Written for the wrap renderer's <mark> elements, one for every mention: forced by the
// settings here; paint.spec.ts and footprint.spec.ts cover the defaults.
test.use({ stored: { renderer: 'wrap', density: 'all' } });

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
  expect(manifest.content_scripts.map((c: { matches: string[] }) => c.matches)).toEqual([
    ['<all_urls>'],
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

test('turning highlighting off in the popup unmarks an open tab at once and restores its HTML', async ({
  context,
  server,
  background,
  openExtensionPage,
  consoleErrors,
}) => {
  const { page, before, marks } = await openUnmarkedThenMark(
    context,
    background,
    `${server.origin}/demo/index.html`,
  );
  expect(marks).toBeGreaterThan(10);

  const tabId = await frontTabId(page, background);
  const popup = await openPopup(openExtensionPage, `?tab=${tabId}`);
  await popup.getByRole('tab', { name: 'Settings', exact: true }).click();
  const toggle = popup.getByLabel('Mark terms on web pages');
  await expect(toggle).toBeChecked();
  await toggle.uncheck();

  await expect(page.locator('mark[data-myolens-term]')).toHaveCount(0);
  expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
  expect((await storedSettings(background))?.enabled).toBe(false);

  // And back on, still without a reload.
  await toggle.check();
  expect(await marksSettled(page)).toBeGreaterThan(10);
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
  await marksSettled(page);
  const tabId = await frontTabId(page, background);
  const popup = await openPopup(openExtensionPage, `?tab=${tabId}`);
  await popup.getByRole('tab', { name: 'Settings', exact: true }).click();
  await popup.getByLabel('Off on 127.0.0.1').check();
  await expect(page.locator('mark[data-myolens-term]')).toHaveCount(0);
  expect((await storedSettings(background))?.sites).toEqual(['127.0.0.1']);

  await page.reload();
  await page.waitForTimeout(800);
  await expect(page.locator('mark[data-myolens-term]')).toHaveCount(0);

  await popup.getByLabel('Off on 127.0.0.1').uncheck();
  expect(await marksSettled(page)).toBeGreaterThan(10);
});

test('the toggle-site command turns the current site off and on', async ({
  context,
  server,
  background,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/demo/index.html`);
  await marksSettled(page);
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
  await expect(page.locator('mark[data-myolens-term]')).toHaveCount(0);
  await send();
  expect(await marksSettled(page)).toBeGreaterThan(10);
});

test('mark style and density apply live to an open tab', async ({
  context,
  server,
  background,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/demo/index.html`);
  const all = await marksSettled(page);
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
  await marksSettled(page);
  const tabId = await frontTabId(page, background);
  const distinct = await page
    .locator('mark[data-myolens-term]')
    .evaluateAll((ms) => new Set(ms.map((m) => m.getAttribute('data-myolens-term'))).size);
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
        setInterval(() => {
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
  await page.goto(`${server.origin}/forge.html`);
  await page.waitForTimeout(1500);
  expect(context.pages()).toHaveLength(2); // about:blank + this page: no guide tab opened
  expect(await storedSettings(background)).toEqual(before);
  // No tooltip host was ever created: synthetic events never open one.
  expect(await page.locator('[data-myolens-ui]').count()).toBe(0);
});

test('"Don\'t mark terms on this site" in the tooltip unmarks at once, persists across reload, undone in the popup', async ({
  context,
  server,
  background,
  openExtensionPage,
  consoleErrors,
}) => {
  const { page, before } = await openUnmarkedThenMark(
    context,
    background,
    `${server.origin}/demo/index.html`,
  );

  await page.locator('mark[data-myolens-term="sarcopenia"]').first().hover();
  const probe = await TooltipProbe.attach(page);
  await probe.waitOpen('Sarcopenia');
  await probe.clickButton(/^Don’t mark terms on 127\.0\.0\.1$/);
  await expect(page.locator('mark[data-myolens-term]')).toHaveCount(0);
  expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
  expect((await storedSettings(background))?.sites).toEqual(['127.0.0.1']);

  await page.reload();
  await page.waitForTimeout(800);
  await expect(page.locator('mark[data-myolens-term]')).toHaveCount(0);

  // Undone from the popup's settings.
  const tabId = await frontTabId(page, background);
  const popup = await openPopup(openExtensionPage, `?tab=${tabId}`);
  await popup.getByRole('tab', { name: 'Settings', exact: true }).click();
  await popup.getByLabel('Off on 127.0.0.1').uncheck();
  expect(await marksSettled(page)).toBeGreaterThan(10);
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
  await marksSettled(page);
  await marksSettled(other);
  await page.bringToFront();
  await page.locator('mark[data-myolens-term="dynapenia"]').first().hover();
  const probe = await TooltipProbe.attach(page);
  await probe.waitOpen('Dynapenia');
  await probe.clickButton('Hide this term');
  for (const p of [page, other]) {
    await expect(p.locator('mark[data-myolens-term="dynapenia"]')).toHaveCount(0);
    await expect(p.locator('mark[data-myolens-term="sarcopenia"]').first()).toBeVisible();
  }
  expect((await storedSettings(background))?.hiddenTerms).toEqual(['dynapenia']);
});
