/** What the runner and the in-page harness exchange (plain, serializable values). */

/** The rows measured on every page. Variants are `variant:<name>`. */
export type RowKind = 'limit' | 'limit2' | 'markjs-terms' | 'markjs-regexp' | 'myolens' | string;

/** One fresh page load of one row. Times in ms, from performance.now(). */
export interface RowSample {
  /** Wall time: for MyoLens from start() until whenIdle() resolves. */
  total: number;
  /** Page (c): wall time from the first pass until the last batch was handled. */
  wall?: number;
  /** Main-thread time spent by the row itself (slices, observer callbacks, start()). */
  work: number;
  /** MyoLens: time inside start() alone. */
  startMs?: number;
  /** Time from start until a mark exists in the first viewport (null: none there). */
  firstViewport?: number | null;
  /** Marks made (text matches for LIMIT2, 0 for LIMIT; every mention for MyoLens). */
  marks: number;
  /** MyoLens, static pages: the time of each hover hit-test at a sample of points, ms. */
  hitTests?: number[];
  /** Longest task overlapping the row's work ('longtask' entries, 50 ms and up; 0: none). */
  longestTask: number;
  /** Longest animation frame overlapping the row ('long-animation-frame'; 0: none ≥ 50 ms). */
  worstFrame: number;
  /** Idle slices run (MyoLens), and the longest one. */
  slices?: number;
  longestSlice?: number;
  /**
   * Where the wall time went (MyoLens rows), in ms from start(): its own work intervals,
   * and every animation frame of 50 ms or more with its style-and-layout part.
   */
  timeline?: {
    work: [number, number][];
    frames: { start: number; duration: number; styleAndLayout: number }[];
  };
  /** Page (c): work per appended batch, in batch order, and the work before the first batch. */
  perBatch?: number[];
  initialWork?: number;
  /** Text nodes visited (LIMIT rows), for a sanity check against the page. */
  nodes?: number;
  /** The row threw (a variant that no longer fits the product code, say). */
  error?: string;
  /** The run hit its time cap, or ran enough passes for its estimate, and was abandoned. */
  capped?: boolean;
  /** What the sample cost the run, wall ms: the fresh load, then harness and row. */
  cost?: { load: number; run: number };
  /** mark.js mark(terms): how far it got (for an estimate of the full run when capped). */
  progress?: Progress;
}

/** Text nodes of a loaded page for the reference count, read with an independent walk. */
export interface PageTexts {
  /** Every text node under <body>. */
  all: string[];
  /** Text nodes outside excluded elements. */
  markable: string[];
  /** document.body.textContent, for the matcher's context words. */
  bodyText: string;
}

/** The harness's global in the page. */
export interface BenchGlobal {
  /**
   * Runs one row; `hitTests`: time the hover hit-test after a MyoLens row (static pages);
   * `enough`: mark(forms) stops once it has run that many passes and that long.
   */
  run(kind: RowKind, options?: { hitTests?: boolean; enough?: Enough }): Promise<RowSample>;
  texts(): PageTexts;
  variants(): string[];
  anatomy(): { step: string; ms: number }[];
}

/** Progress of a long mark.js run: terms done of all, and when the last one finished. */
export interface Progress {
  done: number;
  of: number;
  marks: number;
  elapsed: number;
  /** The run stopped itself once `Enough` held (it is then capped, and its estimate rests on `done`). */
  stopped?: boolean;
}

/**
 * When a capped mark(forms) run has seen enough for its estimate (the pace of the passes
 * done; one pass per form, each over the whole page, about equally long): `passes` passes
 * that took `ms`, or any pass that ends after `by` ms (the cap it used to be held to,
 * which now no longer leaves a slow page without an estimate).
 */
export interface Enough {
  passes: number;
  ms: number;
  by: number;
}

/** Page (c)'s hook: called before each batch is appended. */
export interface ScrollHooks {
  before(i: number, t: number): void;
}

declare global {
  interface Window {
    __bench: BenchGlobal;
    __benchProgress?: Progress;
    /** Page (c)'s own infinite-scroll script. */
    __scroll?: (hooks: ScrollHooks) => Promise<number>;
  }
}
