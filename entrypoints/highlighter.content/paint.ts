import type { Occurrence } from './occurrences';
import type { MarkStyle, Moved, Renderer } from './render';

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
/**
 * Longest that shown ranges wait to be painted while the scan goes on. Every change of a
 * registered highlight costs the page a repaint of its ranges: added slice by slice, a
 * dense page paid that dozens of times. Ranges go in when the scan is idle, or after
 * this long (so the first marks of a very long page still appear soon).
 */
const COMMIT_AFTER_MS = 250;

/**
 * Paints occurrences with the CSS Custom Highlight API: no node or attribute of the page
 * is added, removed or changed, so what a reader copies, a screen reader reads and a
 * page script sees stay the page's own.
 *
 * StaticRange, not Range: Blink keeps every live Range registered with its document and
 * updates it on each DOM mutation (the NodeIterator trap of highlight.ts), so 20,000 live
 * ranges tax each of the page's own changes: 2,000 page mutations took 18.4 s with 20,000
 * live Ranges in a Highlight, 1.34 s with StaticRanges, 1.29 s with none
 * (tests/bench/ranges.ts, one run). A StaticRange does not follow its text, so the
 * controller drops and rescans an occurrence whose node the page changes.
 */
export class PaintRenderer implements Renderer {
  readonly kind = 'paint';
  private readonly shown: Highlight;
  private readonly hovered: Highlight;
  private readonly flashed: Highlight;
  private readonly ranges = new WeakMap<Occurrence, StaticRange>();
  private style: MarkStyle;
  /** Ranges shown but not yet in the highlight, and since when the oldest waits. */
  private readonly pending = new Set<StaticRange>();
  private pendingSince = 0;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

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
    this.check();
  }

  show(node: Text, list: Occurrence[]): Moved[] | null {
    for (const o of list) {
      if (!o.shown) continue;
      if (!this.pending.size) this.pendingSince = performance.now();
      this.pending.add(this.rangeOf(o));
    }
    return null;
  }

  commit(idle: boolean): void {
    if (!this.pending.size) return;
    if (!idle && performance.now() - this.pendingSince < COMMIT_AFTER_MS) return;
    for (const r of this.pending) this.shown.add(r);
    this.pending.clear();
    this.check();
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

  forget(list: readonly Occurrence[]): void {
    for (const o of list) {
      const r = this.ranges.get(o);
      if (!r) continue;
      this.pending.delete(r);
      this.shown.delete(r);
      this.hovered.delete(r);
      this.flashed.delete(r);
      this.ranges.delete(o);
    }
  }

  setStyle(style: MarkStyle): void {
    if (style === this.style) return;
    this.unregister(this.style);
    this.style = style;
    this.check();
  }

  hover(o: Occurrence | undefined): void {
    this.hovered.clear();
    if (o) this.hovered.add(this.rangeOf(o));
    this.check();
  }

  flash(o: Occurrence): void {
    clearTimeout(this.flashTimer);
    this.flashed.clear();
    this.flashed.add(this.rangeOf(o));
    this.check();
    this.flashTimer = setTimeout(() => this.flashed.clear(), FLASH_MS);
  }

  /** Our names, each with our highlight: registered again if the page removed or replaced one. */
  check(): void {
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
    const registry = this.win.CSS.highlights;
    this.unregister(this.style);
    for (const [name, h] of [
      [HIGHLIGHT_NAMES.hover, this.hovered],
      [HIGHLIGHT_NAMES.flash, this.flashed],
    ] as const) {
      if (registry.get(name) === h) registry.delete(name);
    }
    this.pending.clear();
    this.shown.clear();
    this.hovered.clear();
    this.flashed.clear();
  }
}
