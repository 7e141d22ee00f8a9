// Renders tests/support/icon.svg to the PNG sizes the manifest uses (public/icon/*.png).
// Run by hand after editing the SVG: `npx tsx tests/support/make-icons.ts`.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright';
import { findChromium, NO_CHROMIUM_HELP } from './find-chromium';

const executablePath = findChromium();
if (!executablePath) throw new Error(NO_CHROMIUM_HELP);
const svg = readFileSync(new URL('./icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
for (const size of [16, 32, 48, 96, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(svg.replace('<svg ', `<svg width="${size}" height="${size}" `));
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
