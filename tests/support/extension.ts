import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { BrowserContext, Worker } from 'playwright';

/** Chromium's id for an unpacked extension: its absolute path hashed, hex mapped to a-p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * The extension's service worker. Playwright can miss the worker's start when it comes
 * before the listener; opening one of our pages wakes it again.
 */
export async function backgroundWorker(
  context: BrowserContext,
  extensionDir: string,
): Promise<Worker> {
  const find = () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  for (let attempt = 0; attempt < 3; attempt++) {
    const worker =
      find() ??
      (await context.waitForEvent('serviceworker', { timeout: 5_000 }).catch(() => undefined));
    if (worker) return worker;
    const page = await context.newPage();
    await page
      .goto(`chrome-extension://${unpackedExtensionId(extensionDir)}/popup.html`)
      .catch(() => undefined);
    await page.close();
  }
  throw new Error('the extension service worker never started: is .output/chrome-mv3 built?');
}
