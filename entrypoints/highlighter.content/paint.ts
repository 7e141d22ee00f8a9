import type { MarkStyle } from '@/lib/settings';
import type { Occurrence } from './occurrences';
import type { Placed, Renderer } from './render';

/**
 * The names our highlights are registered under: a stable contract for user styles and
 * tests (README, "What MyoLens does to a page"). The rules live in style.css.
 */
export const HIGHLIGHT_NAMES = {
  /** Underlined mentions, dotted-underline style. */
  underline: 'myolens',
  /** Underlined mentions, soft-highlight style. */
  background: 'myolens-soft',
  /** The mention under the pointer, or whose tooltip is open. */
  hover: 'myolens-hover',
  /** A mention "This page" just revealed. */
  flash: 'myolens-flash',
} as const;

/** How long a revealed mention stays lit. */
const FLASH_MS = 1600;

/** How many screens above and below the viewport underlines are registered. */
const MARGIN_SCREENS = 1;

/**
 * The same as an IntersectionObserver root margin, with half a screen to either side, so
 * that ordinary scrolling finds the underlines painted already.
 */
export const NEAR_MARGIN = `${MARGIN_SCREENS * 100}% 50%`;

/** Underlines per run: what one pair of watched elements stands for. */
export const RUN_LENGTH = 64;

/** How often, at most, a scroll has runs taller than the margin looked at again. */
const RECHECK_MS = 120;

/**
 * Underlines found one after the other in document order, registered together: when the
 * element of the first (head) or the last (tail) is near the viewport, or the two lie on
 * either side of it (a run taller than the margin).
 */
interface Run {
  ranges: Set<StaticRange>;
  /** The last text node shown into it: a later node must follow it to join. */
  last: Text;
  head: Element;
  tail: Element;
  near: boolean;
}

/**
 * Paints occurrences with the CSS Custom Highlight API: no node or attribute of the page
 * is added, removed or changed, so what a reader copies, a screen reader reads and a
 * page script sees stay the page's own.
 *
 * Only the underlines near the viewport are registered. Blink turns every range of every
 * highlight into a marker again after each DOM or style change of the page, and after
 * each change of a highlight (ours: a hover): with the 17,324 ranges of the bench's dense
 * page registered, a page script changing one text node cost a 205 ms frame (median of
 * 20; 27 ms without the extension). Watching each underline's element instead costs the
 * page's scrolling: an IntersectionObserver with 23,335 targets took a scroll frame from
 * 16.7 to 35.5 ms (median of 120), with 332 it stayed at 16.7. So underlines are kept in
 * runs of RUN_LENGTH, found in document order, and only each run's first and last
 * element are watched: a few hundred targets and a few hundred registered ranges,
 * whatever the page's length. A run laid out out of document order (CSS columns, grid
 * order) can miss underlines between its ends; hover and keyboard still find them.
 *
 * StaticRange, not Range: Blink keeps every live Range registered with its document and
 * updates it on each DOM mutation (the NodeIterator trap of highlight.ts), so 20,000 live
 * ranges tax each of the page's own changes: 2,000 page mutations took 18.4 s with 20,000
 * live Ranges in a Highlight, 1.34 s with StaticRanges, 1.29 s with none
 * (tests/bench/ranges.ts, one run). A StaticRange does not follow its text, so the
 * root scanner drops and rescans an occurrence whose node the page changes.
 */
export class PaintRenderer implements Renderer {
  readonly kind = 'paint';
  private readonly shown: Highlight;
  private readonly hovered: Highlight;
  private readonly flashed: Highlight;
  private readonly ranges = new WeakMap<Occurrence, StaticRange>();
  private readonly runOf = new WeakMap<StaticRange, Run>();
  private readonly hostOf = new WeakMap<StaticRange, Element>();
  /** The run new underlines join while they follow in document order. */
  private open: Run | undefined;
  /** Watched elements: the runs they are an end of, and whether near (once reported). */
  private readonly ends = new Map<Element, Set<Run>>();
  private readonly near = new Map<Element, boolean>();
  /** Every run with ranges. */
  private readonly runs = new Set<Run>();
  /** Runs `show` added to since the last settling of their ends. */
  private readonly grown = new Set<Run>();
  private recheckTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly watcher: IntersectionObserver | null;
  private style: MarkStyle;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  /** The mention `hovered` holds. */
  private hoveredOccurrence: Occurrence | undefined;

  constructor(
    private readonly win: Window & typeof globalThis,
    style: MarkStyle,
  ) {
    this.style = style;
    this.shown = new win.Highlight();
    this.hovered = new win.Highlight();
    this.flashed = new win.Highlight();
    // Hover and flash draw over the underline of the same text.
    this.hovered.priority = 1;
    this.flashed.priority = 2;
    this.watcher =
      typeof win.IntersectionObserver === 'function'
        ? new win.IntersectionObserver((entries) => this.moved(entries), {
            rootMargin: NEAR_MARGIN,
          })
        : null;
    this.reclaim();
  }

  /** Registers the underlined ones of `list`; they stay where they are, in `node`. */
  show(node: Text, list: Occurrence[]): Placed[] {
    const placed = [{ node, data: node.data, list }];
    const host = node.parentElement;
    if (!host) return placed;
    let run: Run | undefined;
    for (const o of list) {
      if (!o.shown) continue;
      run ??= this.runFor(node, host);
      const r = this.rangeOf(o);
      run.ranges.add(r);
      this.runOf.set(r, run);
      this.hostOf.set(r, host);
    }
    if (!run) return placed;
    run.last = node;
    // Its ends are settled once the slice is over: a run grows by hundreds of nodes in
    // one, and watching each new tail in turn cost the dense page 17,000 observer calls.
    if (!this.grown.size) queueMicrotask(this.settleGrown);
    this.grown.add(run);
    return placed;
  }

  /** The runs `show` added to: their ends watched, their ranges in if they are near. */
  private readonly settleGrown = () => {
    const runs = [...this.grown];
    this.grown.clear();
    let added = false;
    for (const run of runs) {
      if (!run.ranges.size) continue;
      this.retarget(run);
      if (!run.near) continue;
      for (const r of run.ranges) this.shown.add(r);
      added = true;
    }
    if (added) this.reclaim();
  };

  /**
   * The open run if `node` can join it, else a new one. A run stays in one tree: a node
   * in another root (a shadow root) is "disconnected" from it, in no document order.
   */
  private runFor(node: Text, host: Element): Run {
    const open = this.open;
    const after = open?.last.isConnected && open.last.compareDocumentPosition(node);
    if (
      open &&
      open.ranges.size < RUN_LENGTH &&
      after &&
      after & Node.DOCUMENT_POSITION_FOLLOWING &&
      !(after & Node.DOCUMENT_POSITION_DISCONNECTED)
    )
      return open;
    const run: Run = { ranges: new Set(), last: node, head: host, tail: host, near: false };
    // The watcher reports crossings of the margin only: a jump from below it to above
    // it (End, a link to an anchor) leaves a tall run's ends unreported.
    if (!this.runs.size)
      this.win.addEventListener('scroll', this.scrolled, { capture: true, passive: true });
    this.runs.add(run);
    this.watch(run, host);
    this.open = run;
    return run;
  }

  /** After its ranges changed: the run's ends are its first and last range's elements. */
  private retarget(run: Run): void {
    let first: StaticRange | undefined;
    let last: StaticRange | undefined;
    for (const r of run.ranges) {
      first ??= r;
      last = r;
    }
    const head = first && this.hostOf.get(first);
    const tail = last && this.hostOf.get(last);
    const was = [run.head, run.tail];
    if (head && tail) {
      run.head = head;
      run.tail = tail;
      this.watch(run, head);
      this.watch(run, tail);
    }
    for (const el of was) if (!head || (el !== run.head && el !== run.tail)) this.unwatch(run, el);
    if (!head) this.forgetRun(run);
    this.place(run);
  }

  private watch(run: Run, el: Element): void {
    let runs = this.ends.get(el);
    if (!runs) {
      runs = new Set();
      this.ends.set(el, runs);
      if (this.watcher) this.watcher.observe(el);
      else this.near.set(el, true);
    }
    runs.add(run);
  }

  private unwatch(run: Run, el: Element): void {
    const runs = this.ends.get(el);
    if (!runs?.delete(run) || runs.size) return;
    // Nothing of ours ends there: no longer watched, and not kept alive by us.
    this.ends.delete(el);
    this.near.delete(el);
    this.watcher?.unobserve(el);
  }

  /** Registers or unregisters a run's ranges as its ends say. */
  private place(run: Run): void {
    const a = this.near.get(run.head);
    const b = this.near.get(run.tail);
    // Neither end near (both reported): near only if the run spans the margin.
    const near = a === true || b === true || (a === false && b === false && this.spans(run));
    if (near === run.near) return;
    run.near = near;
    for (const r of run.ranges) {
      if (near) this.shown.add(r);
      else this.shown.delete(r);
    }
  }

  /** Does the run reach from above the margin to below it (a run taller than it)? */
  private spans(run: Run): boolean {
    if (run.head === run.tail) return false;
    const a = run.head.getBoundingClientRect();
    const b = run.tail.getBoundingClientRect();
    if (!(a.width || a.height) || !(b.width || b.height)) return false;
    const reach = MARGIN_SCREENS * this.win.innerHeight;
    const top = -reach;
    const bottom = this.win.innerHeight + reach;
    return (a.bottom < top && b.top > bottom) || (b.bottom < top && a.top > bottom);
  }

  private forgetRun(run: Run): void {
    this.runs.delete(run);
    if (!this.runs.size) this.stopRechecks();
  }

  /** No run left to look at again after a scroll. */
  private stopRechecks(): void {
    this.win.removeEventListener('scroll', this.scrolled, { capture: true });
    clearTimeout(this.recheckTimer);
    this.recheckTimer = undefined;
  }

  /** After a scroll, the runs whose ends are both away: one may span the viewport now. */
  private readonly scrolled = () => {
    this.recheckTimer ??= setTimeout(() => {
      this.recheckTimer = undefined;
      for (const run of this.runs) if (run.head !== run.tail) this.place(run);
      this.reclaim();
    }, RECHECK_MS);
  };

  /** The watcher's report: watched elements that came near the viewport or left it. */
  private moved(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const runs = this.ends.get(e.target);
      if (!runs) continue;
      const near = e.isIntersecting || this.unwatchable(e);
      if (near === this.near.get(e.target)) continue;
      this.near.set(e.target, near);
      for (const run of runs) this.place(run);
    }
    this.reclaim();
  }

  /**
   * An element without boxes of its own (`display: contents`) never intersects, though
   * its text is drawn: it counts as near, and is no longer watched.
   */
  private unwatchable(e: IntersectionObserverEntry): boolean {
    const { width, height } = e.boundingClientRect;
    if (width || height || e.target.getClientRects().length) return false;
    if (this.win.getComputedStyle(e.target).display !== 'contents') return false;
    this.watcher?.unobserve(e.target);
    return true;
  }

  private rangeOf(o: Occurrence): StaticRange {
    let r = this.ranges.get(o);
    if (!r) {
      r = new this.win.StaticRange({
        startContainer: o.node,
        startOffset: o.start,
        endContainer: o.node,
        endOffset: o.end,
      });
      this.ranges.set(o, r);
    }
    return r;
  }

  drop(list: readonly Occurrence[]): void {
    const changed = new Set<Run>();
    for (const o of list) {
      const r = this.ranges.get(o);
      if (!r) continue;
      this.shown.delete(r);
      this.hovered.delete(r);
      this.flashed.delete(r);
      this.ranges.delete(o);
      if (this.hoveredOccurrence === o) this.hoveredOccurrence = undefined;
      const run = this.runOf.get(r);
      if (run?.ranges.delete(r)) changed.add(run);
    }
    for (const run of changed) {
      if (!run.ranges.size && this.open === run) this.open = undefined;
      this.retarget(run);
    }
  }

  setStyle(style: MarkStyle): void {
    if (style === this.style) return;
    this.unregister(this.style);
    this.style = style;
    this.reclaim();
  }

  /** Lights the hovered mention; asked after every hit-test, it also puts back our names. */
  hover(o: Occurrence | undefined): void {
    // The same mention again: no change to the highlight (each one costs Blink a rebuild).
    if (o !== this.hoveredOccurrence) {
      this.hoveredOccurrence = o;
      this.hovered.clear();
      if (o) this.hovered.add(this.rangeOf(o));
    }
    this.reclaim();
  }

  flash(o: Occurrence): void {
    clearTimeout(this.flashTimer);
    this.flashed.clear();
    this.flashed.add(this.rangeOf(o));
    this.reclaim();
    this.flashTimer = setTimeout(() => this.flashed.clear(), FLASH_MS);
  }

  /** Our names, each with our highlight: registered again if the page removed or replaced one. */
  private reclaim(): void {
    const registry = this.win.CSS.highlights;
    const want: [string, Highlight][] = [
      [HIGHLIGHT_NAMES.hover, this.hovered],
      [HIGHLIGHT_NAMES.flash, this.flashed],
    ];
    // 'none' draws nothing: the mentions still answer hover and keyboard.
    if (this.style !== 'none') want.push([HIGHLIGHT_NAMES[this.style], this.shown]);
    for (const [name, h] of want) if (registry.get(name) !== h) registry.set(name, h);
  }

  private unregister(style: MarkStyle): void {
    if (style === 'none') return;
    const name = HIGHLIGHT_NAMES[style];
    if (this.win.CSS.highlights.get(name) === this.shown) this.win.CSS.highlights.delete(name);
  }

  clear(): void {
    clearTimeout(this.flashTimer);
    this.stopRechecks();
    this.watcher?.disconnect();
    const registry = this.win.CSS.highlights;
    this.unregister(this.style);
    for (const [name, h] of [
      [HIGHLIGHT_NAMES.hover, this.hovered],
      [HIGHLIGHT_NAMES.flash, this.flashed],
    ] as const) {
      if (registry.get(name) === h) registry.delete(name);
    }
    this.ends.clear();
    this.near.clear();
    this.runs.clear();
    this.grown.clear();
    this.open = undefined;
    this.shown.clear();
    this.hovered.clear();
    this.hoveredOccurrence = undefined;
    this.flashed.clear();
  }
}
