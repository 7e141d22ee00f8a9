// `npm run demo`: builds MyoLens and opens Chromium with it on the bundled demo article.
// With a display it is an interactive browser (close it to stop). Headless (`-- --headless`
// or no $DISPLAY) it hovers a term, opens the popup page, and writes screenshots.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright';
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
await backgroundWorker(context, extensionDir);
const extensionId = unpackedExtensionId(extensionDir);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${server.origin}/`);
console.log(`MyoLens ${extensionId} loaded on ${server.origin}/`);

if (!headless) {
  console.log(
    'Interactive demo: hover an underlined term, or open the MyoLens toolbar popup. Close the browser to stop.',
  );
  await new Promise((done) => context.on('close', done));
} else {
  await mkdir(outDir, { recursive: true });
  const mark = page.locator('mark[data-myolens-term]').first();
  await mark.waitFor({ timeout: 15_000 });
  await page.screenshot({ path: join(outDir, '1-demo-page.png') });
  await mark.scrollIntoViewIfNeeded();
  await mark.hover();
  // The tooltip opens after a short hover intent delay.
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(outDir, '2-hovered-term.png') });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.waitForLoadState('networkidle');
  await popup.screenshot({ path: join(outDir, '3-popup.png') });
  const marks = await page.locator('mark[data-myolens-term]').count();
  console.log(`${marks} terms marked on the demo page.`);
  console.log(`Screenshots written to ${outDir}`);
}
await context.close().catch(() => undefined);
await server.close();
await rm(userDataDir, { recursive: true, force: true });
