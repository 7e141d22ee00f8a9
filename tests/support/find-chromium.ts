import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

/** Where a Chromium lives: $CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's cache. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    // Throws or points at a missing file when Playwright never downloaded a browser.
    candidates.push(chromium.executablePath());
  } catch {
    /* no Playwright-managed browser */
  }
  return candidates.find((p): p is string => !!p && existsSync(p));
}

/** The one line we print when no Chromium is found. */
export const NO_CHROMIUM_HELP =
  'No Chromium found: install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH to its executable.';

/** Flags that keep a test browser quiet, offline and sandbox-free in containers. */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
  ];
}
