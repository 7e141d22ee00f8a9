/** Chromium for the page rows: one browser, a fresh tab and page load per sample. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { findChromium, NO_CHROMIUM_HELP } from '../support/find-chromium';
import { countLoad, countWait } from './clock';
import type { Enough, PageTexts, RowKind, RowSample } from './types';

/** The flags the brief asks for: quiet, offline, sandbox-free in containers. */
export const BENCH_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export const VIEWPORT = { width: 1280, height: 800 };

/**
 * Every `*.test` host resolves to 127.0.0.1, where the bench's server listens: pages can
 * then hold frames of other sites (`ads.test` in `news.test`), which Chromium's site
 * isolation puts in processes of their own, as it does on the web.
 */
export const SITES_FLAG = '--host-resolver-rules=MAP *.test 127.0.0.1';

/** The Chromium executable, or a clear error. */
export function chromiumPath(): string {
  const path = findChromium();
  if (!path) throw new Error(NO_CHROMIUM_HELP);
  return path;
}

/** A headless Chromium without the extension, for the in-page rows. */
export async function launchBench(): Promise<{ browser: Browser; context: BrowserContext }> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...BENCH_FLAGS, SITES_FLAG],
  });
  // bypassCSP: the saved real pages carry CSPs that would refuse the harness.
  const context = await browser.newContext({ viewport: VIEWPORT, bypassCSP: true });
  await prepareContext(context);
  return { browser, context };
}

/**
 * Offline and ready for our page functions: the saved pages reference remote assets (this
 * machine is offline, so fail them at once), and tsx compiles the functions we pass to
 * page.evaluate with esbuild's keepNames, which calls a `__name` helper the page lacks.
 */
export async function prepareContext(context: BrowserContext): Promise<void> {
  // `*.test` hosts are ours too: the frames page's sites, mapped to 127.0.0.1 (SITES_FLAG).
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|[\w-]+\.test[:/])/, (route) =>
    route.abort(),
  );
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
}

let sites = 0;

/**
 * `url` on a site no load of this run has used (`l<n>.test`, mapped to 127.0.0.1 by
 * SITES_FLAG): navigating a tab there crosses sites, so Chromium's site isolation gives
 * the page a renderer process of its own, as a new tab did (a fresh V8 isolate: no
 * compiled code, RegExp or HTTP cache of an earlier load).
 */
export function freshSite(url: string): string {
  const u = new URL(url);
  u.hostname = `l${++sites}.test`;
  return u.href;
}

/**
 * One tab for a series of fresh loads: each load goes to a site of its own (freshSite),
 * so it gets a new renderer process as a new tab did, without the tab's opening and
 * closing (Playwright sets a new page up with a dozen protocol round trips, and a closing
 * tab's teardown ran beside the next load: 0.3-0.5 s a load here, measured side by side).
 * `init` is installed once, and then runs in every document the tab loads.
 */
export class Tabs {
  private page: Promise<Page> | undefined;
  constructor(
    readonly context: BrowserContext,
    private readonly init?: string,
  ) {}

  /** The tab, opened on first use (or when something closed it). */
  async open(): Promise<Page> {
    const page = await this.page?.catch(() => undefined);
    if (page && !page.isClosed()) return page;
    this.page = this.context.newPage().then(async (p) => {
      if (this.init) await p.addInitScript({ content: this.init });
      return p;
    });
    return this.page;
  }

  /**
   * Unloads the tab's page (about:blank): a measured load then starts once the last
   * one's document is gone, not while it is torn down.
   */
  async blank(): Promise<void> {
    const page = await this.page;
    if (page && page.url() !== 'about:blank') await page.goto('about:blank');
  }

  /** A page of this series is done with: the tab stays for the next load. */
  close(page: Page): void {
    void page;
  }

  /** Nothing to wait for: a load replaces the last page itself. */
  async settle(): Promise<void> {}

  /** Closes the tab; a later load opens a new one. */
  async dispose(): Promise<void> {
    const page = await this.page?.catch(() => undefined);
    this.page = undefined;
    await page?.close();
  }
}

/**
 * Loads `url` fresh (in a new tab, or in the series' tab on a site of its own) and waits
 * until it has laid out and painted (two frames), then `pauseMs` more for what the page
 * queued after painting. `received`, if given, gets a promise of the page's whole body
 * received: from then on the server (this process) may be busy.
 */
export async function freshPage(
  context: BrowserContext | Tabs,
  url: string,
  pauseMs = 50,
  received?: (done: Promise<unknown>) => void,
): Promise<Page> {
  const tabs = context instanceof Tabs;
  const page = tabs ? await context.open() : await context.newPage();
  const target = tabs ? freshSite(url) : url;
  received?.(
    page.waitForResponse((r) => r.url() === target, { timeout: 120_000 }).then((r) => r.finished()),
  );
  countLoad();
  await page.goto(target, { waitUntil: 'load', timeout: 120_000 });
  await page.evaluate(
    (ms) =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, ms))),
      ),
    pauseMs,
  );
  countWait(pauseMs);
  return page;
}

/** A load whose only use is to warm the browser's caches: closed unmeasured. */
export async function discardedLoad(
  context: BrowserContext | Tabs,
  url: string,
  received?: (done: Promise<unknown>) => void,
): Promise<void> {
  const page = await freshPage(context, url, 0, received);
  if (context instanceof Tabs) context.close(page);
  else await page.close();
}

/**
 * One sample: a fresh load, the harness evaluated, one row run. A row past `capMs` has
 * its script terminated (CDP Runtime.terminateExecution) and is reported as capped.
 * `after` runs on the same page once the row is done (and did not throw or hit its cap):
 * for a row that only reads the page (LIMIT), what else that page can serve.
 */
export async function sampleRow(
  tabs: Tabs,
  url: string,
  harness: string,
  kind: RowKind,
  capMs: number,
  hitTests = false,
  after?: (page: Page) => Promise<void>,
  enough?: Enough,
): Promise<RowSample> {
  const t0 = Date.now();
  // No pause after the two frames: the harness waits two more frames and 30 ms
  // (settleFrames) after it is evaluated, before the row's clock starts.
  const page = await freshPage(tabs, url, 0);
  const loaded = Date.now();
  try {
    await page.evaluate(harness);
    const sample = await runRow(tabs.context, page, kind, capMs, hitTests, enough);
    if (sample.error || sample.capped) return sample;
    const cost = { load: loaded - t0, run: Date.now() - loaded };
    await after?.(page);
    return { ...sample, cost };
  } finally {
    tabs.close(page);
  }
}

/**
 * One row on a page where the harness is evaluated; capped past `capMs` (see sampleRow),
 * or, a mark(forms) run given `enough`, once it has run enough passes for its estimate.
 */
export async function runRow(
  context: BrowserContext,
  page: Page,
  kind: RowKind,
  capMs: number,
  hitTests = false,
  enough?: Enough,
): Promise<RowSample> {
  // Attached before the row starts (attaching needs the page's main thread, which a row
  // past its cap is still holding); only rows with a real cap need it.
  const cdp = capMs < 60_000 ? await context.newCDPSession(page) : undefined;
  const run = page.evaluate(
    ([k, hitTests, enough]) => window.__bench.run(k, { hitTests, enough }),
    [kind, hitTests, enough] as const,
  );
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<'cap'>((resolve) => (timer = setTimeout(() => resolve('cap'), capMs)));
  const result = await Promise.race([run, cap]).catch((e: unknown) => String(e).slice(0, 300));
  clearTimeout(timer);
  // The tab serves the next loads: no session of a row outlives it.
  if (result !== 'cap') await cdp?.detach().catch(() => undefined);
  if (typeof result === 'string' && result !== 'cap')
    return { total: NaN, work: NaN, marks: -1, longestTask: 0, worstFrame: 0, error: result };
  if (result !== 'cap') {
    // A run that stopped itself with enough passes waited for its estimate, as a cap does.
    if (result.capped) countWait(result.total);
    return result;
  }
  run.catch(() => undefined);
  countWait(capMs);
  // Interrupts the running script at once (V8 TerminateExecution), page stays usable.
  await cdp?.send('Runtime.terminateExecution');
  await cdp?.detach().catch(() => undefined);
  const progress = await page.evaluate(() => window.__benchProgress ?? null);
  return {
    total: capMs,
    work: capMs,
    marks: progress?.marks ?? 0,
    longestTask: capMs,
    worstFrame: capMs,
    capped: true,
    progress: progress ?? undefined,
  };
}

/** The text nodes of a page as loaded, nothing marked (for the reference count). */
export function readTexts(page: Page): Promise<PageTexts> {
  return page.evaluate(() => window.__bench.texts());
}

/** The text nodes of a freshly loaded, unmarked page (for the reference count). */
export async function sampleTexts(tabs: Tabs, url: string, harness: string): Promise<PageTexts> {
  // Nothing is timed here: no pause.
  const page = await freshPage(tabs, url, 0);
  try {
    await page.evaluate(harness);
    return await readTexts(page);
  } finally {
    tabs.close(page);
  }
}
