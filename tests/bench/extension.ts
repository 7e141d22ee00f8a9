/**
 * The built extension (.output/chrome-mv3) in a persistent Chromium profile: the content
 * script on real page loads, the popup's first render, and heap use.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright';
import { chromiumArgs } from '../support/find-chromium';
import { backgroundWorker, unpackedExtensionId } from '../support/extension';
import {
  chromiumPath,
  freshPage,
  freshSite,
  prepareContext,
  SITES_FLAG,
  Tabs,
  VIEWPORT,
} from './browser';
import { untilQuiet } from './quiet';
import { countLoad, countWait } from './clock';
import type { IdleAnswer } from './when-idle';

/** One load of a page with the extension, times from navigation start (performance.now()). */
export interface ExtensionSample {
  /** domContentLoadedEventEnd: the earliest a document_idle script can start. */
  dcl: number;
  load: number;
  /** First mark anywhere, first in the first two screens, last mark (after settling). */
  firstMark: number | null;
  firstViewport: number | null;
  lastMark: number | null;
  /**
   * Mentions the content script found (underlined or not); without its answer, the
   * mark[data-myolens-term] elements plus ranges painted in the myolens* highlights.
   */
  marks: number;
  /** When the content script's scan went idle (its `when-idle` answer), ms from navigation start. */
  scanned?: number | null;
  /**
   * Longest task and frame from DOMContentLoaded to the last mark. On the generated pages
   * (no scripts of their own) nothing but the content script runs then, apart from the
   * page's first layout and paint, which frames (not tasks) include.
   */
  longestTask: number;
  worstFrame: number;
  /** Heap after settling and two GCs, when asked for. */
  heap?: { used: number; embedder: number | null };
}

// Runs in the page's main world at document start. It watches from DOMContentLoaded on (not
// during parsing, which would flood the observer) and measures the viewport then, before
// any content script ran.
const PROBE = () => {
  const rec = {
    dcl: 0,
    firstMark: null as number | null,
    firstViewport: null as number | null,
    lastMark: null as number | null,
    added: 0,
    /** Ranges in the myolens* highlights (the paint renderer), at the last poll. */
    painted: 0,
    frames: [] as { start: number; duration: number }[],
    tasks: [] as { start: number; duration: number }[],
  };
  (window as unknown as { __ext: typeof rec }).__ext = rec;
  let parents: Set<Node> | null = null;
  const measure = () => {
    parents = new Set();
    const range = document.createRange();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let below = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!(n as Text).data.trim() || !n.parentNode) continue;
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // The first two screens, as the harness's viewportParents (FIRST_SCREENS) says why.
      if (r.bottom > 0 && r.top < 2 * innerHeight && r.right > 0 && r.left < innerWidth)
        parents.add(n.parentNode);
      else if (r.top >= 2 * innerHeight && ++below > 5000) break;
    }
  };
  const observer = new MutationObserver((records) => {
    const t = performance.now();
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeName !== 'MARK' || !(n as Element).hasAttribute('data-myolens-term')) continue;
        rec.added++;
        rec.firstMark ??= t;
        rec.lastMark = t;
        if (rec.firstViewport === null) {
          if (!parents) measure();
          if (parents!.has(n.parentNode!)) rec.firstViewport = t;
        }
      }
    }
  });
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      rec.dcl = performance.now();
      measure();
      observer.observe(document.body, { childList: true, subtree: true });
      // The paint renderer draws ranges in CSS.highlights (one registry per document, seen
      // from this world too) and changes no DOM: polled, as it has no change event.
      setInterval(() => {
        const t = performance.now();
        let n = 0;
        const lists: Highlight[] = [];
        for (const [name, h] of CSS.highlights) {
          if (!name.startsWith('myolens') || name === 'myolens-hover' || name === 'myolens-flash')
            continue;
          n += h.size;
          lists.push(h);
        }
        if (n === rec.painted) return;
        rec.painted = n;
        rec.firstMark ??= t;
        rec.lastMark = t;
        if (rec.firstViewport !== null) return;
        for (const h of lists) {
          for (const r of h) {
            if (!parents!.has(r.startContainer.parentNode!)) continue;
            rec.firstViewport = t;
            return;
          }
        }
      }, 20);
    },
    { once: true },
  );
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      rec.frames.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'long-animation-frame', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) rec.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

/** A Chromium with the built extension loaded, in a throwaway profile. */
export async function launchWithExtension(extensionDir: string): Promise<{
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}> {
  const profile = await launchProfile([...chromiumArgs(extensionDir), SITES_FLAG]);
  // The service worker writes the default settings on install; wait until it runs.
  await backgroundWorker(profile.context, extensionDir);
  return { ...profile, extensionId: unpackedExtensionId(extensionDir) };
}

/**
 * The same kind of profile without the extension: the A/B's baseline, launched with
 * the same flags but the two that load the extension.
 */
export async function launchWithoutExtension(extensionDir: string): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
}> {
  const loads = (a: string) =>
    a.startsWith('--disable-extensions-except=') || a.startsWith('--load-extension=');
  return launchProfile([...chromiumArgs(extensionDir).filter((a) => !loads(a)), SITES_FLAG]);
}

async function launchProfile(
  args: string[],
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'myolens-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args,
    viewport: VIEWPORT,
  });
  await prepareContext(context);
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

type ProbeRecord = {
  dcl: number;
  firstMark: number | null;
  firstViewport: number | null;
  lastMark: number | null;
  frames: { start: number; duration: number }[];
  tasks: { start: number; duration: number }[];
};

/**
 * Loads `url` with the extension, in `tab` (whose init script is PROBE_SCRIPT) on a site
 * of its own, once the tab's last page is unloaded; with `idle`, waits for the content script's scan to be
 * idle (its `when-idle` answer), then until no mark was added and no long frame ended for
 * `quietMs` (the paint renderer registers underlines from IntersectionObserver reports,
 * in the frames after the scan).
 */
export async function sampleExtensionPage(
  tab: Tabs,
  url: string,
  options: {
    quietMs?: number;
    timeoutMs?: number;
    heap?: boolean;
    /** The content script's `when-idle` answer (when-idle.ts): the scan's end and count. */
    idle?: (page: Page) => Promise<IdleAnswer | null>;
  } = {},
): Promise<ExtensionSample> {
  const { quietMs = 1_500, timeoutMs = 60_000, idle } = options;
  await tab.blank();
  const page = await tab.open();
  try {
    countLoad();
    await page.goto(freshSite(url), { waitUntil: 'load', timeout: 120_000 });
    const answer = idle ? await idle(page) : null;
    await untilQuiet(page, { probe: '__ext', quietMs, after: answer?.at ?? 0, timeoutMs });
    const rec = await page.evaluate(() => (window as unknown as { __ext: ProbeRecord }).__ext);
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd };
    });
    // The mentions found; else elements (wrap) plus painted ranges (paint, which
    // registers those near the viewport only).
    const found = answer?.mentions ?? null;
    const scanned = answer?.at ?? null;
    const marks =
      found ??
      (await page.locator('mark[data-myolens-term]').count()) +
        (await page.evaluate(
          () => (window as unknown as { __ext: { painted: number } }).__ext.painted,
        ));
    const from = nav.dcl;
    const to = Math.max(rec.lastMark ?? nav.load, scanned ?? 0) + 5;
    const within = (e: { start: number; duration: number }) =>
      e.start < to && e.start + e.duration > from;
    return {
      dcl: nav.dcl,
      load: nav.load,
      firstMark: rec.firstMark,
      firstViewport: rec.firstViewport,
      lastMark: rec.lastMark,
      marks,
      scanned,
      longestTask: Math.max(0, ...rec.tasks.filter(within).map((t) => t.duration)),
      worstFrame: Math.max(0, ...rec.frames.filter(within).map((f) => f.duration)),
      heap: options.heap ? await heapAfterGc(tab.context, page) : undefined,
    };
  } finally {
    tab.close(page);
  }
}

/** The extension rows' probe as an init script, for the tab of their loads. */
export const PROBE_SCRIPT = `(${PROBE.toString()})();`;

/**
 * CPU time of chrome-extension:// scripts (V8's sampling profiler, 100 µs) during one
 * load of `url`, until the content script's scan is idle (its `when-idle` answer) and two
 * frames ran: module evaluation, settings, start() and slices, and that one answer. On
 * a page that changes nothing more the script has no work after it. Without `idle` (or
 * no answer), `quietMs` after the load instead (a fixed 2 s was the window before).
 */
export async function extensionCpu(
  context: BrowserContext,
  url: string,
  idle?: (page: Page) => Promise<IdleAnswer | null>,
  quietMs = 2_000,
): Promise<{ total: number; top: { name: string; ms: number }[] }> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    countLoad();
    await page.goto(url, { waitUntil: 'load' });
    const answer = idle ? await idle(page) : null;
    if (answer)
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
    else {
      countWait(quietMs);
      await page.waitForTimeout(quietMs);
    }
    const { profile } = await cdp.send('Profiler.stop');
    const self = selfTimes(profile);
    const ours = self.filter((f) => f.url.startsWith('chrome-extension://'));
    const byName = new Map<string, number>();
    for (const f of ours) byName.set(f.name, (byName.get(f.name) ?? 0) + f.ms);
    return {
      total: ours.reduce((n, f) => n + f.ms, 0),
      top: [...byName]
        .map(([name, ms]) => ({ name, ms }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 8),
    };
  } finally {
    await page.close();
  }
}

/** A V8 CPU profile as Chrome's DevTools protocol returns it (the parts we read). */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time per profile node, in ms. */
export function selfTimes(profile: CpuProfile): { name: string; url: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, { ...n, ms: 0 }]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // A sample's time is the gap to the next one.
    const node = byId.get(samples[i]!);
    if (node) node.ms += (deltas[i + 1] ?? 0) / 1000;
  }
  return [...byId.values()].map((n) => ({
    // RegExp frames are named by their whole source: 40 KB for ours.
    name: `${(n.callFrame.functionName || '(anonymous)').slice(0, 60)}${n.callFrame.url ? ':' + (n.callFrame.lineNumber + 1) : ''}`,
    url: n.callFrame.url,
    ms: n.ms,
  }));
}

/** JS heap of a page's renderer after two forced GCs (Runtime.getHeapUsage, whole isolate). */
export async function heapAfterGc(
  context: BrowserContext,
  page: Page,
): Promise<{ used: number; embedder: number | null }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    embedderHeapUsedSize?: number;
  };
  await cdp.detach();
  return { used: usage.usedSize, embedder: usage.embedderHeapUsedSize ?? null };
}

/** The heap of `url` loaded in `context` after it settles (marks done, or none to make). */
export async function pageHeap(
  context: BrowserContext,
  url: string,
  waitMs: number,
): Promise<{ used: number; embedder: number | null }> {
  const page = await freshPage(context, url);
  try {
    countWait(waitMs);
    await page.waitForTimeout(waitMs);
    return await heapAfterGc(context, page);
  } finally {
    await page.close();
  }
}

/** One popup load: navigation start to the search box in the DOM, and first contentful paint. */
export interface PopupSample {
  input: number | null;
  fcp: number | null;
  /** The popup's own performance.mark, if it sets one. */
  marks: { name: string; time: number }[];
}

/** Opens popup.html in a fresh tab at popup size and times its first render. */
export async function samplePopup(
  context: BrowserContext,
  extensionId: string,
): Promise<PopupSample> {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 400, height: 600 });
    await page.addInitScript(() => {
      const rec = { input: null as number | null };
      (window as unknown as { __popup: typeof rec }).__popup = rec;
      const found = () => document.querySelector('#search-input, input[type="search"]') !== null;
      const observer = new MutationObserver(() => {
        if (rec.input === null && found()) {
          rec.input = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    countLoad();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.locator('#search-input, input[type="search"]').first().waitFor();
    // First contentful paint is reported once painted: waited for, not slept on.
    await page
      .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, {
        timeout: 5_000,
      })
      .catch(() => undefined);
    return await page.evaluate(() => ({
      input: (window as unknown as { __popup: { input: number | null } }).__popup.input,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      marks: performance.getEntriesByType('mark').map((m) => ({ name: m.name, time: m.startTime })),
    }));
  } finally {
    await page.close();
  }
}
