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
  caretPositionFromPoint?(
    x: number,
    y: number,
    options?: { shadowRoots?: readonly ShadowRoot[] },
  ): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
}

/**
 * The caret under (x, y): caretPositionFromPoint (the standard), else caretRangeFromPoint.
 * Chromium reaches into the shadow roots named in `shadowRoots` (CSSOM View; any other
 * root answers with its host's place in the tree around it), Firefox into every root.
 */
function caretAt(doc: Document, x: number, y: number, roots: readonly ShadowRoot[]): Caret | null {
  const d = doc as unknown as CaretDocument;
  if (d.caretPositionFromPoint) {
    const p = roots.length
      ? d.caretPositionFromPoint(x, y, { shadowRoots: roots })
      : d.caretPositionFromPoint(x, y);
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
  roots: readonly ShadowRoot[] = [],
): Occurrence | undefined {
  const caret = caretAt(doc, x, y, roots);
  if (caret?.node.nodeType === 3) {
    for (const o of occurrences.at(caret.node as Text)) {
      if (caret.offset < o.start || caret.offset > o.end) continue;
      if (inside(rangeOf(o).getClientRects(), x, y)) return o;
    }
    return undefined;
  }
  // No text: a browser without the shadowRoots option answered with a host's place.
  return roots.length ? inShadowAt(doc, occurrences, x, y) : undefined;
}

/**
 * The mention under (x, y) inside a shadow tree, where the caret cannot reach: the
 * element under the point, followed down through open roots, then its own text nodes'
 * mentions whose line boxes hold the point.
 */
function inShadowAt(
  doc: Document,
  occurrences: MentionSource,
  x: number,
  y: number,
): Occurrence | undefined {
  let el = doc.elementFromPoint(x, y);
  let descended = false;
  for (let root = el?.shadowRoot; el && root; root = el.shadowRoot) {
    const inner = root.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
    descended = true;
  }
  if (!el || !descended) return undefined;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 3) continue;
    for (const o of occurrences.at(n as Text))
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
