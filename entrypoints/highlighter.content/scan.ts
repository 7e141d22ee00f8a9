import type { ShouldYield } from '@/lib/idle';

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
  '[data-myolens-ui]',
  '[contenteditable]:not([contenteditable="false"])',
  '[role="textbox"]',
].join(',');

/** Is this element (or an ancestor) a place we never mark? */
export function isExcluded(el: Element | null): boolean {
  if (!el) return true;
  if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return true;
  return el.closest(EXCLUDED) !== null || el.ownerDocument.designMode === 'on';
}

/** May this text node be marked: not skipped by the caller, not inside an excluded element? */
export function markable(node: Text, skip: (node: Text) => boolean): boolean {
  return !skip(node) && !isExcluded(node.parentElement);
}

/**
 * A queue of page subtrees to scan, consumed a slice at a time: walks text nodes with one
 * TreeWalker, runs one regex test per node, and checks exclusion only on nodes that match
 * (the rare case), so the cost stays close to a bare text walk.
 */
export class ScanQueue {
  private readonly roots: Node[] = [];
  private walker: TreeWalker | null = null;

  constructor(private readonly doc: Document) {}

  /** Queue a subtree (element or text node) for scanning. */
  add(root: Node): void {
    this.roots.push(root);
  }

  get empty(): boolean {
    return !this.walker && this.roots.length === 0;
  }

  /** Forget all queued work. */
  clear(): void {
    this.roots.length = 0;
    this.walker = null;
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
      if (test(node.data) && markable(node, skip)) hits.push(node);
    };
    let count = 0;
    while (hits.length < max) {
      if (!this.walker) {
        const root = this.roots.shift();
        if (!root) break;
        if (!root.isConnected) continue;
        if (root.nodeType === 3) {
          accept(root as Text);
          continue;
        }
        if (root.nodeType !== 1 && root.nodeType !== 11) continue;
        if (root.nodeType === 1 && isExcluded(root as Element)) continue;
        this.walker = this.doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      }
      const node = this.walker.nextNode() as Text | null;
      if (!node) {
        this.walker = null;
        continue;
      }
      accept(node);
      // performance.now() per node would cost as much as the walk itself.
      if ((++count & 255) === 0 && shouldYield()) break;
    }
    return hits;
  }
}
