// `npm run demo`: builds MyoLens and opens Chromium with it on the bundled demo article.
// With a display it is an interactive browser with the side panel open beside the article
// (close it to stop). Headless (`-- --headless` or no $DISPLAY) it hovers a term, opens the
// popup page and the side panel's page, and writes screenshots.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright';
import { startServer } from '../e2e/server';
import { backgroundWorker, unpackedExtensionId } from '../support/extension';
import { chromiumArgs, findChromium, NO_CHROMIUM_HELP } from '../support/find-chromium';
import { nodeWorld, offerChromium } from './offer-chromium';

const ROOT = resolve(import.meta.dirname, '../..');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const outDir = resolve(ROOT, 'demo-screenshots');

// No Chromium: on a Debian-like terminal, offer to install it (asks first); else one line.
let executablePath = findChromium();
if (!executablePath && (await offerChromium(nodeWorld())) === 'installed') {
  executablePath = findChromium();
  if (!executablePath) console.error(NO_CHROMIUM_HELP);
}
if (!executablePath) process.exit(1);
if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm run -s build', { cwd: ROOT, shell: true, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const extensionDir = join(ROOT, '.output/chrome-mv3');
const server = await startServer([{ prefix: '/', dir: join(ROOT, 'tests/fixtures/demo') }]);
const userDataDir = await mkdtemp(join(tmpdir(), 'myolens-demo-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless,
  args: chromiumArgs(extensionDir),
  viewport: headless ? { width: 1280, height: 900 } : null,
});
const worker = await backgroundWorker(context, extensionDir);
const extensionId = unpackedExtensionId(extensionDir);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${server.origin}/`);
console.log(`MyoLens ${extensionId} loaded on ${server.origin}/`);

/** The side panel's width in Chromium 156, by default. */
const PANEL_WIDTH = 360;

if (!headless) {
  // The side panel opens only from a gesture: a click on the popup's "Side panel" button
  // (the popup's page, in a tab for the moment) opens it in this window.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Side panel' }).click();
  await popup.close();
  await page.bringToFront();
  console.log(
    'Interactive demo: the side panel is open beside the article. Hover an underlined term (the panel follows), or open the MyoLens toolbar popup. Close the browser to stop.',
  );
  await new Promise((done) => context.on('close', done));
} else {
  await mkdir(outDir, { recursive: true });
  const first = await firstPaintedTerm(page);
  await page.screenshot({ path: join(outDir, '1-demo-page.png') });
  await page.mouse.move(first.x, first.y);
  // The tooltip opens after a short hover intent delay.
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(outDir, '2-hovered-term.png') });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.waitForLoadState('networkidle');
  await popup.screenshot({ path: join(outDir, '3-popup.png') });
  await popup.close();
  await sidePanelShot(join(outDir, '4-side-panel.png'));
  const terms = await page.evaluate(() => CSS.highlights.get('myolens')?.size ?? 0);
  console.log(`${terms} terms underlined on the demo page.`);
  console.log(`Screenshots written to ${outDir}`);
}
await context.close().catch(() => undefined);
await server.close();
await rm(userDataDir, { recursive: true, force: true });

/** Where the first underlined (painted) term is, scrolled into view: its centre. */
async function firstPaintedTerm(on: Page): Promise<{ x: number; y: number }> {
  await on.waitForFunction(() => (CSS.highlights.get('myolens')?.size ?? 0) > 0, undefined, {
    timeout: 15_000,
  });
  return on.evaluate(() => {
    const first = CSS.highlights.get('myolens')!.values().next().value as AbstractRange;
    const range = new Range();
    range.setStart(first.startContainer, first.startOffset);
    range.setEnd(first.endContainer, first.endOffset);
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const r = range.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
}

/**
 * The article with the side panel beside it, as one picture. A headless side panel has
 * no pixels to capture, so the panel's page runs in a tab of the panel's width, following
 * the article's tab; a tooltip opened on the article shows its entry there ("Follow the
 * page"); the two screenshots are set side by side.
 */
async function sidePanelShot(path: string): Promise<void> {
  const height = 900;
  await page.setViewportSize({ width: 1280 - PANEL_WIDTH, height });
  await page.bringToFront();
  const tabId = await worker.evaluate(async () => {
    const { tabs } = (globalThis as unknown as { chrome: { tabs: TabsApi } }).chrome;
    const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  const panel = await context.newPage();
  await panel.setViewportSize({ width: PANEL_WIDTH, height });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  await panel.locator('#search-input').waitFor();
  await page.bringToFront();
  await page.mouse.move(1, 1);
  await page.waitForTimeout(500);
  const term = await firstPaintedTerm(page);
  await page.mouse.move(term.x, term.y);
  await panel.locator('[role="tab"][aria-selected="true"]', { hasText: 'Glossary' }).waitFor();
  await page.waitForTimeout(400);
  const shots = [await page.screenshot(), await panel.screenshot()];
  const board = await context.newPage();
  await board.setViewportSize({ width: 1280, height });
  await board.setContent('<!doctype html><body style="margin:0;display:flex"></body>');
  await board.evaluate(
    (images) => {
      for (const [i, data] of images.entries()) {
        const img = document.createElement('img');
        img.src = `data:image/png;base64,${data}`;
        img.alt = i === 0 ? 'the demo article' : 'the MyoLens side panel';
        if (i === 1) img.style.borderLeft = '1px solid #c8ccd1';
        document.body.append(img);
      }
      return Promise.all([...document.images].map((img) => img.decode()));
    },
    shots.map((shot) => shot.toString('base64')),
  );
  await board.screenshot({ path });
  await Promise.all([panel.close(), board.close()]);
}

interface TabsApi {
  query(query: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]>;
}
