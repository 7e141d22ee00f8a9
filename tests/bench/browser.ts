/** Chromium for the page rows: one browser, a fresh tab and page load per sample. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { findChromium, NO_CHROMIUM_HELP } from '../support/find-chromium';
import { countLoad, countWait } from './clock';
import type { PageTexts, RowKind, RowSample } from './types';

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
    args: BENCH_FLAGS,
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
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
}

/**
 * Fresh tabs for the in-page rows, with part of the cost of opening and closing them off
 * the run's critical path: when a row is done, its tab closes while the next one opens.
 * Nothing of either runs during a row: `settle()` waits for the closing before the next
 * row, and a tab is opened only after the last row finished. (A tab opened while another
 * page loaded held that page's next frames for ~4 s: measured, so not done.)
 */
export class Tabs {
  private spare: Promise<Page> | undefined;
  private closing: Promise<unknown>[] = [];
  constructor(readonly context: BrowserContext) {}

  /** A fresh tab: the one opened when the last one closed, if any. */
  async open(): Promise<Page> {
    const page = await (this.spare ?? this.context.newPage());
    this.spare = undefined;
    return page;
  }

  /** Closes `page` and opens the next tab meanwhile, without waiting for either. */
  close(page: Page): void {
    this.closing.push(page.close().catch(() => undefined));
    this.spare = this.context.newPage();
  }

  /** Resolves once every closed tab is gone. */
  async settle(): Promise<void> {
    await Promise.all(this.closing);
    this.closing = [];
  }

  /** Closes the tab opened ahead, if any. */
  async dispose(): Promise<void> {
    await this.settle();
    const spare = await this.spare;
    this.spare = undefined;
    await spare?.close();
  }
}

/**
 * Loads `url` in a fresh tab and waits until it has laid out and painted (two frames),
 * then `pauseMs` more for what the page queued after painting.
 */
export async function freshPage(
  context: BrowserContext | Tabs,
  url: string,
  pauseMs = 50,
): Promise<Page> {
  const page = context instanceof Tabs ? await context.open() : await context.newPage();
  countLoad();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.evaluate(
    (ms) =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, ms))),
      ),
    pauseMs,
  );
  countWait(pauseMs);
  if (context instanceof Tabs) await context.settle();
  return page;
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
): Promise<RowSample> {
  const t0 = Date.now();
  // No pause after the two frames: the harness waits two more frames and 30 ms
  // (settleFrames) after it is evaluated, before the row's clock starts.
  const page = await freshPage(tabs, url, 0);
  const loaded = Date.now();
  try {
    await page.evaluate(harness);
    const sample = await runRow(tabs.context, page, kind, capMs, hitTests);
    if (sample.error || sample.capped) return sample;
    const cost = { load: loaded - t0, run: Date.now() - loaded };
    await after?.(page);
    return { ...sample, cost };
  } finally {
    tabs.close(page);
  }
}

/** One row on a page where the harness is evaluated; capped past `capMs` (see sampleRow). */
export async function runRow(
  context: BrowserContext,
  page: Page,
  kind: RowKind,
  capMs: number,
  hitTests = false,
): Promise<RowSample> {
  // Attached before the row starts (attaching needs the page's main thread, which a row
  // past its cap is still holding); only rows with a real cap need it.
  const cdp = capMs < 60_000 ? await context.newCDPSession(page) : undefined;
  const run = page.evaluate(([k, hitTests]) => window.__bench.run(k, { hitTests }), [
    kind,
    hitTests,
  ] as const);
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<'cap'>((resolve) => (timer = setTimeout(() => resolve('cap'), capMs)));
  const result = await Promise.race([run, cap]).catch((e: unknown) => String(e).slice(0, 300));
  clearTimeout(timer);
  if (typeof result === 'string' && result !== 'cap')
    return { total: NaN, work: NaN, marks: -1, longestTask: 0, worstFrame: 0, error: result };
  if (result !== 'cap') return result;
  run.catch(() => undefined);
  countWait(capMs);
  // Interrupts the running script at once (V8 TerminateExecution), page stays usable.
  await cdp?.send('Runtime.terminateExecution');
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
