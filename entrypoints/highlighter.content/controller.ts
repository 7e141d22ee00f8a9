import { createIdleRunner, type IdleHost, type ShouldYield } from '@/lib/idle';
import type { Matcher } from '@/lib/matcher';
import { Highlighter, type MarkStyle } from './highlight';
import { PageObserver, type PageChanges } from './observe';
import { isExcluded, markable, ScanQueue } from './scan';

export type Density = 'all' | 'first';

export interface HighlightOptions {
  density: Density;
  style: MarkStyle;
  hiddenTerms: ReadonlySet<string>;
}

/** After this many edits of our marks by the page under one parent, stop marking there. */
const EDITS_PER_PARENT = 3;
/** After this many edits of our marks by the page in all, stop watching the page. */
const EDITS_PER_PAGE = 50;
/** A text node its owner rewrote this often is churning (a ticker, a clock): leave it. */
const REMARKS_PER_NODE = 5;
/**
 * A slice that writes marks may run this long. Every slice that changes the DOM costs the
 * page a style and layout pass in the next frame, and on a long page that pass costs the
 * same for one mark as for a thousand (30 ms on a 3 MB article): so writes come in few,
 * longer slices, still well under the 50 ms of a long task.
 */
const WRITE_SLICE_MS = 30;
/** Hits wait at most this long for the walk to end before they are written anyway. */
const WRITE_AFTER_MS = 60;
/** Nodes per mark.js call: the write budget and the counts are checked between calls. */
const WRITE_CHUNK = 64;

/**
 * Runs highlighting on one document: a cheap first check, the initial scan in idle
 * slices, then only what the page adds or changes. `stop()` restores the page exactly.
 */
export class PageController {
  readonly highlighter: Highlighter;
  private readonly queue: ScanQueue;
  private readonly observer: PageObserver;
  private readonly runner: ReturnType<typeof createIdleRunner>;
  private readonly aborter = new AbortController();
  private pattern: RegExp | null = null;
  /**
   * Contextual terms (ambiguous acronyms) and whether the page has their context: known
   * true once a matched surface, written or not, spells a context word ("vitamin D" for
   * VDR), else decided from the page's text at the term's first match.
   */
  private readonly context = new Map<string, boolean>();
  /** How many contextual terms are known to have their context on this page. */
  private withContext = 0;
  /** The pattern's twin for reading ahead while mark.js uses the pattern (hasContext). */
  private lookahead: RegExp | undefined;
  /** A term that was found without context has its context now: scan the page again. */
  private contextLate = false;
  private readonly marked = new Map<string, number>();
  private readonly editsByParent = new WeakMap<Node, number>();
  private readonly remarks = new WeakMap<Node, number>();
  private edits = 0;
  private onChange: (() => void) | undefined;
  private idleWaiters: (() => void)[] = [];
  /** Has the matcher built what termIdOf needs? (before the first write, not on pages with none) */
  private prepared = false;
  /** start() found the page worth walking. */
  private started = false;
  /** Text nodes the walk found to hold a term, in document order, not yet wrapped. */
  private found: Text[] = [];
  /** When the oldest of `found` was found. */
  private foundAt = 0;
  /** The page changed since `found` was collected: check each node again before writing. */
  private stale = false;

  constructor(
    private readonly doc: Document,
    private readonly host: IdleHost,
    private readonly matcher: Matcher,
    private options: HighlightOptions,
    /** False once the extension is gone (reloaded, updated): then nothing runs. */
    private readonly alive: () => boolean = () => true,
  ) {
    this.highlighter = new Highlighter(doc, (s) => matcher.termIdOf(s));
    this.highlighter.setStyle(options.style);
    this.queue = new ScanQueue(doc);
    // The whole document, not <body>: Turbo-style navigation swaps in a new body.
    this.observer = new PageObserver(
      doc.documentElement,
      (c) => this.changed(c),
      (n) => this.highlighter.owns(n),
    );
    this.runner = createIdleRunner(this.host, (y) => this.step(y), { signal: this.aborter.signal });
  }

  /** Called after each batch of marks is made or removed (for counts and the badge). */
  set onMarksChanged(fn: (() => void) | undefined) {
    this.onChange = fn;
  }

  /** First check and initial scan; watching starts at once, so nothing added is missed. */
  start(): void {
    this.observer.start();
    // The one cheap check: where in the page's text could a term start? (The anchors as
    // word starts: a word may run on from one node into the next.) Most pages with no
    // term stop here, before the full pattern is ever compiled.
    const text = this.doc.body.textContent ?? '';
    const hint = this.matcher.scanAnchors(text);
    if (hint && !hint.anyIn(0, text.length)) return;
    this.started = true;
    // The walk reads only the nodes where the page's text says a term may start.
    this.queue.add(this.doc.body, hint ?? undefined);
    this.runner.schedule();
  }

  /** Stop for good and restore the page exactly. */
  stop(): void {
    this.aborter.abort();
    this.observer.quiet(() => this.highlighter.unhighlight());
    this.observer.stop();
    this.queue.clear();
    this.found = [];
    this.marked.clear();
    this.settle();
    this.onChange?.();
  }

  /** Apply new options: restyle in place, or unmark and mark again when what is marked changes. */
  update(options: HighlightOptions): void {
    const remark =
      options.density !== this.options.density ||
      [...options.hiddenTerms].join() !== [...this.options.hiddenTerms].join();
    this.options = options;
    this.observer.quiet(() => this.highlighter.setStyle(options.style));
    if (!remark) return;
    this.observer.quiet(() => this.highlighter.unhighlight());
    this.marked.clear();
    this.queue.clear();
    this.found = [];
    if (this.started) {
      this.queue.add(this.doc.body);
      this.runner.schedule();
    }
    this.onChange?.();
  }

  /** Resolves once every queued scan is done (benchmarks and tests wait on it). */
  whenIdle(): Promise<void> {
    if (this.queue.empty && !this.found.length && !this.runner.pending) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private settle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Marks per term, counted in the document. */
  counts(): Map<string, number> {
    return new Map(this.marked);
  }

  /**
   * Does the page have a context word of this contextual term? Asked at its first match:
   * the surfaces written so far may already say so; then those in the nodes the walk found
   * (a page about the topic has "vitamin D" or "muscle ..." near its acronyms); only then
   * the page's whole text decides, for every contextual term still open.
   */
  private hasContext(termId: string): boolean {
    const known = this.context.get(termId);
    if (known !== undefined) return known;
    if (this.pattern) {
      // Its own RegExp: mark.js is in the middle of a loop over the shared one. V8 keeps
      // the compiled code by source and flags, so this costs no second compile.
      const re = (this.lookahead ??= new RegExp(this.pattern.source, 'gu'));
      for (const node of this.found) {
        const text = node.data;
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          this.vouch(m[0]);
          if (this.context.get(termId)) return true;
        }
      }
    }
    const ids = this.matcher.activeIds(this.doc.body?.textContent ?? '');
    for (const id of this.matcher.contextual)
      if (!this.context.has(id)) this.setContext(id, ids.has(id));
    return this.context.get(termId)!;
  }

  /** Any surface on the page, marked or not, shows the context words it spells. */
  private vouch(surface: string): void {
    // Once every contextual term has its context, no surface can add anything.
    if (this.withContext === this.matcher.contextual.size) return;
    for (const id of this.matcher.servedBy(surface)) this.setContext(id, true);
  }

  private setContext(id: string, has: boolean): void {
    const was = this.context.get(id);
    if (was === has) return;
    // Text that arrived after the page was read: what was dropped is looked at again.
    if (was === false) this.contextLate = true;
    if (has) this.withContext++;
    this.context.set(id, has);
  }

  /** Was some contextual term found on a page without its context words? */
  private get contextMissing(): boolean {
    return [...this.context.values()].includes(false);
  }

  /** New text may bring context words: true when a term found none before and now has one. */
  private contextArrived(text: string): boolean {
    if (!this.contextMissing) return false;
    const ids = this.matcher.activeIds(text);
    let grew = false;
    for (const [id, has] of this.context) {
      if (!has && ids.has(id)) {
        this.setContext(id, true);
        grew = true;
      }
    }
    // The caller scans the page again itself.
    this.contextLate = false;
    return grew;
  }

  private accept = (termId: string, surface: string): boolean => {
    this.vouch(surface);
    if (this.matcher.contextual.has(termId) && !this.hasContext(termId)) return false;
    if (this.options.hiddenTerms.has(termId)) return false;
    if (this.options.density === 'first' && this.marked.has(termId)) return false;
    this.marked.set(termId, (this.marked.get(termId) ?? 0) + 1);
    return true;
  };

  /** Could this text hold a term? The prefilter first: it rejects most text many times faster. */
  private candidate = (text: string): boolean => {
    if (!this.matcher.prefilter.test(text)) return false;
    // The pattern for every term (rendered at build time), made when the first text passes
    // the prefilter: V8 parses and compiles it then (several ms, cold), and only for the
    // kind of string it meets (one-byte, two-byte). A page where no text passes, however
    // its scripts read, never pays for it. The same RegExp object tests and wraps: V8
    // compiles each (source, flags) pair once. A contextual term's matches are kept or
    // dropped as they are written (accept).
    const pattern = (this.pattern ??= this.matcher.pattern());
    if (!pattern) return false;
    pattern.lastIndex = 0;
    return pattern.test(text);
  };

  private skip = (node: Text): boolean =>
    this.highlighter.owns(node) ||
    (this.remarks.get(node) ?? 0) > REMARKS_PER_NODE ||
    (this.remarks.get(node.parentNode!) ?? 0) > REMARKS_PER_NODE ||
    (this.editsByParent.get(node.parentNode!) ?? 0) >= EDITS_PER_PARENT;

  /**
   * One slice: read first (walk and test, no DOM change, so the page has
   * nothing to lay out), then write what was found in as few slices as possible: when the
   * walk is done, or once hits have waited WRITE_AFTER_MS (a very long page).
   */
  private step(shouldYield: ShouldYield): boolean {
    if (!this.alive()) {
      this.queue.clear();
      this.found = [];
      this.settle();
      return false;
    }
    while (!this.queue.empty && !shouldYield()) {
      const hits = this.queue.take(this.candidate, this.skip, shouldYield);
      if (!hits.length) continue;
      if (!this.found.length) this.foundAt = this.host.performance.now();
      for (const hit of hits) this.found.push(hit);
    }
    if (
      this.found.length &&
      (this.queue.empty || this.host.performance.now() - this.foundAt >= WRITE_AFTER_MS)
    ) {
      // Naming each match's term needs the matcher's surface index: built in a slice of its
      // own, and only on pages that have something to mark.
      if (!this.prepared) {
        this.prepared = true;
        this.matcher.prepare();
        return true;
      }
      this.flush(this.pattern!, shouldYield);
      if (this.contextLate) {
        this.contextLate = false;
        this.queue.add(this.doc.body);
      }
    }
    const more = !this.queue.empty || this.found.length > 0;
    if (!more) this.settle();
    return more;
  }

  /** Wraps found nodes, a chunk at a time, until the write budget of this slice is spent. */
  private flush(pattern: RegExp, shouldYield: ShouldYield): void {
    // The walk stands on the last node it found: wrapped now, our new nodes would come
    // next in its way (and a hinted walk would count that text twice). It waits.
    const held = this.found.at(-1) === this.queue.position ? this.found.pop() : undefined;
    let i = 0;
    const { found } = this;
    do {
      let chunk = found.slice(i, i + WRITE_CHUNK);
      i += WRITE_CHUNK;
      // The page moved or changed nodes since the walk: what is excluded now stays unmarked.
      if (this.stale) chunk = chunk.filter((n) => n.isConnected && markable(n, this.skip));
      if (!chunk.length) continue;
      // candidate() shares this RegExp: mark.js must start from each node's beginning.
      pattern.lastIndex = 0;
      // Counts (the badge) follow each chunk, as the marks appear.
      if (this.observer.quiet(() => this.highlighter.wrap(chunk, pattern, this.accept)).length)
        this.onChange?.();
    } while (i < found.length && !shouldYield(WRITE_SLICE_MS));
    this.found = i < found.length ? found.slice(i) : [];
    if (held) this.found.push(held);
    if (!this.found.length) this.stale = false;
    else this.foundAt = this.host.performance.now();
  }

  private changed({ added, touched, editable }: PageChanges): void {
    if (this.aborter.signal.aborted || !this.alive()) return;
    // The text seen at start() is no longer the page's: walk on reading each node.
    this.queue.dropHints();
    if (this.found.length) this.stale = true;
    const { rescan, edited, owners } = this.highlighter.repair(touched);
    // What repair removed is ours: not news for the next batch.
    this.observer.discard();
    // An element whose owner keeps rewriting marked text (a live ticker re-rendering
    // its children) counts as churning too, whatever new nodes it uses.
    for (const parent of owners) this.remarks.set(parent, (this.remarks.get(parent) ?? 0) + 1);
    let restored = 0;
    for (const el of editable) {
      // Marks inside an editor would end up in what the user saves: take them out.
      if (isExcluded(el)) restored += this.observer.quiet(() => this.highlighter.restoreWithin(el));
      else if (el.isConnected && this.started) this.queue.add(el);
    }
    if (edited) {
      this.edits += edited;
      for (const n of touched) {
        if (n.parentNode)
          this.editsByParent.set(n.parentNode, (this.editsByParent.get(n.parentNode) ?? 0) + 1);
      }
      if (this.edits >= EDITS_PER_PAGE) {
        // The page keeps undoing us: leave it alone rather than fight it.
        this.observer.stop();
        this.queue.clear();
        return;
      }
    }
    if (rescan.length || edited || restored) this.recount();
    const fresh = added.filter((n) => !(this.highlighter.owns(n) && n.nodeType === 3));
    if (!this.started) {
      // start() found no place for a term: the page may bring one now (an app shell
      // filling in, a feed, a navigation). Until it does, nothing is queued or kept.
      const text = fresh.map((n) => n.textContent ?? '').join(' ');
      if (!text || !this.couldHoldTerm(text)) return;
      this.started = true;
    }
    let text = '';
    const waiting = this.contextMissing;
    for (const n of fresh) {
      this.queue.add(n);
      if (waiting) text += ' ' + (n.textContent ?? '');
    }
    for (const n of rescan) {
      const count = (this.remarks.get(n) ?? 0) + 1;
      this.remarks.set(n, count);
      if (count <= REMARKS_PER_NODE) this.queue.add(n);
    }
    // New text can bring the context words that make an ambiguous acronym safe to mark.
    if (text && this.contextArrived(text)) this.queue.add(this.doc.body);
    if (!this.queue.empty && this.started) this.runner.schedule();
  }

  /** Could a term start anywhere in this text (of one node or many)? */
  private couldHoldTerm(text: string): boolean {
    const scan = this.matcher.scanAnchors(text);
    return !scan || scan.anyIn(0, text.length);
  }

  /** Recount marks after the page or a repair removed some. */
  private recount(): void {
    this.marked.clear();
    for (const mark of this.highlighter.marks()) {
      const id = this.highlighter.termIdOfMark(mark)!;
      this.marked.set(id, (this.marked.get(id) ?? 0) + 1);
    }
    this.onChange?.();
  }
}
