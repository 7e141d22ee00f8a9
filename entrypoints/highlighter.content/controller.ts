import { createIdleRunner, type IdleHost, type ShouldYield } from '@/lib/idle';
import type { Matcher } from '@/lib/matcher';
import { UnderlinePolicy, type Density } from './density';
import { PageObserver, type PageChanges } from './observe';
import { Occurrences, type Occurrence } from './occurrences';
import { PaintRenderer } from './paint';
import type { MarkStyle, Renderer } from './render';
import { isExcluded, markable, ScanQueue } from './scan';
import { WrapRenderer } from './wrap';

export type { Density } from './density';
export type RendererKind = 'paint' | 'wrap';

export interface HighlightOptions {
  density: Density;
  style: MarkStyle;
  hiddenTerms: ReadonlySet<string>;
  /** How mentions are shown; fixed for a controller's life (index.ts makes a new one). */
  renderer: RendererKind;
}
/**
 * A slice that writes marks may run this long. Every slice that changes the DOM costs the
 * page a style and layout pass in the next frame, and on a long page that pass costs the
 * same for one mark as for a thousand (30 ms on a 3 MB article): so writes come in few,
 * longer slices, still well under the 50 ms of a long task.
 */
const WRITE_SLICE_MS = 30;
/** Hits wait at most this long for the walk to end before they are written anyway. */
const WRITE_AFTER_MS = 60;
/** Nodes per write: the write budget and the counts are checked between chunks. */
const WRITE_CHUNK = 64;

/**
 * Runs highlighting on one document: a cheap first check, the initial scan in idle
 * slices, then only what the page adds or changes. Scanning yields occurrences (plain
 * data, `occurrences`); a renderer shows them. `stop()` leaves the page as it was.
 */
export class PageController {
  readonly occurrences = new Occurrences();
  readonly renderer: Renderer;
  private readonly wrapper: WrapRenderer | undefined;
  private readonly policy: UnderlinePolicy;
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
  /** The pattern's twin for reading ahead (hasContext), so no other loop's lastIndex moves. */
  private lookahead: RegExp | undefined;
  /** A term that was found without context has its context now: scan the page again. */
  private contextLate = false;
  /** The page removed or changed text since the last sweep of the occurrences. */
  private sweepDue = false;
  /**
   * What the page removed or whose text it changed since the last sweep (null: look at
   * every occurrence, after our own repairs or an editor).
   */
  private gone: Node[] | null = [];
  /** Elements that became editors since the last sweep. */
  private editors: Element[] = [];
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
    if (options.renderer === 'paint') {
      this.renderer = new PaintRenderer(
        doc.defaultView as Window & typeof globalThis,
        options.style,
      );
    } else {
      this.renderer = this.wrapper = new WrapRenderer(doc, options.style);
    }
    this.policy = new UnderlinePolicy(doc, options.density);
    this.occurrences.onStale = (_node, gone) => this.forget(gone);
    this.queue = new ScanQueue(doc);
    // The whole document, not <body>: Turbo-style navigation swaps in a new body.
    this.observer = new PageObserver(
      doc.documentElement,
      (c) => this.changed(c),
      (n) => this.wrapper?.highlighter.owns(n) ?? false,
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

  /** Stop for good and leave the page as it was. */
  stop(): void {
    this.aborter.abort();
    this.observer.quiet(() => this.renderer.clear());
    this.observer.stop();
    this.queue.clear();
    this.found = [];
    this.occurrences.clear();
    this.gone = [];
    this.settle();
    this.onChange?.();
  }

  /** Apply new options: restyle in place, or start over when what is shown changes. */
  update(options: HighlightOptions): void {
    const again =
      options.density !== this.options.density ||
      [...options.hiddenTerms].join() !== [...this.options.hiddenTerms].join();
    this.options = options;
    this.observer.quiet(() => this.renderer.setStyle(options.style));
    if (!again) return;
    this.observer.quiet(() => this.renderer.clear());
    this.occurrences.clear();
    this.gone = [];
    this.policy.reset(options.density);
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
    if (this.queue.empty && !this.found.length && !this.runner.pending && !this.sweepDue)
      return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private settle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Mentions per term on the page, underlined or not. */
  counts(): Map<string, number> {
    return this.occurrences.counts();
  }

  /** Every mention still on the page, in document order. */
  mentions(): readonly Occurrence[] {
    this.sweep();
    return this.occurrences.all();
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
      // Its own RegExp, so candidate()'s shared one keeps its state. V8 keeps the compiled
      // code by source and flags, so this costs no second compile.
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
    return !this.options.hiddenTerms.has(termId);
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

  /** Text nodes never scanned: in wrap mode ours and the ones the page fights over. */
  private skip = (node: Text): boolean => this.wrapper?.skip(node) ?? false;

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
    this.sweep();
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
      this.flush(shouldYield);
      if (this.contextLate) {
        this.contextLate = false;
        this.queue.add(this.doc.body);
      }
    }
    const more = !this.queue.empty || this.found.length > 0 || this.sweepDue;
    if (!more) this.settle();
    return more;
  }

  /** Writes found nodes, a chunk at a time, until the write budget of this slice is spent. */
  private flush(shouldYield: ShouldYield): void {
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
      // Counts (the badge) follow each chunk, as the mentions appear.
      // Painting writes nothing to the page: only wrapping's marks need the observer off.
      const write = () => this.writeNodes(chunk);
      if (this.wrapper ? this.observer.quiet(write) : write()) this.onChange?.();
    } while (i < found.length && !shouldYield(WRITE_SLICE_MS));
    this.found = i < found.length ? found.slice(i) : [];
    if (held) this.found.push(held);
    if (!this.found.length) this.stale = false;
    else this.foundAt = this.host.performance.now();
  }

  /** Finds and shows the mentions in `nodes`; true if any node's mentions changed. */
  private writeNodes(nodes: readonly Text[]): boolean {
    let any = false;
    for (const node of nodes) if (this.scanNode(node)) any = true;
    return any;
  }

  /** The mentions of one text node, as occurrences, handed to the renderer. */
  private scanNode(node: Text): boolean {
    const before = this.occurrences.delete(node);
    this.forget(before);
    const data = node.data;
    const list: Occurrence[] = [];
    let section: object | undefined;
    let quiet = false;
    // The matcher's own spans: its loop over the pattern, one term id per surface.
    for (const { start, end, termId } of this.matcher.match(data)) {
      const surface = data.slice(start, end);
      if (!this.accept(termId, surface)) continue;
      if (!section) {
        section = this.policy.sectionOf(node);
        quiet = this.policy.quiet(node);
      }
      const shown = this.policy.claim(termId, section, quiet);
      list.push({ node, start, end, termId, shown, section });
    }
    if (!list.length) return before.length > 0;
    const moved = this.renderer.show(node, list);
    if (moved) for (const m of moved) this.occurrences.set(m.node, m.data, m.list);
    else this.occurrences.set(node, data, list);
    return true;
  }

  /** Occurrences whose text went away: no longer shown, and no longer their section's first. */
  private forget(list: readonly Occurrence[]): void {
    if (!list.length) return;
    this.renderer.forget(list);
    for (const o of list) if (o.shown) this.policy.release(o.termId, o.section);
  }

  /**
   * Forgets occurrences whose text the page removed or changed (and those inside what
   * became an editor), so none outlives its text and no removed node is kept alive.
   */
  private sweep(): void {
    if (!this.sweepDue) return;
    this.sweepDue = false;
    const editors = this.editors;
    const gone = this.gone;
    this.editors = [];
    this.gone = [];
    const dropped =
      gone && !editors.length
        ? this.occurrences.sweepUnder(gone)
        : this.occurrences.sweep(
            editors.length
              ? (n) => editors.some((e) => e.contains(n)) && isExcluded(n.parentElement)
              : undefined,
          );
    if (dropped) this.onChange?.();
  }

  private changed(changes: PageChanges): void {
    if (this.aborter.signal.aborted || !this.alive()) return;
    const { added, editable, removed } = changes;
    // The text seen at start() is no longer the page's: walk on reading each node.
    this.queue.dropHints();
    if (this.found.length) this.stale = true;
    // Headings may have come or gone.
    this.policy.stale();
    if (removed) {
      this.sweepDue = true;
      // One at a time: a spread of a page's 100,000 removed nodes overflows the stack.
      if (this.gone) for (const n of changes.gone) this.gone.push(n);
    }
    let rescan: Text[] = [];
    if (this.wrapper) {
      const repaired = this.wrapper.repair(changes);
      // What repair removed is ours: not news for the next batch.
      this.observer.discard();
      if (repaired.changed) {
        this.sweepDue = true;
        this.gone = null;
      }
      if (repaired.giveUp) {
        // The page keeps undoing us: leave it alone rather than fight it.
        this.observer.stop();
        this.queue.clear();
        this.sweepDue = true;
        this.gone = null;
        this.runner.schedule();
        return;
      }
      rescan = repaired.rescan;
    }
    for (const el of editable) {
      if (isExcluded(el)) {
        // Nothing is marked inside an editor.
        this.editors.push(el);
        this.sweepDue = true;
      } else if (el.isConnected && this.started) this.queue.add(el);
    }
    const fresh = added.filter((n) => !(this.wrapper?.highlighter.owns(n) && n.nodeType === 3));
    if (!this.started) {
      if (this.sweepDue) this.runner.schedule();
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
    for (const n of rescan) this.queue.add(n);
    // New text can bring the context words that make an ambiguous acronym safe to mark.
    if (text && this.contextArrived(text)) this.queue.add(this.doc.body);
    if (!this.queue.empty || this.sweepDue) this.runner.schedule();
  }

  /** Could a term start anywhere in this text (of one node or many)? */
  private couldHoldTerm(text: string): boolean {
    const scan = this.matcher.scanAnchors(text);
    return !scan || scan.anyIn(0, text.length);
  }
}
