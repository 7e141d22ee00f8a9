import type { MarkStyle } from '@/lib/settings';
import { Highlighter } from './highlight';
import type { PageChanges } from './observe';
import type { Occurrence } from './occurrences';
import type { PageWrites, Placed, Renderer, Repaired } from './render';
import { isExcluded } from './scan';

/** After this many edits of our marks by the page under one parent, stop marking there. */
const EDITS_PER_PARENT = 3;
/** After this many edits of our marks by the page in all, stop watching the page. */
const EDITS_PER_PAGE = 50;
/** A text node its owner rewrote this often is churning (a ticker, a clock): leave it. */
const REMARKS_PER_NODE = 5;

const HOVER_ATTR = 'data-myolens-hover';
const FLASH_ATTR = 'data-myolens-flash';
const FLASH_MS = 1600;

/**
 * The fallback renderer: wraps the underlined mentions in `<mark data-myolens-term>`
 * (mark.js, through Highlighter, which ships with its exact undo). Serves where the
 * browser does not paint `::highlight()` (Firefox before 149) and for readers whose user
 * styles target the marks. Only this renderer has to survive its own DOM edits: repair of
 * what a framework rewrote, back-off from pages that remove marks, the churn cap.
 */
export class WrapRenderer implements Renderer, PageWrites {
  readonly kind = 'wrap';
  /** It writes the page: it answers for its writes itself. */
  readonly writes: PageWrites = this;
  readonly highlighter: Highlighter;
  private readonly editsByParent = new WeakMap<Node, number>();
  private readonly remarks = new WeakMap<Node, number>();
  private edits = 0;
  private hovered: Element | undefined;

  constructor(doc: Document, style: MarkStyle) {
    this.highlighter = new Highlighter(doc);
    this.highlighter.setStyle(style);
  }

  /** Text the page keeps rewriting, or where it removed our marks: not marked again. */
  skip = (node: Text): boolean =>
    this.highlighter.owns(node) ||
    (this.remarks.get(node) ?? 0) > REMARKS_PER_NODE ||
    (this.remarks.get(node.parentNode!) ?? 0) > REMARKS_PER_NODE ||
    (this.editsByParent.get(node.parentNode!) ?? 0) >= EDITS_PER_PARENT;

  /** Is this node one we split or made? */
  owns(node: Node): boolean {
    return this.highlighter.owns(node);
  }

  /** Wraps the underlined ones of `list`; the node's occurrences move into the pieces. */
  show(node: Text, list: Occurrence[]): Placed[] {
    const shown = list.filter((o) => o.shown);
    const pieces = shown.length ? this.highlighter.wrap(node, shown) : null;
    return pieces ? relocate(pieces, list) : [{ node, data: node.data, list }];
  }

  /**
   * Unwraps the marks of occurrences whose text went away, where they are still in the
   * page (a page that changed our mark's text was repaired already: nothing is left).
   */
  drop(list: readonly Occurrence[]): void {
    for (const o of list) if (o.shown) this.highlighter.restoreAround(o.node);
  }

  setStyle(style: MarkStyle): void {
    this.highlighter.setStyle(style);
  }

  hover(o: Occurrence | undefined): void {
    const mark = o && this.markOf(o);
    // Asked after every hit-test: the same mark again writes nothing.
    if (mark === this.hovered && mark?.hasAttribute(HOVER_ATTR) !== false) return;
    this.hovered?.removeAttribute(HOVER_ATTR);
    this.hovered = mark;
    this.hovered?.setAttribute(HOVER_ATTR, '');
  }

  flash(o: Occurrence): void {
    // A mention that is not underlined has no element to light up.
    const mark = this.markOf(o);
    if (!mark) return;
    mark.setAttribute(FLASH_ATTR, '');
    setTimeout(() => mark.removeAttribute(FLASH_ATTR), FLASH_MS);
  }

  private markOf(o: Occurrence): HTMLElement | undefined {
    const parent = o.node.parentElement;
    return parent && this.highlighter.termIdOfMark(parent) ? parent : undefined;
  }

  clear(): void {
    this.hover(undefined);
    this.highlighter.unhighlight();
  }

  /** Repairs what a batch of page changes did to our marks (run with the observer quiet). */
  repair({ touched, editable }: PageChanges): Repaired {
    const { rescan, edited, owners } = this.highlighter.repair(touched);
    // An element whose owner keeps rewriting marked text (a live ticker re-rendering
    // its children) counts as churning too, whatever new nodes it uses.
    for (const parent of owners) this.remarks.set(parent, (this.remarks.get(parent) ?? 0) + 1);
    let restored = 0;
    // Marks inside an editor would end up in what the user saves: take them out.
    for (const el of editable) if (isExcluded(el)) restored += this.highlighter.restoreWithin(el);
    if (edited) {
      this.edits += edited;
      for (const n of touched) {
        if (n.parentNode)
          this.editsByParent.set(n.parentNode, (this.editsByParent.get(n.parentNode) ?? 0) + 1);
      }
    }
    const again = rescan.filter((n) => {
      const count = (this.remarks.get(n) ?? 0) + 1;
      this.remarks.set(n, count);
      return count <= REMARKS_PER_NODE;
    });
    return {
      rescan: again,
      changed: rescan.length + edited + restored > 0,
      giveUp: this.edits >= EDITS_PER_PAGE,
    };
  }
}

/**
 * Where each occurrence of a node is after mark.js split it into `pieces` (the node, then
 * marks and text nodes of ours): an underlined one in its mark's text, the others in the
 * text piece that holds them, with offsets into that piece.
 */
function relocate(pieces: readonly ChildNode[], list: readonly Occurrence[]): Placed[] {
  const moved = new Map<Text, Placed>();
  let offset = 0;
  let i = 0;
  for (const piece of pieces) {
    const text = (piece.nodeType === 3 ? piece : piece.firstChild) as Text | null;
    const length = piece.textContent!.length;
    while (i < list.length && text && list[i]!.end <= offset + length) {
      const o = list[i++]!;
      o.node = text;
      o.start -= offset;
      o.end -= offset;
      let m = moved.get(text);
      if (!m) moved.set(text, (m = { node: text, data: text.data, list: [] }));
      m.list.push(o);
    }
    offset += length;
  }
  return [...moved.values()];
}
