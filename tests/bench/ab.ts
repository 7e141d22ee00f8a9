/**
 * The extension A/B: each page loaded fresh, in the same run and rotating order, in a
 * Chromium profile without the extension and with it under renderer 'paint' and 'wrap'.
 * Every load records its long animation frames from navigation on; ab-summary.ts turns
 * them into "what the extension adds" between DOMContentLoaded and the last mark.
 */
import type { BrowserContext, Page } from 'playwright';
import { backgroundWorker } from '../support/extension';
import type { AbPageResult, AbSample, Arm, Loaf } from './ab-summary';
import { ARMS, NO_MARK_WINDOW_MS, windowLength } from './ab-summary';
import { untilQuiet } from './quiet';
import { freshSite, Tabs } from './browser';
import { countLoad } from './clock';
import { whenIdle, type IdleAnswer } from './when-idle';
import type { Reference } from './reference';

// Runs in the page's main world before the page's scripts. Long animation frames are
// observed buffered from the start; the mark count (elements via a MutationObserver from
// DOMContentLoaded on, as extension.ts's probe does, plus painted ranges) is timed.
// CSS.highlights is one registry per document, shared by the content script's isolated
// world and the page, and has no change event: it is polled every 20 ms, a few
// microseconds per poll (a handful of entries, `size` is stored), in all three arms alike.
export const AB_PROBE = () => {
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
 * One fresh load of `url` with the probe, in `tab` (whose init script is
 * AB_PROBE_SCRIPT), on a site of its own, once the tab's last page is unloaded. An extension load (`idle` given) waits for the
 * content script's `when-idle` answer (its scan is done: the count it returns is final),
 * then for the marks to settle: the paint renderer registers the underlines near the
 * viewport from IntersectionObserver reports, which come in the frames after the scan.
 * Every load then ends once nothing (mark count, long frame) changed for `quietMs`, and
 * not before `until`: the no-extension load is recorded over at least the window the
 * extension loads of its page needed so far.
 */
export async function sampleAb(
  tab: Tabs,
  url: string,
  arm: Arm,
  options: {
    quietMs?: number;
    until?: (dcl: number) => number;
    timeoutMs?: number;
    idle?: (page: Page) => Promise<IdleAnswer | null>;
  } = {},
): Promise<AbSample> {
  const { quietMs = 1_500, timeoutMs = 60_000, idle } = options;
  await tab.blank();
  const page = await tab.open();
  try {
    countLoad();
    await page.goto(freshSite(url), { waitUntil: 'load', timeout: 120_000 });
    const answer = idle ? await idle(page) : null;
    const dcl = await page.evaluate(
      () =>
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
          .domContentLoadedEventEnd,
    );
    const until = await untilQuiet(page, {
      probe: '__ab',
      quietMs,
      after: answer?.at ?? 0,
      until: options.until?.(dcl) ?? 0,
      timeoutMs,
    });
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
    return {
      ...sample,
      mentions: answer?.mentions ?? null,
      scanned: answer?.at ?? null,
      until,
    };
  } finally {
    tab.close(page);
  }
}

/** The A/B's probe as an init script, for the tab of a series of loads. */
export const AB_PROBE_SCRIPT = `(${AB_PROBE.toString()})();`;

/** What the A/B needs of a page. */
export interface AbPage {
  id: string;
  title: string;
  url: string;
  reference: Reference;
}

/**
 * How long an extension load's marks and long frames are watched after its scan is idle
 * (its `when-idle` answer) and two frames ran. Over the 88 extension loads of the day's
 * runs before this was 300 ms, no mark changed later than 23 ms after the answer (on (c),
 * whose own script appends); a long frame that began in the window and ends later is
 * waited for by the two frames and the late-check rule (quiet.ts), not by this.
 */
export const AFTER_IDLE_QUIET_MS = 150;
/**
 * How long a no-extension load is watched once quiet, past the longest window its page's
 * extension loads needed so far; before any extension load of the page ran, the quiet the
 * whole A/B used to wait for every load. The arms' rotation never runs the baseline before
 * an extension load of its page, so that longer quiet is a fallback only.
 */
export const BASELINE_QUIET_MS = 150;
export const FIRST_BASELINE_QUIET_MS = 1_500;

/**
 * `rounds(page)` rounds per page; a round is one load per arm, the arms in a rotating
 * order so none always runs first. It starts at paint, wrap, no extension: the baseline
 * then always knows an extension window of its page, and is recorded over it instead of
 * until a 1.5 s quiet. Both profiles have loaded a page before (a discarded load, or the
 * extension rows): a browser's first page pays for its caches.
 */
export async function benchAb(
  profiles: {
    without: BrowserContext;
    with: BrowserContext;
    extensionDir: string;
  },
  pages: readonly AbPage[],
  rounds: (page: AbPage) => number,
  log: (line: string) => void,
  density = 'all',
  onPage?: (page: AbPage) => void,
): Promise<AbPageResult[]> {
  const out: AbPageResult[] = [];
  const idle = (page: Page) => whenIdle(profiles.with, profiles.extensionDir, page);
  const tabs = {
    with: new Tabs(profiles.with, AB_PROBE_SCRIPT),
    without: new Tabs(profiles.without, AB_PROBE_SCRIPT),
  };
  try {
    for (const page of pages) out.push(await abPage(page));
    return out;
  } finally {
    await tabs.with.dispose();
    await tabs.without.dispose();
  }

  /** One page's rounds. */
  async function abPage(page: AbPage): Promise<AbPageResult> {
    onPage?.(page);
    const result: AbPageResult = { ...page, rounds: [] };
    // The longest extension window of this page so far: the baseline is recorded past it.
    let longest = 0;
    for (let i = 0; i < rounds(page); i++) {
      const round = {} as Record<Arm, AbSample>;
      const order = ARMS.map((_, k) => ARMS[(i + 1 + k) % ARMS.length]!);
      for (let k = 0; k < order.length; k++) {
        const arm = order[k]!;
        // An extension load of this round still to come, after this one.
        const later = order.slice(k + 1).some((a) => a !== 'none');
        let renderer: string | undefined;
        if (arm !== 'none')
          renderer = await setRenderer(profiles.with, profiles.extensionDir, arm, density);
        const s =
          arm === 'none'
            ? await sampleAb(tabs.without, page.url, arm, {
                quietMs: longest ? BASELINE_QUIET_MS : FIRST_BASELINE_QUIET_MS,
                // While an extension load of this round is still to come, at least the
                // no-mark window: on a small page a later extension load's scan often
                // ends a few hundred ms after the longest before it. With the round's
                // extension loads done, their windows are known: the longest is enough.
                until: (dcl) =>
                  longest ? dcl + (later ? Math.max(longest, NO_MARK_WINDOW_MS) : longest) : 0,
              })
            : await sampleAb(tabs.with, page.url, arm, { quietMs: AFTER_IDLE_QUIET_MS, idle });
        if (arm !== 'none') longest = Math.max(longest, windowLength(s));
        s.renderer = renderer;
        round[arm] = s;
        const frames = s.frames.filter((f) => f.start + f.duration > s.dcl);
        log(
          `  A/B ${page.id} ${arm} #${i + 1}: settled ${s.settled === null ? '—' : (s.settled - s.dcl).toFixed(0) + ' ms after DCL'}, ` +
            `${s.elements} elements + ${s.painted} painted` +
            (s.mentions === null || s.mentions === undefined
              ? ''
              : ` of ${s.mentions} mentions (scan idle ${(s.scanned! - s.dcl).toFixed(0)} ms after DCL)`) +
            `, ${frames.length} long frames after DCL, recorded to ${(s.until! - s.dcl).toFixed(0)} ms after DCL`,
        );
      }
      result.rounds.push(round);
    }
    return result;
  }
}
