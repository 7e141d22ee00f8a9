/**
 * Occurrences: where the page mentions a term, as plain data (text node, offsets, term).
 * They live in memory, never in the page: the renderers show them, the hit-test, the
 * keyboard cursor and "This page" read them.
 */

/** One mention of a term in one text node. */
export interface Occurrence {
  /** The text node that holds it now (the wrap renderer moves it into its mark). */
  node: Text;
  start: number;
  end: number;
  termId: string;
  /** Underlined (shown by the renderer), or explained on hover and keyboard only. */
  shown: boolean;
  /** The section it belongs to (its heading, or the document before the first one). */
  section: object;
  /**
   * A term that overlaps a painted mention ("muscle atrophy" in "skeletal muscle
   * atrophy"): found, never painted, hit-tested on its own words only, not a stop of the
   * keyboard's next/previous (overlap-mentions.ts).
   */
  overlap?: true;
  /** The other terms that share its words, for the tooltip's "Also here". */
  also?: string[];
}

/** A text node's occurrences and the text they were found in. */
interface Entry {
  data: string;
  list: Occurrence[];
}

/**
 * Every occurrence on the page, by text node. An entry is only trusted while its node is
 * in the document with the text it was found in: the page may change either at any time,
 * and no occurrence outlives its text (`valid`, `sweep`).
 */
export class Occurrences {
  private readonly byNode = new Map<Text, Entry>();
  private readonly perTerm = new Map<string, number>();
  /** Document order of all occurrences, rebuilt on demand after a change. */
  private ordered: Occurrence[] | null = [];

  /** Records the occurrences found in `node` (sorted by start); the caller deleted any it had. */
  set(node: Text, data: string, list: Occurrence[]): void {
    if (!list.length) return;
    this.byNode.set(node, { data, list });
    for (const o of list) this.perTerm.set(o.termId, (this.perTerm.get(o.termId) ?? 0) + 1);
    this.ordered = null;
  }

  /** Forgets a node's occurrences; returns them (for the renderer to stop showing). */
  delete(node: Text): Occurrence[] {
    const entry = this.byNode.get(node);
    if (!entry) return [];
    this.byNode.delete(node);
    for (const o of entry.list) {
      const n = (this.perTerm.get(o.termId) ?? 0) - 1;
      if (n > 0) this.perTerm.set(o.termId, n);
      else this.perTerm.delete(o.termId);
    }
    this.ordered = null;
    return entry.list;
  }

  /** Still in the document, with the text it was found in? */
  private trusted(node: Text, entry: Entry): boolean {
    return node.isConnected && node.data === entry.data;
  }

  /** The occurrences of `node`, if they still hold (a read: stale ones wait for a sweep). */
  at(node: Text): readonly Occurrence[] {
    const entry = this.byNode.get(node);
    return entry && this.trusted(node, entry) ? entry.list : [];
  }

  /** Is this occurrence still the page's text? */
  valid(o: Occurrence): boolean {
    const entry = this.byNode.get(o.node);
    return !!entry && entry.list.includes(o) && this.trusted(o.node, entry);
  }

  /**
   * Forgets every occurrence whose text is gone or changed (or that `drop` names), so no
   * removed node is kept alive. Returns what it forgot, a node's list each, for the
   * renderer to stop showing.
   */
  sweep(drop?: (node: Text) => boolean): Occurrence[][] {
    const out: Occurrence[][] = [];
    for (const [node, entry] of this.byNode) {
      if (this.trusted(node, entry) && !drop?.(node)) continue;
      out.push(this.delete(node));
    }
    return out;
  }

  /**
   * `sweep` for what the page touched: looks only at the text in `roots` (nodes it
   * removed, text nodes it changed), so a page that changes often does not pay per
   * occurrence. Past a walk of twice as many nodes as hold occurrences, sweeps them all.
   */
  sweepUnder(roots: readonly Node[]): Occurrence[][] {
    const out: Occurrence[][] = [];
    let budget = 2 * this.byNode.size + 64;
    const check = (node: Text) => {
      const entry = this.byNode.get(node);
      if (entry && !this.trusted(node, entry)) out.push(this.delete(node));
    };
    for (const root of roots) {
      if (root.nodeType === 3) {
        check(root as Text);
        continue;
      }
      if (!root.firstChild) continue;
      const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(
        root,
        NodeFilter.SHOW_TEXT,
      );
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if (--budget < 0) return out.concat(this.sweep());
        check(t as Text);
      }
    }
    return out;
  }

  /** Every occurrence, in document order. */
  all(): readonly Occurrence[] {
    if (this.ordered) return this.ordered;
    const nodes = [...this.byNode.keys()];
    // Found in document order by the first walk; later additions come out of order.
    let sorted = true;
    for (let i = 1; i < nodes.length && sorted; i++)
      sorted = !!(nodes[i - 1]!.compareDocumentPosition(nodes[i]!) & 4);
    if (!sorted) nodes.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
    this.ordered = nodes.flatMap((n) => this.byNode.get(n)!.list);
    return this.ordered;
  }

  /** Occurrences per term id (all of them, underlined or not). */
  counts(): Map<string, number> {
    return new Map(this.perTerm);
  }

  /** How many text nodes hold occurrences. */
  get size(): number {
    return this.byNode.size;
  }

  /** Forget everything. */
  clear(): void {
    this.byNode.clear();
    this.perTerm.clear();
    this.ordered = [];
  }
}

/** A live Range over an occurrence (for geometry; made on demand, never kept long). */
export function rangeOf(o: Occurrence): Range {
  const range = o.node.ownerDocument.createRange();
  range.setStart(o.node, o.start);
  range.setEnd(o.node, o.end);
  return range;
}
