import { rangeOf, type Occurrence } from './occurrences';

/** What the cursor reads: the mentions, and whether one still holds. */
export interface CursorSource {
  /** Every mention, in document order. */
  mentions(): readonly Occurrence[];
  valid(o: Occurrence): boolean;
}

/** Where a mention's text is drawn now: its line boxes (none when it is not rendered). */
export type Geometry = (o: Occurrence) => { rects: ArrayLike<DOMRect>; bounding: DOMRect };

/** The text's boxes from a live Range made for the question, dropped after it. */
export const rangeGeometry: Geometry = (o) => {
  const range = rangeOf(o);
  return { rects: range.getClientRects(), bounding: range.getBoundingClientRect() };
};

/**
 * The keyboard's place among the mentions: next and previous in document order, underlined
 * or not, skipping those not rendered (display: none, a closed <details>). A move starts
 * from the open mention, else from the last one visited while it is still in view, else
 * from the viewport. "This page" reveals a term's mentions one after another.
 */
export class MentionCursor {
  /** The last mention the keyboard moved to. */
  private last: Occurrence | undefined;
  /** The last mention revealed (per call of `reveal`, the next of the same term). */
  private revealed: Occurrence | undefined;

  constructor(
    private readonly source: CursorSource,
    private readonly viewportHeight: () => number,
    private readonly geometry: Geometry = rangeGeometry,
  ) {}

  /** The mention after (1) or before (-1) the current place, or undefined where there is none. */
  next(direction: 1 | -1, open: Occurrence | undefined): Occurrence | undefined {
    const all = this.source.mentions();
    if (!all.length) return undefined;
    // Unless the reader scrolled away from it since, the last mention visited.
    const kept =
      this.last && this.source.valid(this.last) && this.inView(this.last) ? this.last : undefined;
    const current = open ?? kept;
    let index = current ? all.indexOf(current) : -1;
    if (index === -1) {
      // Start from the viewport: the first mention below its top (or above, going back).
      let lo = 0;
      let hi = all.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.geometry(all[mid]!).bounding.top >= 0) hi = mid;
        else lo = mid + 1;
      }
      index = direction === 1 ? lo - 1 : lo;
    }
    for (let step = 1; step <= all.length; step++) {
      const next = all[(((index + direction * step) % all.length) + all.length) % all.length]!;
      // Overlapping terms are reached from the mention they overlap (its "Also here").
      if (next.overlap || !this.visible(next)) continue;
      this.last = next;
      return next;
    }
    return undefined;
  }

  /** The next rendered mention of a term, after the one revealed last (wrapping round). */
  reveal(termId: string): Occurrence | undefined {
    const of = this.source.mentions().filter((o) => o.termId === termId && this.visible(o));
    if (!of.length) return undefined;
    const next = of[(this.revealed ? of.indexOf(this.revealed) + 1 : 0) % of.length]!;
    this.revealed = next;
    return next;
  }

  private visible(o: Occurrence): boolean {
    return this.geometry(o).rects.length > 0;
  }

  private inView(o: Occurrence): boolean {
    const r = this.geometry(o).bounding;
    return r.bottom > 0 && r.top < this.viewportHeight();
  }
}
