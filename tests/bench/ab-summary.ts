/**
 * The extension A/B's arithmetic, apart from the browser so it reads (and can be checked)
 * on its own: which long animation frames fall in a load's window, how each splits into
 * script and rendering, and what the extension adds over the same page without it.
 */
import type { Reference } from './reference';
import { summarize, type Summary } from './stats';

/** The three arms: a profile without the extension, and the extension under each renderer. */
export type Arm = 'none' | 'paint' | 'wrap';
export const ARMS: readonly Arm[] = ['none', 'paint', 'wrap'];

/** One `long-animation-frame` entry as the probe keeps it; times from navigation start. */
export interface Loaf {
  start: number;
  duration: number;
  /** Start of the frame's rendering update (rAF callbacks, style, layout, paint); 0: none. */
  renderStart: number;
  /** Start of its style and layout; 0: none. */
  styleAndLayoutStart: number;
  /** Sum of `scripts[].duration` (Chromium lists scripts of 5 ms and more only). */
  scripts: number;
  /** The part of `scripts` whose sourceURL is a chrome-extension:// script. */
  extensionScripts: number;
  /** Sum of `scripts[].forcedStyleAndLayoutDuration`: layout a script forced. */
  forcedLayout: number;
}

/** One fresh load in one arm. */
export interface AbSample {
  arm: Arm;
  /** domContentLoadedEventEnd and loadEventEnd, ms from navigation start. */
  dcl: number;
  load: number;
  /**
   * When the mark count (mark[data-myolens-term] elements + ranges in CSS.highlights
   * entries named myolens*, hover and flash excepted) last changed, and first did;
   * null: it never changed (no extension, or nothing to mark).
   */
  firstChange: number | null;
  settled: number | null;
  /** After settling: marks as elements, painted ranges, and the registry's names. */
  elements: number;
  painted: number;
  highlightNames: string[];
  /**
   * Extension arms: the mentions its content script found ("This page"), and when its
   * scan went idle (its `when-idle` answer reached the service worker, ms from navigation
   * start); null without. Painting registers only the underlines near the viewport, so
   * the scan goes on after the last painted change.
   */
  mentions?: number | null;
  scanned?: number | null;
  /** When the recording of the load ended (ms from navigation start): frames after it are not in it. */
  until?: number;
  /** The renderer stored in settings before the load (extension arms). */
  renderer?: string;
  frames: Loaf[];
}

/** One page: `rounds[i]` holds one load per arm, run back to back in rotating order. */
export interface AbPageResult {
  id: string;
  title: string;
  reference: Reference;
  rounds: Record<Arm, AbSample>[];
}

/**
 * The window of an extension load when no mark ever appears (a page without terms): the
 * content script's whole start, a scan that finds nothing, is over well within it.
 */
export const NO_MARK_WINDOW_MS = 1_000;
/** The frame that paints the last change ends after the change itself: take it in. */
const SETTLE_SLACK_MS = 5;

/**
 * Length of an extension load's window: DOMContentLoaded until the marks settled and the
 * scan found its last mention, whichever is later.
 */
export function windowLength(s: AbSample): number {
  const end = Math.max(s.settled ?? 0, s.scanned ?? 0);
  return end ? end - s.dcl + SETTLE_SLACK_MS : NO_MARK_WINDOW_MS;
}

/**
 * Baseline loads recorded for less than a window they are compared over, and by how much
 * (ms): frames after a recording's end are missing from its sum. A no-extension load is
 * recorded past the longest extension window of its page seen so far, so only a later,
 * longer extension load can leave one short.
 */
export function shortBaselines(page: AbPageResult): number[] {
  return page.rounds.flatMap((r) =>
    (['paint', 'wrap'] as const).flatMap((renderer) => {
      if (r.none.until === undefined) return [];
      const short = r.none.dcl + windowLength(r[renderer]) - r.none.until;
      return short > 0 ? [short] : [];
    }),
  );
}

/** Long-frame time in one window: sum, count, worst, and the script / rendering split. */
export interface LoafTotals {
  /** Frame time inside the window (see loafIn), the frames counted, the longest counted part. */
  sum: number;
  count: number;
  worst: number;
  /** Everything before the rendering update: tasks, scripts, parsing, GC. */
  script: number;
  /** renderStart (or DCL, if later) to the frame's end: rAF callbacks, style, layout, paint. */
  rendering: number;
  /** The style-and-layout part of `rendering`. */
  styleAndLayout: number;
  /** Layout forced inside scripts (counted in `script`, though it is rendering work). */
  forcedLayout: number;
  /** Script time Chromium attributes to chrome-extension:// scripts (≥ 5 ms scripts). */
  extensionScripts: number;
}

/**
 * Frames overlapping [dcl, dcl + length]. A frame that began before DOMContentLoaded
 * counts from DOMContentLoaded on (the page's parsing before it is no one's A/B; its first
 * full layout after it is in both arms); a frame that began inside the window counts to
 * its end, since the frame that renders the last mark ends after the mark was made.
 * Rendering = frame end − max(renderStart, dcl); script = the counted rest of the frame.
 */
export function loafIn(s: AbSample, length: number): LoafTotals {
  const from = s.dcl;
  const to = s.dcl + length;
  const out: LoafTotals = {
    sum: 0,
    count: 0,
    worst: 0,
    script: 0,
    rendering: 0,
    styleAndLayout: 0,
    forcedLayout: 0,
    extensionScripts: 0,
  };
  for (const f of s.frames) {
    const end = f.start + f.duration;
    if (f.duration < 50 || f.start >= to || end <= from) continue;
    const begin = Math.max(f.start, from);
    const counted = end - begin;
    const since = (t: number) => (t > 0 ? end - Math.max(t, begin) : 0);
    const rendering = since(f.renderStart);
    out.sum += counted;
    out.count++;
    out.worst = Math.max(out.worst, counted);
    out.rendering += rendering;
    out.script += counted - rendering;
    out.styleAndLayout += since(f.styleAndLayoutStart);
    out.forcedLayout += f.forcedLayout;
    out.extensionScripts += f.extensionScripts;
  }
  return out;
}

/** How the paint arm's loads rendered: painted ranges, elements, both, or nothing seen. */
export type Rendered = 'paint' | 'elements' | 'both' | 'nothing';

/** What one load drew: the registry and the DOM after settling. */
export function renderedAs(s: AbSample): Rendered {
  if (s.painted > 0 && s.elements > 0) return 'both';
  if (s.painted > 0) return 'paint';
  return s.elements > 0 ? 'elements' : 'nothing';
}

/**
 * Whether the build paints: true once any paint-arm load put ranges in the registry;
 * false when paint loads drew elements and never a range (today's build); null when no
 * paint load drew anything (only term-free pages ran).
 */
export function paintInBuild(pages: readonly AbPageResult[]): boolean | null {
  const seen = pages.flatMap((p) => p.rounds.map((r) => renderedAs(r.paint)));
  if (seen.some((r) => r === 'paint' || r === 'both')) return true;
  return seen.includes('elements') ? false : null;
}

/** One renderer on one page against the same page without the extension, medians over rounds. */
export interface AbRow {
  renderer: 'paint' | 'wrap';
  settled: Summary;
  with: { sum: Summary; count: Summary; worst: Summary; script: Summary; rendering: Summary };
  without: { sum: Summary; count: Summary; script: Summary; rendering: Summary };
  /** median(with) − median(without), for the sum and its two parts. */
  adds: { sum: number; script: number; rendering: number };
  extensionScripts: Summary;
  forcedLayout: Summary;
  /**
   * Mentions each load found: the content script's count where it answered, else the
   * marks seen after settling (elements + painted ranges).
   */
  counts: number[];
  /** Marks seen after settling (elements + painted ranges), each load's. */
  marks: number[];
  rendered: Rendered[];
}

/**
 * Each round's extension load is compared with the no-extension load of the same round
 * over a window of the same length from its own DOMContentLoaded.
 */
export function abRow(page: AbPageResult, renderer: 'paint' | 'wrap'): AbRow {
  const withs = page.rounds.map((r) => loafIn(r[renderer], windowLength(r[renderer])));
  const withouts = page.rounds.map((r) => loafIn(r.none, windowLength(r[renderer])));
  const of = (list: LoafTotals[], k: keyof LoafTotals) => summarize(list.map((t) => t[k]));
  const w = {
    sum: of(withs, 'sum'),
    count: of(withs, 'count'),
    worst: of(withs, 'worst'),
    script: of(withs, 'script'),
    rendering: of(withs, 'rendering'),
  };
  const o = {
    sum: of(withouts, 'sum'),
    count: of(withouts, 'count'),
    script: of(withouts, 'script'),
    rendering: of(withouts, 'rendering'),
  };
  return {
    renderer,
    settled: summarize(
      page.rounds.flatMap((r) =>
        r[renderer].settled === null ? [] : [r[renderer].settled! - r[renderer].dcl],
      ),
    ),
    with: w,
    without: o,
    adds: {
      sum: w.sum.median - o.sum.median,
      script: w.script.median - o.script.median,
      rendering: w.rendering.median - o.rendering.median,
    },
    extensionScripts: of(withs, 'extensionScripts'),
    forcedLayout: of(withs, 'forcedLayout'),
    counts: page.rounds.map(
      (r) => r[renderer].mentions ?? r[renderer].elements + r[renderer].painted,
    ),
    marks: page.rounds.map((r) => r[renderer].elements + r[renderer].painted),
    rendered: page.rounds.map((r) => renderedAs(r[renderer])),
  };
}
