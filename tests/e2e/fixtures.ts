import {
  test as base,
  chromium,
  expect,
  type BrowserContext,
  type Page,
  type Worker,
} from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs, findChromium, NO_CHROMIUM_HELP } from '../support/find-chromium';
import { startServer, type FixtureServer } from './server';
import { backgroundWorker, unpackedExtensionId } from '../support/extension';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const SHARED_PAGES = resolve(ROOT, '../shared/pages');

interface ChromeStorage {
  chrome: {
    storage: {
      sync: {
        get(key: string): Promise<Record<string, Record<string, unknown> | undefined>>;
        set(items: Record<string, unknown>): Promise<void>;
      };
    };
  };
}

/** One console message or uncaught error seen in a page of the test's browser. */
export interface ConsoleEntry {
  kind: 'console' | 'pageerror';
  text: string;
  url: string;
  page: string;
}

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  background: Worker;
  server: FixtureServer;
  /** Every console error and uncaught page error, from every page of the context. */
  consoleErrors: ConsoleEntry[];
  /** Open an extension page such as 'popup.html'. */
  openExtensionPage: (path: string) => Promise<Page>;
  /**
   * Settings stored before the test: undefined keeps the product defaults (paint, the
   * first mention per section underlined); specs written for the wrap renderer's
   * elements store `{ renderer: 'wrap', density: 'all' }`.
   */
  stored: Record<string, unknown> | undefined;
  /** Writes `stored` to storage before the test body runs (automatic). */
  storedSettings: void;
}

/** Does this URL go to the network (anything but loopback fixture servers and local schemes)? */
export function leavesMachine(url: string): boolean {
  if (/^(chrome-extension|data|blob|about|chrome):/.test(url)) return false;
  try {
    return !['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return true;
  }
}

/** Errors that MyoLens caused: thrown from our scripts or naming us. */
export function ourErrors(entries: ConsoleEntry[]): ConsoleEntry[] {
  // An uncaught error from the content script arrives as a pageerror with no URL: only
  // its stack names our script.
  return entries.filter(
    (e) =>
      e.url.startsWith('chrome-extension://') ||
      /myolens|extension context|chrome-extension:\/\//i.test(e.text),
  );
}

function watch(page: Page, sink: ConsoleEntry[]): void {
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    sink.push({ kind: 'console', text: msg.text(), url: msg.location().url, page: page.url() });
  });
  page.on('pageerror', (err) =>
    sink.push({ kind: 'pageerror', text: String(err.stack ?? err), url: '', page: page.url() }),
  );
}

export const test = base.extend<Fixtures>({
  server: async ({}, use) => {
    const server = await startServer([
      { prefix: '/shared/', dir: SHARED_PAGES },
      { prefix: '/', dir: join(ROOT, 'tests/fixtures') },
    ]);
    await use(server);
    await server.close();
  },
  consoleErrors: async ({}, use) => {
    await use([]);
  },
  context: async ({ consoleErrors }, use, testInfo) => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error(NO_CHROMIUM_HELP);
    const userDataDir = await mkdtemp(join(tmpdir(), 'myolens-e2e-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: chromiumArgs(EXTENSION_DIR),
      viewport: { width: 1280, height: 800 },
    });
    // The saved real-world pages reference remote assets; this machine has no network,
    // so fail them at once instead of waiting for DNS.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    context.on('page', (page) => watch(page, consoleErrors));
    for (const page of context.pages()) watch(page, consoleErrors);
    const offending: string[] = [];
    context.on('request', (request) => {
      if (!leavesMachine(request.url())) return;
      // The saved real-world pages load their own remote assets: theirs, not ours.
      let from = '';
      try {
        from = request.frame().page().url();
      } catch {
        /* service worker requests have no frame: always ours */
      }
      if (!/\/(shared|sprinkled)\//.test(from))
        offending.push(`${request.url()} (from ${from || 'the service worker'})`);
    });
    await use(context);
    // Across the whole suite, MyoLens sends nothing anywhere.
    expect(offending, 'network requests leaving the machine').toEqual([]);
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const [i, page] of context.pages().entries()) {
        await page
          .screenshot({ path: testInfo.outputPath(`failure-${i}.png`) })
          .catch(() => undefined);
      }
    }
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  },
  background: async ({ context }, use) => {
    await use(await backgroundWorker(context, EXTENSION_DIR));
  },
  extensionId: async ({}, use) => {
    await use(unpackedExtensionId(EXTENSION_DIR));
  },
  stored: [undefined, { option: true }],
  storedSettings: [
    async ({ stored, context }, use) => {
      if (stored) {
        const worker = await backgroundWorker(context, EXTENSION_DIR);
        await worker.evaluate(async (patch) => {
          const area = (globalThis as unknown as ChromeStorage).chrome.storage.sync;
          const current = (await area.get('settings')).settings ?? {};
          await area.set({ settings: { version: 2, ...current, ...patch } });
        }, stored);
      }
      await use();
    },
    { auto: true },
  ],
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

export { expect };
