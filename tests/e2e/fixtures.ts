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
import { join } from 'node:path';
import { chromiumArgs, findChromium, NO_CHROMIUM_HELP } from '../support/find-chromium';
import { startServer, type FixtureServer } from './server';
import { backgroundWorker, unpackedExtensionId } from '../support/extension';

import { EXTENSION_DIR, ROOT, SHARED_PAGES } from './paths';

export { EXTENSION_DIR, ROOT, SHARED_PAGES };

interface ChromeStorage {
  chrome: {
    storage: {
      sync: StorageArea;
      local: StorageArea;
      session?: StorageArea;
    };
    runtime: { getContexts(filter: object): Promise<unknown[]> };
    sidePanel: { close(options: { windowId: number }): Promise<void> };
    windows: { getAll(): Promise<{ id: number }[]> };
  };
}
interface StorageArea {
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  clear(): Promise<void>;
}

/** One console message or uncaught error seen in a page of the test's browser. */
export interface ConsoleEntry {
  kind: 'console' | 'pageerror';
  text: string;
  url: string;
  page: string;
}

/** Where a browser's listeners report: the running test's lists, swapped per test. */
interface Sinks {
  console: ConsoleEntry[];
  offending: string[];
}

/** A Chromium with MyoLens loaded, and what the fixtures keep about it. */
interface Launched {
  context: BrowserContext;
  /** The tab the browser opened with: kept open so the window stays between tests. */
  keeper: Page;
  sinks: Sinks;
  close(): Promise<void>;
}

interface WorkerFixtures {
  /** The worker's Chromium, launched at first use and kept for every test of the worker. */
  sharedBrowser: { get(): Promise<Launched>; retire(): Promise<void> };
  /** The worker's fixture server (its routes are cleared before each test). */
  workerServer: FixtureServer;
}

interface Fixtures {
  /**
   * A browser of the test's own instead of the worker's: for the few tests that change
   * what cannot be reset between tests (the extension reloaded, the real side panel of
   * the window opened).
   */
  freshBrowser: boolean;
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

function watch(page: Page, sinks: Sinks): void {
  // `sinks.console` is read at each event: it is the running test's list.
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    sinks.console.push({
      kind: 'console',
      text: msg.text(),
      url: msg.location().url,
      page: page.url(),
    });
  });
  page.on('pageerror', (err) =>
    sinks.console.push({
      kind: 'pageerror',
      text: String(err.stack ?? err),
      url: '',
      page: page.url(),
    }),
  );
}

/** Launches Chromium with the built extension, its network guard and console watch. */
async function launch(): Promise<Launched> {
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
  // so fail them at once instead of waiting for DNS. The fixture server answers as
  // localhost too: another site than 127.0.0.1, for cross-site frames.
  await context.route(/^https?:\/\/(?!(?:127\.0\.0\.1|localhost)[:/])/, (route) => route.abort());
  const sinks: Sinks = { console: [], offending: [] };
  context.on('page', (page) => watch(page, sinks));
  for (const page of context.pages()) watch(page, sinks);
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
      sinks.offending.push(`${request.url()} (from ${from || 'the service worker'})`);
  });
  const keeper = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    keeper,
    sinks,
    close: async () => {
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Puts a shared browser back to where a fresh one starts, as far as MyoLens can tell:
 * only the first tab open, no side panel open, no settings or anything else in extension
 * storage, no permission granted. Returns false when the browser cannot be reused (the
 * extension is gone, or a side panel would not close).
 */
async function reset(browser: Launched): Promise<boolean> {
  const { context, keeper } = browser;
  if (keeper.isClosed()) return false;
  for (const page of context.pages()) if (page !== keeper) await page.close().catch(() => {});
  await context.clearPermissions();
  const worker = await backgroundWorker(context, EXTENSION_DIR).catch(() => undefined);
  if (!worker) return false;
  return worker.evaluate(async () => {
    const { storage, runtime, sidePanel, windows } = (globalThis as unknown as ChromeStorage)
      .chrome;
    // A real side panel a test opened (Chromium 141+ closes one by its window).
    // (A panel's context names no window: close it in every window.)
    if ((await runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length)
      for (const { id } of await windows.getAll())
        await sidePanel.close({ windowId: id }).catch(() => undefined); // none open there
    // Settings live in sync and local (lib/settings/slots.ts); nothing else is stored.
    await Promise.all([storage.sync.clear(), storage.local.clear(), storage.session?.clear()]);
    const left = await Promise.all([storage.sync.get(null), storage.local.get(null)]);
    // A closed panel's page goes a moment later.
    let panels = await runtime.getContexts({ contextTypes: ['SIDE_PANEL'] });
    for (let i = 0; panels.length && i < 40; i++) {
      await new Promise((r) => setTimeout(r, 25));
      panels = await runtime.getContexts({ contextTypes: ['SIDE_PANEL'] });
    }
    return left.every((items) => Object.keys(items).length === 0) && panels.length === 0;
  });
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  sharedBrowser: [
    async ({}, use) => {
      let launched: Promise<Launched> | undefined;
      await use({
        get: () => (launched ??= launch()),
        retire: async () => {
          const was = launched;
          launched = undefined;
          await (await was?.catch(() => undefined))?.close();
        },
      });
      await (await launched?.catch(() => undefined))?.close();
    },
    { scope: 'worker' },
  ],
  workerServer: [
    async ({}, use) => {
      const server = await startServer([
        { prefix: '/shared/', dir: SHARED_PAGES },
        { prefix: '/', dir: join(ROOT, 'tests/fixtures') },
      ]);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  server: async ({ workerServer }, use) => {
    workerServer.reset();
    await use(workerServer);
  },
  freshBrowser: [false, { option: true }],
  consoleErrors: async ({}, use) => {
    await use([]);
  },
  // Tests that never touch a page (the build's files, the manifest) start no browser.
  context: async ({ freshBrowser, sharedBrowser, consoleErrors, stored }, use, testInfo) => {
    let browser: Launched;
    if (freshBrowser) browser = await launch();
    else {
      browser = await sharedBrowser.get();
      if (!(await reset(browser).catch(() => false))) {
        // Left in a state no reset undoes: this test gets a new one, as later tests do.
        await sharedBrowser.retire();
        browser = await sharedBrowser.get();
      }
    }
    const offending: string[] = [];
    browser.sinks.console = consoleErrors;
    browser.sinks.offending = offending;
    const { context, keeper } = browser;
    if (stored) {
      const worker = await backgroundWorker(context, EXTENSION_DIR);
      await worker.evaluate(async (patch) => {
        const area = (globalThis as unknown as ChromeStorage).chrome.storage.sync;
        const current = ((await area.get('settings')).settings ?? {}) as object;
        await area.set({ settings: { version: 2, ...current, ...patch } });
      }, stored);
    }
    await use(context);
    // Across the whole suite, MyoLens sends nothing anywhere.
    expect(offending, 'network requests leaving the machine').toEqual([]);
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const [i, page] of context.pages().entries()) {
        if (page === keeper) continue;
        await page
          .screenshot({ path: testInfo.outputPath(`failure-${i}.png`) })
          .catch(() => undefined);
      }
    }
    browser.sinks.console = [];
    browser.sinks.offending = [];
    if (freshBrowser) await browser.close();
    // The pages a test opened go with it; the next test's reset checks the rest.
    else for (const page of context.pages()) if (page !== keeper) await page.close();
  },
  background: async ({ context }, use) => {
    await use(await backgroundWorker(context, EXTENSION_DIR));
  },
  extensionId: async ({}, use) => {
    await use(unpackedExtensionId(EXTENSION_DIR));
  },
  stored: [undefined, { option: true }],
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

export { expect };
