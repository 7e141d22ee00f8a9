import type { ShouldYield } from '@/lib/idle';
import type { AnchorScan } from '@/lib/matcher/prefilter';

/**
 * The attribute on the elements that host our closed shadow roots (the tooltip's, the
 * wrap flash's): never scanned. Here, not in ui-host.ts, so that code without the
 * tooltip's stylesheet (the wrap renderer, the bench in Node) can name it.
 */
export const UI_ATTR = 'data-myolens-ui';

/**
 * Where MyoLens never marks: code and form controls, editors, metadata, foreign
 * namespaces, existing marks (the page's and ours), and our own UI host.
 */
export const EXCLUDED = [
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'mark',
  `[${UI_ATTR}]`,
  '[contenteditable]:not([contenteditable="false"])',
  '[role="textbox"]',
].join(',');

/**
 * Is this element (or an ancestor) a place we never mark? Ancestors are the composed
 * ones: a component inside an editor, a <code> or a <button> is excluded with it.
 */
export function isExcluded(el: Element | null): boolean {
  if (!el) return true;
  if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return true;
  if (el.closest(EXCLUDED) !== null || el.ownerDocument.designMode === 'on') return true;
  const root = el.getRootNode();
  return root.nodeType === 11 && isExcluded((root as ShadowRoot).host);
}

/**
 * Elements whose text is never a page's prose (and all in EXCLUDED): a text node right
 * inside one is passed over before its text is read or tested. An inline script or JSON
 * blob can be most of a page's text.
 */
const RAW_TEXT = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'title']);

const inRawText = (node: Node): boolean => {
  const parent = node.parentNode as Element | null;
  return parent !== null && RAW_TEXT.has(parent.localName);
};

/**
 * A root's prose, up to `limit` characters: its text nodes in order, passing over those
 * right inside raw-text elements (an inline script's JSON can be most of a page's text,
 * and would thin out what the page says). What the page-topic gate reads.
 */
export function readableText(root: Node, limit: number): string {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  let length = 0;
  for (let n = walker.nextNode(); n && length < limit; n = walker.nextNode()) {
    if (inRawText(n)) continue;
    const data = (n as Text).data;
    parts.push(data);
    length += data.length;
  }
  return parts.join('');
}

/** May this text node be marked: not skipped by the caller, not inside an excluded element? */
export function markable(node: Text, skip: (node: Text) => boolean): boolean {
  if (skip(node)) return false;
  // Text right inside a shadow root has no parent element: its host stands for one.
  const parent = node.parentElement ?? (node.parentNode as Partial<ShadowRoot> | null)?.host;
  return !isExcluded(parent ?? null);
}

/** A subtree to scan, and where its text could hold a term (from its textContent). */
interface Root {
  node: Node;
  hint?: AnchorScan;
}

/**
 * A queue of page subtrees to scan, consumed a slice at a time: walks text nodes with one
 * TreeWalker, runs one regex test per node, and checks exclusion only on nodes that match
 * (the rare case), so the cost stays close to a bare text walk.
 *
 * A root queued with a hint (an AnchorScan of its textContent) is walked without reading
 * each node's text: the walk sums node lengths, and only nodes where the hint says an
 * anchor starts are read and tested. The hint is a snapshot: any page change drops it
 * (`dropHints`); our own writes never touch the node the walk stands on (the scanner
 * holds that one back), so the text ahead stays where the hint saw it; and a walk whose
 * nodes disagree with it is walked again without it.
 */
export class ScanQueue {
  private readonly roots: Root[] = [];
  private walker: TreeWalker | null = null;
  /** The root being walked, its hint (null once dropped) and the offset of the next node. */
  private current: Root | null = null;
  private hint: AnchorScan | null = null;
  private pos = 0;
  /** The hint disagreed with a node: walk the root again without it. */
  private mismatch = false;

  constructor(private readonly doc: Document) {}

  /** Queue a subtree (element or text node) for scanning, with a hint for its text. */
  add(root: Node, hint?: AnchorScan): void {
    this.roots.push({ node: root, hint });
  }

  get empty(): boolean {
    return !this.walker && this.roots.length === 0;
  }

  /** Forget all queued work. */
  clear(): void {
    this.roots.length = 0;
    this.walker = null;
    this.current = null;
    this.hint = null;
  }

  /** The node the walk stands on (the last it read), or null between walks. */
  get position(): Node | null {
    return this.walker?.currentNode ?? null;
  }

  /** The page changed: texts may no longer be where the hints saw them. */
  dropHints(): void {
    this.hint = null;
    for (const root of this.roots) root.hint = undefined;
  }

  /**
   * Collects text nodes whose text `test` accepts and that are not excluded or `skip`ped,
   * until `shouldYield` or `max` hits; returns them.
   */
  take(
    test: (text: string) => boolean,
    skip: (node: Text) => boolean,
    shouldYield: ShouldYield,
    max = 300,
  ): Text[] {
    const hits: Text[] = [];
    const accept = (node: Text) => {
      if (!inRawText(node) && test(node.data) && markable(node, skip)) hits.push(node);
    };
    let count = 0;
    while (hits.length < max) {
      if (!this.walker) {
        const root = this.roots.shift();
        if (!root) break;
        const { node } = root;
        if (!node.isConnected) continue;
        if (node.nodeType === 3) {
          accept(node as Text);
          continue;
        }
        if (node.nodeType !== 1 && node.nodeType !== 11) continue;
        if (node.nodeType === 1 && isExcluded(node as Element)) continue;
        this.walker = this.doc.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        this.current = root;
        this.hint = root.hint ?? null;
        this.pos = 0;
        this.mismatch = false;
      }
      const node = this.walker.nextNode() as Text | null;
      if (!node) {
        this.walker = null;
        this.ended();
        continue;
      }
      const { hint } = this;
      if (hint) {
        // Its length, not its text: the browser makes no string for a node we skip.
        const at = this.pos;
        const length = node.length;
        this.pos += length;
        if (hint.anyIn(at, length) && !inRawText(node)) {
          const data = node.data;
          if (!hint.text.startsWith(data, at)) {
            this.mismatch = true;
            this.hint = null;
          }
          if (test(data) && markable(node, skip)) hits.push(node);
        }
      } else {
        accept(node);
      }
      // performance.now() per node would cost as much as the walk itself.
      if ((++count & 255) === 0 && shouldYield()) break;
    }
    return hits;
  }

  /** A walk ended: if its hint was wrong, walk the root again, reading every node. */
  private ended(): void {
    const root = this.current;
    const wrong = this.mismatch || (this.hint !== null && this.pos !== this.hint.text.length);
    this.current = null;
    this.hint = null;
    if (root && wrong) this.roots.unshift({ node: root.node });
  }
}
