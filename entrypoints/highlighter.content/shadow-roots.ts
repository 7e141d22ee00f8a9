/**
 * Finding the page's open shadow roots, so each is scanned as a root of its own
 * (tab.ts). Closed roots stay out of reach by design: `element.shadowRoot` is null for
 * them, here as in the page.
 *
 * What it costs a page: one element walk of the document at start, in idle slices (each
 * element read wakes a wrapper in our world: 12.5 ms, cold, for wikipedia-2's 9,887
 * elements in Chromium 156, where a warm walk takes 0.9 ms); after that only what the
 * page adds is looked at (each added element, and a walk of an added subtree), and on
 * removals only the known roots' hosts are asked whether they are still connected: a page
 * without a shadow root pays nothing more per mutation batch.
 *
 * A root attached to an element already in the page (a custom element defined late) makes
 * no mutation record in the tree around it, and a content script cannot hook
 * `attachShadow` without changing the page (in Chromium it does not even see the page's
 * `customElements`): such a root is found when the reader's pointer passes through it
 * (`fromPath`, the trusted event's composed path).
 */

import { createIdleRunner, type IdleHost, type ShouldYield } from '@/lib/idle';

/** Is this node an open shadow root? (Closed ones never reach us: not in a composed path.) */
function isShadowRoot(node: unknown): node is ShadowRoot {
  const n = node as Partial<ShadowRoot> | null;
  return !!n && n.nodeType === 11 && 'host' in n && n.mode === 'open';
}

/** A walk over the elements under `node` (a TreeWalker: no list of them all is made). */
function elementsUnder(node: Node): TreeWalker {
  const doc = node.nodeType === 9 ? (node as Document) : node.ownerDocument!;
  return doc.createTreeWalker(node, 1 /* NodeFilter.SHOW_ELEMENT */);
}

/**
 * The open shadow roots in `node`'s subtree (its own if it is a host), not those nested
 * inside them: each root found is looked into when it is added (`ShadowRoots.add`).
 */
export function openRootsIn(node: Node): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  if (node.nodeType === 1) {
    const own = (node as Element).shadowRoot;
    if (own) out.push(own);
  } else if (node.nodeType !== 9 && node.nodeType !== 11) return out;
  // A lone element (most added nodes) has nothing under it to look at.
  if (!node.firstChild) return out;
  const walker = elementsUnder(node);
  for (let el = walker.nextNode(); el; el = walker.nextNode()) {
    const root = (el as Element).shadowRoot;
    if (root) out.push(root);
  }
  return out;
}

/** What the watch tells the tab. */
export interface ShadowRootSink {
  /** Scan this newly found root. */
  add(root: ShadowRoot): void;
  /** This root's host left the document: forget it. */
  forget(root: ShadowRoot): void;
}

/**
 * The open shadow roots known in one document, kept in step with the page: found at
 * start, in what the page adds, and on the reader's pointer path; forgotten when their
 * host leaves the document.
 */
export class ShadowRoots {
  private readonly known = new Set<ShadowRoot>();
  /** The document's walk at start, while it lasts. */
  private walker: TreeWalker | null = null;
  private readonly runner: ReturnType<typeof createIdleRunner>;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly sink: ShadowRootSink,
    host: IdleHost,
    signal: AbortSignal,
  ) {
    this.runner = createIdleRunner(host, (y) => this.step(y), { signal });
    signal.addEventListener('abort', () => this.clear(), { once: true });
  }

  /** The known roots, in the order they were found. */
  get roots(): readonly ShadowRoot[] {
    return [...this.known];
  }

  /** Is this root known? */
  has(root: ShadowRoot): boolean {
    return this.known.has(root);
  }

  /**
   * Looks for open roots in a root just added: a shadow root at once (a component is
   * small), the document in idle slices.
   */
  lookIn(root: Document | ShadowRoot): void {
    if (root.nodeType === 11) {
      for (const found of openRootsIn(root)) this.add(found);
      return;
    }
    this.walker = elementsUnder(root);
    this.runner.schedule();
  }

  /** Is the document's first walk still going? */
  get walking(): boolean {
    return this.walker !== null;
  }

  /** Resolves once the document's first walk is done. */
  whenIdle(): Promise<void> {
    if (!this.walker) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** One slice of the document's walk. */
  private step(shouldYield: ShouldYield): boolean {
    const walker = this.walker;
    for (let n = 1; walker; n++) {
      const el = walker.nextNode() as Element | null;
      if (!el) break;
      const root = el.shadowRoot;
      if (root) this.add(root);
      // performance.now() per element would cost as much as the walk.
      if ((n & 255) === 0 && shouldYield()) return true;
    }
    this.walker = null;
    this.settle();
    return false;
  }

  private settle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Nodes the page added (to the document or to a known root): hosts among them, or under them. */
  added(nodes: readonly Node[]): void {
    for (const node of nodes) {
      // Text and comments hold no host; an element's subtree may.
      if (node.nodeType !== 1 && node.nodeType !== 11) continue;
      for (const root of openRootsIn(node)) this.add(root);
    }
  }

  /** The page removed nodes: forget the roots whose host is no longer in the document. */
  removed(): void {
    if (!this.known.size) return;
    // isConnected is composed: a host inside a removed root's tree is disconnected too.
    for (const root of [...this.known]) if (!root.host.isConnected) this.drop(root);
  }

  /**
   * A trusted pointer event's composed path: an open root on it that is not known yet
   * (attached after its host was inserted) is added. True if one was.
   */
  fromPath(path: readonly EventTarget[]): boolean {
    let found = false;
    for (const target of path) {
      if (!isShadowRoot(target) || this.known.has(target) || !target.host.isConnected) continue;
      this.add(target);
      found = true;
    }
    return found;
  }

  /** Forgets every root (the tab's session ended). */
  clear(): void {
    this.known.clear();
    this.walker = null;
    this.settle();
  }

  private add(root: ShadowRoot): void {
    // Added and removed again in one batch: nothing to read, nothing to keep.
    if (this.known.has(root) || !root.host.isConnected) return;
    this.known.add(root);
    this.sink.add(root);
  }

  private drop(root: ShadowRoot): void {
    this.known.delete(root);
    this.sink.forget(root);
  }
}
