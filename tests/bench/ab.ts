/**
 * The extension A/B: each page loaded fresh, in the same run and rotating order, in a
 * Chromium profile without the extension and with it under renderer 'paint' and 'wrap'.
 * Every load records its long animation frames from navigation on; ab-summary.ts turns
 * them into "what the extension adds" between DOMContentLoaded and the last mark.
 */
import type { BrowserContext, Page } from 'playwright';
import { mentionCounts } from '../e2e/paint-helpers';
import { backgroundWorker } from '../support/extension';
import type { AbPageResult, AbSample, Arm, Loaf } from './ab-summary';
import { ARMS } from './ab-summary';
import type { Reference } from './reference';

// Runs in the page's main world before the page's scripts. Long animation frames are
// observed buffered from the start; the mark count (elements via a MutationObserver from
// DOMContentLoaded on, as extension.ts's probe does, plus painted ranges) is timed.
// CSS.highlights is one registry per document, shared by the content script's isolated
// world and the page, and has no change event: it is polled every 20 ms, a few
// microseconds per poll (a handful of entries, `size` is stored), in all three arms alike.
const AB_PROBE = () => {
  const rec = {
    dcl: 0,
    elements: 0,
    painted: 0,
    firstChange: null as number | null,
    settled: null as number | null,
    frames: [] as Loaf[],
  };
  (window as unknown as { __ab: typeof rec }).__ab = rec;
  const counted = (name: string) =>
    name.startsWith('myolens') && name !== 'myolens-hover' && name !== 'myolens-flash';
  const painted = () => {
    let n = 0;
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return 0;
    for (const [name, h] of CSS.highlights) if (counted(name)) n += h.size;
    return n;
  };
  const changed = (t: number) => {
    rec.firstChange ??= t;
    rec.settled = t;
  };
  const isMark = (n: Node) =>
    n.nodeName === 'MARK' && (n as Element).hasAttribute('data-myolens-term');
  const observer = new MutationObserver((records) => {
    let delta = 0;
    for (const r of records) {
      for (const n of r.addedNodes) if (isMark(n)) delta++;
      for (const n of r.removedNodes) if (isMark(n)) delta--;
    }
    if (delta) {
      rec.elements += delta;
      changed(performance.now());
    }
  });
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      rec.dcl = performance.now();
      observer.observe(document.body, { childList: true, subtree: true });
      setInterval(() => {
        const p = painted();
        if (p === rec.painted) return;
        rec.painted = p;
        changed(performance.now());
      }, 20);
    },
    { once: true },
  );
  type Script = { duration: number; sourceURL?: string; forcedStyleAndLayoutDuration?: number };
  type Entry = PerformanceEntry & {
    renderStart?: number;
    styleAndLayoutStart?: number;
    scripts?: Script[];
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as Entry[]) {
      const scripts = e.scripts ?? [];
      const total = (f: (s: Script) => number) => scripts.reduce((n, s) => n + f(s), 0);
      rec.frames.push({
        start: e.startTime,
        duration: e.duration,
        renderStart: e.renderStart ?? 0,
        styleAndLayoutStart: e.styleAndLayoutStart ?? 0,
        scripts: total((s) => s.duration),
        extensionScripts: total((s) =>
          s.sourceURL?.startsWith('chrome-extension://') ? s.duration : 0,
        ),
        forcedLayout: total((s) => s.forcedStyleAndLayoutDuration ?? 0),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
};

type ProbeRecord = {
  dcl: number;
  elements: number;
  painted: number;
  firstChange: number | null;
  settled: number | null;
  frames: Loaf[];
};

/** Chromium's storage.sync as the service worker sees it (the part we call). */
interface SyncArea {
  get(key: string): Promise<Record<string, Record<string, unknown> | undefined>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * Stores `renderer` the way tests/e2e/helpers.ts's setSettings writes settings: merged
 * into the stored object (shape version 2, which `renderer` joined as a new field). The
 * density is 'all' unless `--ab-density` says otherwise: every mention underlined, the
 * heaviest case for both renderers, and the one whose count the reference checks (the
 * default underlines the first per section). Returns the renderer read back.
 */
export async function setRenderer(
  context: BrowserContext,
  extensionDir: string,
  renderer: 'paint' | 'wrap',
  density = 'all',
): Promise<string> {
  // Looked up each time: an idle MV3 service worker is stopped and comes back as a new one.
  const worker = await backgroundWorker(context, extensionDir);
  return worker.evaluate(
    async ([r, density]) => {
      const area = (globalThis as unknown as { chrome: { storage: { sync: SyncArea } } }).chrome
        .storage.sync;
      const current = (await area.get('settings')).settings ?? {};
      await area.set({ settings: { version: 2, ...current, renderer: r, density } });
      return String((await area.get('settings')).settings?.renderer);
    },
    [renderer, density] as const,
  );
}

/**
 * The mentions the active tab's content script has found so far, asked as the popup asks
 * ("This page", e2e's mentionCounts); null when no content script answers. The paint
 * renderer registers only the underlines near the viewport, so the registry says when the
 * reader saw marks, and this says when the scan of the whole page was done.
 */
export function mentionsOf(
  context: BrowserContext,
  extensionDir: string,
): (page: Page) => Promise<number | null> {
  return async (page) => {
    const worker = await backgroundWorker(context, extensionDir);
    const counts = await mentionCounts(worker, page).catch(() => null);
    return counts && Object.values(counts).reduce((n, c) => n + c, 0);
  };
}

/**
 * The scan's progress over a load's polls: the mention count, and the page time when it
 * last changed (the scan's end, to the poll's interval).
 */
export class ScanProgress {
  found: number | null = null;
  scanned: number | null = null;
  constructor(private readonly mentions?: (page: Page) => Promise<number | null>) {}

  /** One poll; returns the page's clock now. */
  async poll(page: Page): Promise<number> {
    const n = this.mentions ? await this.mentions(page) : null;
    const now = await page.evaluate(() => performance.now());
    if (n !== null && n !== this.found) {
      this.found = n;
      this.scanned = now;
    }
    return now;
  }
}

/**
 * One fresh load of `url` with the probe; waits until neither the mark count, the
 * content script's mention count (`mentions`, extension arms) nor a long frame changed for
 * `quietMs` (after load), so the no-extension load is recorded at least as long as an
 * extension load's window could reach.
 */
export async function sampleAb(
  context: BrowserContext,
  url: string,
  arm: Arm,
  options: {
    quietMs?: number;
    timeoutMs?: number;
    expected?: number;
    mentions?: (page: Page) => Promise<number | null>;
  } = {},
): Promise<AbSample> {
  const { quietMs = 1_500, timeoutMs = 60_000, expected = 0, mentions } = options;
  const page = await context.newPage();
  try {
    await page.addInitScript(AB_PROBE);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const end = Date.now() + timeoutMs;
    // Polled every 250 ms: the scan's end is known to that much, in both arms' window.
    const scan = new ScanProgress(mentions);
    for (;;) {
      await page.waitForTimeout(250);
      await scan.poll(page);
      const quiet = await page.evaluate((scanned) => {
        const rec = (window as unknown as { __ab: ProbeRecord }).__ab;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const lastFrame = Math.max(0, ...rec.frames.map((f) => f.start + f.duration));
        const busy = Math.max(rec.dcl, nav.loadEventEnd, rec.settled ?? 0, scanned, lastFrame);
        return { quiet: performance.now() - busy, marks: rec.elements + rec.painted };
      }, scan.scanned ?? 0);
      const count = scan.found ?? quiet.marks;
      // On a starved machine the content script can pause longer than quietMs between
      // slices (a --quick run once stopped at 216 of 1560 marks): short of the reference
      // count, wait longer, but not forever (a density that marks fewer is legitimate).
      const needed = count < expected ? Math.max(quietMs, 6_000) : quietMs;
      if (quiet.quiet > needed || Date.now() > end) break;
    }
    const sample = await page.evaluate((a) => {
      const rec = (window as unknown as { __ab: ProbeRecord }).__ab;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const names =
        typeof CSS !== 'undefined' && 'highlights' in CSS ? [...CSS.highlights.keys()] : [];
      let painted = 0;
      for (const name of names)
        if (name.startsWith('myolens') && name !== 'myolens-hover' && name !== 'myolens-flash')
          painted += CSS.highlights.get(name)!.size;
      return {
        arm: a,
        dcl: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        firstChange: rec.firstChange,
        settled: rec.settled,
        // Counted once, exactly, now that nothing changes any more.
        elements: document.querySelectorAll('mark[data-myolens-term]').length,
        painted,
        highlightNames: names,
        frames: rec.frames,
      };
    }, arm);
    return { ...sample, mentions: scan.found, scanned: scan.scanned };
  } finally {
    await page.close();
  }
}

/** What the A/B needs of a page. */
export interface AbPage {
  id: string;
  title: string;
  url: string;
  reference: Reference;
}

/**
 * `rounds` rounds per page; a round is one load per arm, the arms in a rotating order so
 * none always runs first. One discarded load per profile first: a browser's first page
 * pays for its caches.
 */
export async function benchAb(
  profiles: { without: BrowserContext; with: BrowserContext; extensionDir: string },
  pages: readonly AbPage[],
  rounds: number,
  log: (line: string) => void,
  density = 'all',
): Promise<AbPageResult[]> {
  const out: AbPageResult[] = [];
  const mentions = mentionsOf(profiles.with, profiles.extensionDir);
  if (pages[0]) {
    await sampleAb(profiles.without, pages[0].url, 'none', { quietMs: 300 });
    await sampleAb(profiles.with, pages[0].url, 'wrap', { quietMs: 300 });
  }
  for (const page of pages) {
    const result: AbPageResult = { ...page, rounds: [] };
    for (let i = 0; i < rounds; i++) {
      const round = {} as Record<Arm, AbSample>;
      for (let k = 0; k < ARMS.length; k++) {
        const arm = ARMS[(i + k) % ARMS.length]!;
        let renderer: string | undefined;
        if (arm !== 'none')
          renderer = await setRenderer(profiles.with, profiles.extensionDir, arm, density);
        const s = await sampleAb(arm === 'none' ? profiles.without : profiles.with, page.url, arm, {
          expected: arm === 'none' ? 0 : page.reference.marks,
          mentions: arm === 'none' ? undefined : mentions,
        });
        s.renderer = renderer;
        round[arm] = s;
        const frames = s.frames.filter((f) => f.start + f.duration > s.dcl);
        log(
          `  A/B ${page.id} ${arm} #${i + 1}: settled ${s.settled === null ? '—' : (s.settled - s.dcl).toFixed(0) + ' ms after DCL'}, ` +
            `${s.elements} elements + ${s.painted} painted` +
            (s.mentions === null
              ? ''
              : ` of ${s.mentions} mentions (scan done ${(s.scanned! - s.dcl).toFixed(0)} ms after DCL)`) +
            `, ${frames.length} long frames after DCL`,
        );
      }
      result.rounds.push(round);
    }
    out.push(result);
  }
  return out;
}
