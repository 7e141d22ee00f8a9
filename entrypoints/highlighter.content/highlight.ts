import Mark from 'mark.js/src/lib/mark.js';
import type { MarkStyle } from '@/lib/settings';

/** The attribute that names a mark's term: a stable contract for user styles and tests. */
export const TERM_ATTR = 'data-myolens-term';
/** The attribute that carries the mark style chosen in settings. */
export const STYLE_ATTR = 'data-myolens-style';

/**
 * One page text node that we split into head + marks + tails. `head` is the page's own
 * node (frameworks keep references to it); everything after it in `derived` is ours.
 */
interface Group {
  head: Text;
  /** The node's full text before we split it. */
  original: string;
  /** What we left in `head` after splitting. */
  headText: string;
  derived: ChildNode[];
  parent: Node;
}

/**
 * mark.js over exactly the given text nodes. Given them as its context, mark.js walks
 * each with a NodeIterator of its own, and Blink keeps every NodeIterator registered with
 * the document until garbage collection and updates each one on every node removal: with
 * 1,500 marks made, each later removal (mark.js's own replaceChild, and the page's) paid
 * for 1,500 iterators (measured on the 3 MB bench page: 1,831 wraps took 46 ms instead of
 * 6.5). This hands mark.js the nodes directly, through the same filter it applies; mark.js
 * still finds, filters, splits and wraps every match.
 */
class NodeListMark extends Mark {
  constructor(private readonly nodes: readonly Text[]) {
    super(nodes as unknown as HTMLElement[]);
  }

  /** Replaces mark.js's DOMIterator (only `forEachNode` is used by markRegExp). */
  protected override get iterator() {
    const { nodes } = this;
    return {
      forEachNode(
        _whatToShow: number,
        each: (node: Node) => void,
        filter: (node: Node) => number,
        done: () => void = () => undefined,
      ) {
        for (const node of nodes) if (filter(node) === NodeFilter.FILTER_ACCEPT) each(node);
        done();
      },
    };
  }
}

/** One span of a text node to wrap, and its term. */
export interface WrapRange {
  start: number;
  end: number;
  termId: string;
}

/**
 * The only code that changes the page (in the wrap renderer): wraps ranges of text nodes
 * in `<mark data-myolens-term>` with mark.js and restores the page's own text nodes
 * exactly. Marks are remembered in WeakMaps, so a page that forges `data-myolens-term`
 * is never taken for ours.
 */
export class Highlighter {
  private readonly groups = new Map<Text, Group>();
  private readonly groupOf = new WeakMap<Node, Group>();
  private readonly termOf = new WeakMap<Element, string>();
  private style: MarkStyle = 'underline';

  constructor(private readonly doc: Document) {}

  /**
   * Wraps `ranges` (sorted, not overlapping) of one page text node. Returns the nodes the
   * node's text is in now, in order (the node itself, then ours), or null if none was made.
   */
  wrap(head: Text, ranges: readonly WrapRange[]): ChildNode[] | null {
    if (this.groupOf.has(head) || !head.parentNode || !ranges.length) return null;
    const group: Group = {
      head,
      original: head.data,
      headText: '',
      derived: [],
      parent: head.parentNode,
    };
    const termAt = new Map(ranges.map((r) => [r.start, r.termId]));
    new NodeListMark([head]).markRanges(
      ranges.map((r) => ({ start: r.start, length: r.end - r.start })),
      {
        element: 'mark',
        exclude: [],
        each: (el: Element, range: { start: number }) => {
          const mark = el as HTMLElement;
          const termId = termAt.get(range.start)!;
          // mark.js tags marks with data-markjs; a page's own mark.js `unmark()` would then
          // strip ours without our bookkeeping. Our own attributes identify them instead.
          mark.removeAttribute('data-markjs');
          mark.setAttribute(TERM_ATTR, termId);
          mark.setAttribute(STYLE_ATTR, this.style);
          this.termOf.set(mark, termId);
        },
      },
    );
    this.record(group);
    return this.groups.has(head) ? [head, ...group.derived] : null;
  }

  /** After mark.js split `head`, collect the nodes it created after it. */
  private record(group: Group): void {
    const { head, original } = group;
    if (head.data === original) return;
    group.headText = head.data;
    // mark.js leaves a tail text node after every mark, empty when the match ended the
    // node: take nodes until the text adds up and the last one taken is that tail.
    let missing = original.length - head.data.length;
    let last: ChildNode = head;
    for (let n = head.nextSibling; n && (missing > 0 || last.nodeType !== 3); n = n.nextSibling) {
      group.derived.push(n);
      missing -= n.textContent!.length;
      last = n;
    }
    this.groups.set(head, group);
    this.groupOf.set(head, group);
    for (const n of group.derived) this.groupOf.set(n, group);
  }

  /** Is `node` a page node we split, or a node we created? */
  owns(node: Node): boolean {
    return this.groupOf.has(node);
  }

  /** Every mark we made that is still in the document, in document order. */
  marks(): HTMLElement[] {
    const out: HTMLElement[] = [];
    for (const group of this.groups.values()) {
      for (const n of group.derived) {
        if (n.nodeType === 1 && n.isConnected && this.termOf.has(n as Element))
          out.push(n as HTMLElement);
      }
    }
    return out.sort((a, b) =>
      a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
  }

  /** Term id of one of our marks. */
  termIdOfMark(mark: Element): string | undefined {
    return this.termOf.get(mark);
  }

  /** Restyles every mark (settings change). */
  setStyle(style: MarkStyle): void {
    this.style = style;
    for (const mark of this.marks()) mark.setAttribute(STYLE_ATTR, style);
  }

  /** How a mutation left a group: untouched, moved or rewritten by its owner, or edited in our nodes. */
  private state(group: Group): 'intact' | 'owner' | 'edited' {
    const { head, derived, parent } = group;
    // The owner rewrote or moved its node: our nodes are stale, its text is the truth.
    if (head.data !== group.headText || head.parentNode !== parent) return 'owner';
    let prev: ChildNode = head;
    let inPlace = true;
    for (const n of derived) {
      if (n.parentNode !== parent || (n.nodeType === 3 ? false : !n.firstChild)) return 'edited';
      if (prev.nextSibling !== n) inPlace = false;
      prev = n;
    }
    if (derivedText(group) !== group.original.slice(group.headText.length)) return 'edited';
    // Something was inserted between our nodes (a framework using them as an anchor).
    return inPlace ? 'intact' : 'owner';
  }

  /** Forget a group and everything we know about its nodes. */
  private forget(group: Group): void {
    this.groups.delete(group.head);
    this.groupOf.delete(group.head);
    for (const n of group.derived) this.groupOf.delete(n);
  }

  /**
   * Undo one group: remove every node we created and give the page's own head node its
   * full text back, unless its owner rewrote it since (then that text is what they intend).
   */
  private restore(group: Group): void {
    this.forget(group);
    for (const n of group.derived) n.parentNode?.removeChild(n);
    if (group.head.data === group.headText) group.head.data = group.original;
  }

  /**
   * The page edited our nodes itself (removed a mark, changed a tail): its text is the
   * truth, so only our wrappers go; the text nodes stay as the page left them.
   */
  private unwrapInPlace(group: Group): void {
    this.forget(group);
    for (const n of group.derived) {
      if (n.nodeType === 1 && n.parentNode) (n as Element).replaceWith(...n.childNodes);
    }
  }

  /**
   * Repairs every group that a page mutation touched: returns page text nodes to scan
   * again and how many groups the page edited itself (for back-off).
   */
  repair(touched: Iterable<Node>): { rescan: Text[]; edited: number; owners: Node[] } {
    const rescan: Text[] = [];
    const owners: Node[] = [];
    const seen = new Set<Group>();
    let edited = 0;
    for (const node of touched) {
      const group = this.groupOf.get(node);
      if (!group || seen.has(group)) continue;
      seen.add(group);
      const state = this.state(group);
      if (state === 'intact') continue;
      if (state === 'owner') {
        owners.push(group.parent);
        this.restore(group);
        if (group.head.isConnected) rescan.push(group.head);
      } else {
        edited++;
        this.unwrapInPlace(group);
      }
    }
    return { rescan, edited, owners };
  }

  /** Restores the group `node` (a page node we split, or one of ours) belongs to, if any. */
  restoreAround(node: Node): void {
    const group = this.groupOf.get(node) ?? this.groupOf.get(node.parentNode!);
    if (!group) return;
    if (this.state(group) === 'edited') this.unwrapInPlace(group);
    else this.restore(group);
  }

  /** Restores every group inside `root` (a region that just became an editor). */
  restoreWithin(root: Node): number {
    let n = 0;
    for (const group of [...this.groups.values()]) {
      if (!root.contains(group.head)) continue;
      n++;
      if (this.state(group) === 'edited') this.unwrapInPlace(group);
      else this.restore(group);
    }
    return n;
  }

  /** Restores the page exactly: every split text node gets its own text back. */
  unhighlight(): void {
    for (const group of [...this.groups.values()]) {
      if (this.state(group) === 'edited') this.unwrapInPlace(group);
      else this.restore(group);
    }
  }

  /** How many page text nodes are currently split. */
  get size(): number {
    return this.groups.size;
  }

  /** The document this highlighter works on. */
  get document(): Document {
    return this.doc;
  }
}

/** The current text of the nodes we created for a group. */
function derivedText(group: Group): string {
  let text = '';
  for (const n of group.derived) text += n.textContent;
  return text;
}
