import { rangeOf, type Occurrence } from './occurrences';
import type { Anchor } from './placement';

/** Where the mentions are read: a text node's, and whether one still holds. */
export interface MentionSource {
  at(node: Text): readonly Occurrence[];
  valid(o: Occurrence): boolean;
}

/** The caret position under a point: a node and an offset in it. */
interface Caret {
  node: Node;
  offset: number;
}

interface CaretDocument {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
}

/** The caret under (x, y): caretPositionFromPoint (the standard), else caretRangeFromPoint. */
function caretAt(doc: Document, x: number, y: number): Caret | null {
  const d = doc as unknown as CaretDocument;
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    return p && { node: p.offsetNode, offset: p.offset };
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** Is the point inside one of the rects (with half a pixel for rounding)? */
function inside(rects: DOMRectList | DOMRect[], x: number, y: number): boolean {
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (x >= r.left - 0.5 && x <= r.right + 0.5 && y >= r.top - 0.5 && y <= r.bottom + 0.5)
      return true;
  }
  return false;
}

/**
 * The mention under the point (x, y), if any. The caret position names the text node
 * under the point, then the mention's own line boxes must hold the point: the caret snaps
 * to the nearest character, so whitespace beside a term, the gap after a line's end or
 * between two lines would otherwise open it.
 */
export function occurrenceAt(
  doc: Document,
  occurrences: MentionSource,
  x: number,
  y: number,
): Occurrence | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== 3) return undefined;
  for (const o of occurrences.at(caret.node as Text)) {
    if (caret.offset < o.start || caret.offset > o.end) continue;
    if (inside(rangeOf(o).getClientRects(), x, y)) return o;
  }
  return undefined;
}

/** A tooltip anchor for a mention: its text's boxes, for as long as it is on the page. */
export function anchorOf(o: Occurrence, occurrences: MentionSource): Anchor {
  // A live Range for as long as the tooltip is open: one, not one per mention.
  const range = rangeOf(o);
  return {
    key: o,
    element: o.node.parentElement ?? o.node.ownerDocument.documentElement,
    rects: () => range.getClientRects(),
    bounding: () => range.getBoundingClientRect(),
    present: () => occurrences.valid(o),
  };
}
