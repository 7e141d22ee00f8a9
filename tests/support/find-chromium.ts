import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Where a Chromium lives: $CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's cache. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (found) return found;
  try {
    // Loaded only now: Playwright takes a second or more to import (a unit test that only
    // needs the help text paid it).
    const { chromium } = createRequire(import.meta.url)(
      'playwright',
    ) as typeof import('playwright');
    // Throws or points at a missing file when Playwright never downloaded a browser.
    const managed = chromium.executablePath();
    return existsSync(managed) ? managed : undefined;
  } catch {
    return undefined; /* no Playwright-managed browser */
  }
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
