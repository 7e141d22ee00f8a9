/** Long tasks and long animation frames seen while a row runs, and timing helpers. */

export const now = (): number => performance.now();

/** Resolves after two animation frames and `ms` more: queued observers have reported. */
export function settleFrames(ms = 30): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, ms))),
  );
}

/** A [start, end] interval of work, in performance.now() time. */
export type Interval = [number, number];

/** Sum of interval lengths. */
export const sum = (intervals: readonly Interval[]): number =>
  intervals.reduce((acc, [s, e]) => acc + (e - s), 0);

/**
 * Observes 'longtask' and 'long-animation-frame' entries (both only exist for 50 ms and
 * more). `stop` returns the longest of each that overlaps one of the given intervals.
 */
export function watchMainThread(): {
  stop(work: readonly Interval[]): Promise<{
    longestTask: number;
    worstFrame: number;
    frames: { start: number; duration: number; styleAndLayout: number }[];
  }>;
} {
  const entries: PerformanceEntry[] = [];
  const observers: PerformanceObserver[] = [];
  for (const type of ['longtask', 'long-animation-frame']) {
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) continue;
    const o = new PerformanceObserver((list) => entries.push(...list.getEntries()));
    o.observe({ type, buffered: true });
    observers.push(o);
  }
  return {
    async stop(work) {
      await settleFrames();
      for (const o of observers) {
        entries.push(...o.takeRecords());
        o.disconnect();
      }
      const overlaps = (e: PerformanceEntry) =>
        work.some(([s, t]) => e.startTime < t && e.startTime + e.duration > s);
      const longest = (type: string) =>
        Math.max(
          0,
          ...entries.filter((e) => e.entryType === type && overlaps(e)).map((e) => e.duration),
        );
      const frames = entries
        .filter((e) => e.entryType === 'long-animation-frame' && overlaps(e))
        .map((e) => {
          const f = e as PerformanceEntry & { styleAndLayoutStart?: number };
          const layoutFrom = f.styleAndLayoutStart || f.startTime + f.duration;
          return {
            start: f.startTime,
            duration: f.duration,
            styleAndLayout: f.startTime + f.duration - layoutFrom,
          };
        });
      return {
        longestTask: longest('longtask'),
        worstFrame: longest('long-animation-frame'),
        frames,
      };
    },
  };
}

/**
 * The parents of text nodes visible in the first viewport (page scrolled to the top),
 * measured before a row starts so the row pays for no layout. Our marks are inserted as
 * children of these parents.
 */
/**
 * How many screens from the top "the first viewport" spans for the bench: two, because
 * headings are explained but not underlined, and page (a)'s first underlined mention
 * lies just below its first screen (886 px down in an 800 px viewport).
 */
export const FIRST_SCREENS = 2;

export function viewportParents(doc: Document): Element[] {
  const out = new Set<Element>();
  const range = doc.createRange();
  const { innerWidth: w } = doc.defaultView!;
  const h = doc.defaultView!.innerHeight * FIRST_SCREENS;
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let below = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!(n as Text).data.trim() || !n.parentElement) continue;
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.bottom > 0 && r.top < h && r.right > 0 && r.left < w) out.add(n.parentElement);
    // Generated pages are laid out in document order; real pages are small enough to walk.
    else if (r.top >= h && ++below > 5_000) break;
  }
  return [...out];
}
