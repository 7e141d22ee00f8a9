import type { MarkStyle } from '@/lib/settings';
import { adoptStyles } from './browser-quirks';
import { Highlighter } from './highlight';
import type { PageChanges } from './observe';
import type { Occurrence } from './occurrences';
import type { PageWrites, Placed, Renderer, Repaired } from './render';
import { isExcluded, UI_ATTR } from './scan';

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
 * A mention with no mark of its own (density left it plain) is lit by boxes over its
 * text: the colour of the paint renderer's `::highlight(myolens-flash)` (style.css) and
 * the marks' ring, multiplied so the text stays legible. In forced colours, an outline.
 */
const FLASH_CSS = `
.box {
  position: absolute;
  pointer-events: none;
  border-radius: 2px;
  background: rgba(245, 158, 11, 0.65);
  box-shadow: 0 0 0 3px rgba(245, 158, 11, 0.65);
  mix-blend-mode: multiply;
}
@media (forced-colors: active) {
  .box { forced-color-adjust: none; background: none; box-shadow: none; outline: 3px solid Highlight; mix-blend-mode: normal; }
}`;

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
  /** The boxes lighting a mention without a mark, while they show. */
  private flashLayer: HTMLElement | undefined;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly doc: Document,
    style: MarkStyle,
  ) {
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
    const mark = this.markOf(o);
    if (!mark) return this.flashText(o);
    mark.setAttribute(FLASH_ATTR, '');
    setTimeout(() => mark.removeAttribute(FLASH_ATTR), FLASH_MS);
  }

  /**
   * Lights a mention that is not underlined, as paint.ts lights any range. Wrapping it
   * for a moment would split the page's text under the scanner's records; boxes over its
   * line rects, in a closed shadow root of ours at the end of <html>, leave the text alone.
   * Hidden from assistive technology (the reveal is visual; "This page" says what it
   * showed), and gone after FLASH_MS.
   */
  private flashText(o: Occurrence): void {
    this.unflash();
    const doc = this.doc;
    const win = doc.defaultView;
    const range = doc.createRange();
    range.setStart(o.node, o.start);
    range.setEnd(o.node, o.end);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (!win || !rects.length) return;
    const host = doc.createElement('div');
    // Never scanned (scan.ts skips UI_ATTR), never read aloud, never in the way.
    host.setAttribute(UI_ATTR, '');
    host.setAttribute(FLASH_ATTR, '');
    host.setAttribute('aria-hidden', 'true');
    // Inline `!important` beats any page rule for the host itself; the boxes are in the
    // closed root, out of the page's reach. Document coordinates: a scroll carries them.
    for (const [name, value] of [
      ['all', 'initial'],
      ['display', 'block'],
      ['position', 'absolute'],
      ['left', '0'],
      ['top', '0'],
      ['width', '0'],
      ['height', '0'],
      ['overflow', 'visible'],
      ['pointer-events', 'none'],
      ['z-index', '2147483647'],
    ])
      host.style.setProperty(name!, value!, 'important');
    const root = host.attachShadow({ mode: 'closed' });
    adoptStyles(root, FLASH_CSS);
    for (const r of rects) {
      const box = doc.createElement('div');
      box.className = 'box';
      box.style.left = `${r.left + win.scrollX}px`;
      box.style.top = `${r.top + win.scrollY}px`;
      box.style.width = `${r.width}px`;
      box.style.height = `${r.height}px`;
      root.append(box);
    }
    doc.documentElement.append(host);
    this.flashLayer = host;
    this.flashTimer = setTimeout(() => this.unflash(), FLASH_MS);
  }

  private unflash(): void {
    clearTimeout(this.flashTimer);
    this.flashLayer?.remove();
    this.flashLayer = undefined;
  }

  private markOf(o: Occurrence): HTMLElement | undefined {
    const parent = o.node.parentElement;
    return parent && this.highlighter.termIdOfMark(parent) ? parent : undefined;
  }

  clear(): void {
    this.hover(undefined);
    this.unflash();
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
