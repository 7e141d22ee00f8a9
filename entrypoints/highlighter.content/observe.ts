/** What the page changed since the last batch, in the terms the highlighter needs. */
export interface PageChanges {
  /** Subtrees and text nodes the page added or whose text it changed. */
  added: Node[];
  /** Nodes whose neighbourhood changed: removed, moved, rewritten, or beside an insertion. */
  touched: Node[];
  /** Elements whose `contenteditable` changed: they may have become (or stopped being) editors. */
  editable: Element[];
  /** Did the page remove nodes or change text (occurrences may be gone)? */
  removed: boolean;
  /** The nodes it removed and the text nodes whose text it changed. */
  gone: Node[];
}

/**
 * Watches the page for added or changed text. Records are handed over synchronously in
 * the observer's microtask (so a framework's update and our repair land in the same
 * frame); `quiet(fn)` runs our own DOM writes without reporting them back to us.
 */
export class PageObserver {
  private readonly observer: MutationObserver;
  private watching = false;

  constructor(
    private readonly root: Node,
    private readonly onChanges: (changes: PageChanges) => void,
    private readonly isOurs: (node: Node) => boolean,
  ) {
    const Observer = (root.ownerDocument ?? (root as Document)).defaultView!.MutationObserver;
    this.observer = new Observer((records) => this.handle(records));
  }

  /** Start watching. */
  start(): void {
    this.watching = true;
    this.observer.observe(this.root, {
      childList: true,
      subtree: true,
      characterData: true,
      // A page's "edit mode" turns an article into an editor after we marked it.
      attributeFilter: ['contenteditable'],
    });
  }

  /** Stop watching for good. */
  stop(): void {
    this.watching = false;
    this.observer.disconnect();
  }

  /**
   * Run our own DOM writes: pending page changes are handled first; while `fn` runs the
   * observer is off, so the browser does not build records of our writes (five per mark)
   * only for us to drop them.
   */
  quiet<T>(fn: () => T): T {
    if (!this.watching) return fn();
    this.handle(this.observer.takeRecords());
    this.observer.disconnect();
    try {
      return fn();
    } finally {
      if (this.watching) this.start();
    }
  }

  /** Drops the records of DOM writes we just made ourselves. */
  discard(): void {
    this.observer.takeRecords();
  }

  private handle(records: MutationRecord[]): void {
    if (!records.length) return;
    const added: Node[] = [];
    const touched: Node[] = [];
    const editable: Element[] = [];
    const gone: Node[] = [];
    let removed = false;
    for (const r of records) {
      if (r.type === 'attributes') {
        editable.push(r.target as Element);
        continue;
      }
      if (r.type === 'characterData') {
        removed = true;
        touched.push(r.target);
        gone.push(r.target);
        if (!this.isOurs(r.target)) added.push(r.target);
        continue;
      }
      if (r.removedNodes.length) removed = true;
      for (const n of r.removedNodes) {
        touched.push(n);
        gone.push(n);
      }
      for (const n of r.addedNodes) {
        touched.push(n);
        added.push(n);
      }
      if (r.previousSibling) touched.push(r.previousSibling);
      if (r.nextSibling) touched.push(r.nextSibling);
    }
    this.onChanges({ added, touched, editable, removed, gone });
  }
}
