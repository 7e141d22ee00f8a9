import { createIdleRunner, type IdleHost, type ShouldYield } from '@/lib/idle';
import type { Matcher } from '@/lib/matcher';
import type { Density } from '@/lib/settings';
import { TOPIC_WINDOW } from '@/content/topic';
import { pageTopicReader, TopicGate } from '@/lib/topic';
import { ContextGate } from './context-gate';
import { UnderlinePolicy, type Claims } from './density';
import { PageObserver, type PageChanges } from './observe';
import { addOverlaps } from './overlap-mentions';
import { Occurrences, type Occurrence } from './occurrences';
import type { Renderer } from './render';
import { isExcluded, markable, readableText, ScanQueue } from './scan';

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

/** A root a scanner covers: a document, a shadow root, or a reader's text-layer element. */
export type ScanRoot = Document | ShadowRoot | Element;

/** What a root's scanner is given by the tab: shared by every root of the tab. */
export interface ScannerDeps {
  matcher: Matcher;
  renderer: Renderer;
  host: IdleHost;
  density: Density;
  hiddenTerms: ReadonlySet<string>;
  /** The tab's lifetime: when it aborts the scanner stops (the renderer clears itself). */
  signal: AbortSignal;
  /** Mentions were found or forgotten (counts, the badge, the panels). */
  onChange(): void;
  /**
   * The rest of the page's text, read after the root's own by the context rule and the
   * topic gate: a shadow root (a comment widget) is not judged alone, nor the document
   * without the roots that hold its prose.
   */
  around?(): readonly Node[];
  /** Are mentions here underlined? (Not in a page's shadow tree under the wrap renderer.) */
  underline?: boolean;
  /** Which terms are underlined where, shared by the tab's roots ('first': once per page). */
  claims?: Claims;
  /** The page added these nodes here (shadow hosts may be among them). */
  added?(nodes: readonly Node[]): void;
  /** The page removed nodes here (a shadow host may have gone). */
  removed?(): void;
}

/** Where a root's text is read from (a document's body) and where changes are watched. */
function textOf(root: ScanRoot): Node {
  return root.nodeType === 9
    ? ((root as Document).body ?? (root as Document).documentElement)
    : root;
}
/** A document is watched whole: Turbo-style navigation swaps in a new body. */
function watchedOf(root: ScanRoot): Node {
  return root.nodeType === 9 ? (root as Document).documentElement : root;
}

/**
 * Scans one root: a cheap first check, the walk in idle slices, then only what the page
 * adds or changes there. Scanning yields occurrences (plain data, `occurrences`), which
 * the tab's renderer shows. Stops when the tab's signal aborts.
 */
export class RootScanner {
  readonly occurrences = new Occurrences();
  private readonly doc: Document;
  private readonly policy: UnderlinePolicy;
  private readonly gate: ContextGate;
  /** Shared forms need a root about the body (lib/topic.ts). */
  private readonly topic: TopicGate;
  private readonly queue: ScanQueue;
  private readonly observer: PageObserver;
  private readonly runner: ReturnType<typeof createIdleRunner>;
  private hiddenTerms: ReadonlySet<string>;
  /** The page removed or changed text since the last sweep of the occurrences. */
  private sweepDue = false;
  /**
   * What the page removed or whose text it changed since the last sweep (null: look at
   * every occurrence, after the renderer's own repairs or an editor).
   */
  private gone: Node[] | null = [];
  /** Elements that became editors since the last sweep. */
  private editors: Element[] = [];
  private idleWaiters: (() => void)[] = [];
  /** Has the matcher built what naming a match's term needs? (before the first write) */
  private prepared = false;
  /** The first check found the root worth walking. */
  private started = false;
  /** Text nodes the walk found to hold a term, in document order, not yet written. */
  private found: Text[] = [];
  /** When the oldest of `found` was found. */
  private foundAt = 0;
  /** The page changed since `found` was collected: check each node again before writing. */
  private stale = false;
  /** Stops this root alone (its host left the page), the tab going on. */
  private readonly halt = new AbortController();

  constructor(
    readonly root: ScanRoot,
    private readonly deps: ScannerDeps,
  ) {
    this.doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
    this.hiddenTerms = deps.hiddenTerms;
    this.policy = new UnderlinePolicy(root, deps.density, deps.claims);
    this.gate = new ContextGate(deps.matcher, {
      page: () =>
        this.context()
          .map((n) => n.textContent ?? '')
          .join(' '),
      pending: () => this.found.map((n) => n.data),
    });
    this.topic = new TopicGate(pageTopicReader(deps.matcher), () => {
      // The root's own prose first: the window then holds it, whatever the page around.
      let text = '';
      for (const n of this.context()) {
        if (text.length >= TOPIC_WINDOW) break;
        text += (text ? ' ' : '') + readableText(n, TOPIC_WINDOW - text.length);
      }
      return text;
    });
    this.queue = new ScanQueue(this.doc);
    const writes = deps.renderer.writes;
    this.observer = new PageObserver(
      watchedOf(root),
      (c) => this.changed(c),
      (n) => writes?.owns(n) ?? false,
    );
    this.runner = createIdleRunner(deps.host, (y) => this.step(y), {
      signal: AbortSignal.any([deps.signal, this.halt.signal]),
    });
    // Not kept by the tab's signal once this root stopped alone: nothing of it is retained.
    deps.signal.addEventListener('abort', () => this.stopped(), {
      once: true,
      signal: this.halt.signal,
    });
  }

  /** The root's text, then the page's around it (the context rule and topic gate read these). */
  private context(): Node[] {
    return [textOf(this.root), ...(this.deps.around?.() ?? [])];
  }

  /** Has this root stopped (the tab turned off, or the root left the page)? */
  private get ended(): boolean {
    return this.deps.signal.aborted || this.halt.signal.aborted;
  }

  /**
   * The root left the page (its shadow host was removed): stop watching it, stop showing
   * its mentions and forget them, while the tab goes on. Nothing of it is kept.
   */
  stop(): void {
    if (this.ended) return;
    this.halt.abort();
    const shown = this.occurrences.all();
    this.observer.stop();
    this.forget(shown);
    this.stopped();
    // Its headings go with it (the claims are the tab's: released above, one by one).
    this.policy.stale();
  }

  /** First check and the first walk; watching starts at once, so nothing added is missed. */
  start(): void {
    if (this.ended) return;
    this.observer.start();
    // The one cheap check: where in the root's text could a term start? (The anchors as
    // word starts: a word may run on from one node into the next.) Most pages with no
    // term stop here, before the full pattern is ever compiled.
    const node = textOf(this.root);
    const text = node.textContent ?? '';
    const hint = this.deps.matcher.scanAnchors(text);
    if (hint && !hint.anyIn(0, text.length)) return;
    this.started = true;
    // The walk reads only the nodes where the root's text says a term may start.
    this.queue.add(node, hint ?? undefined);
    this.runner.schedule();
  }

  /** Reads the root again from the start with new density or hidden terms. */
  restart(density: Density, hiddenTerms: ReadonlySet<string>): void {
    this.hiddenTerms = hiddenTerms;
    this.occurrences.clear();
    this.gone = [];
    this.policy.reset(density);
    this.gate.reset();
    this.topic.reset();
    this.queue.clear();
    this.found = [];
    if (this.started) {
      this.queue.add(textOf(this.root));
      this.runner.schedule();
    }
  }

  /** Runs the renderer's writes in this root with the observer quiet (our own changes). */
  quiet<T>(fn: () => T): T {
    return this.deps.renderer.writes ? this.observer.quiet(fn) : fn();
  }

  /** Resolves once every queued walk, write and sweep of this root is done. */
  whenIdle(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private get idle(): boolean {
    return this.queue.empty && !this.found.length && !this.runner.pending && !this.sweepDue;
  }

  /** The tab's signal aborted: stop watching and forget everything found. */
  private stopped(): void {
    this.observer.stop();
    this.queue.clear();
    this.found = [];
    this.occurrences.clear();
    this.gone = [];
    this.settle();
  }

  private settle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Every mention still in the root, in document order (stale ones swept first). */
  mentions(): readonly Occurrence[] {
    this.sweep();
    return this.occurrences.all();
  }

  private accept(termId: string, surface: string): boolean {
    return (
      this.gate.allows(termId, surface) &&
      this.topic.allows(surface) &&
      !this.hiddenTerms.has(termId)
    );
  }

  /** Text nodes never read: those the renderer answers for (its own, or left alone). */
  private skip = (node: Text): boolean => this.deps.renderer.writes?.skip(node) ?? false;

  private mayHold = (text: string): boolean => this.deps.matcher.mayHold(text);

  /**
   * One slice: read first (walk and test, no DOM change, so the page has nothing to lay
   * out), then write what was found in as few slices as possible: when the walk is done,
   * or once hits have waited WRITE_AFTER_MS (a very long page).
   */
  private step(shouldYield: ShouldYield): boolean {
    const { host } = this.deps;
    this.sweep();
    while (!this.queue.empty && !shouldYield()) {
      const hits = this.queue.take(this.mayHold, this.skip, shouldYield);
      if (!hits.length) continue;
      if (!this.found.length) this.foundAt = host.performance.now();
      for (const hit of hits) this.found.push(hit);
    }
    if (
      this.found.length &&
      (this.queue.empty || host.performance.now() - this.foundAt >= WRITE_AFTER_MS)
    ) {
      // Naming each match's term needs the matcher's surface index: built in a slice of its
      // own, and only on pages that have something to show.
      if (!this.prepared) {
        this.prepared = true;
        this.deps.matcher.prepare();
        return true;
      }
      this.flush(shouldYield);
      if (this.gate.takeLate()) this.queue.add(textOf(this.root));
    }
    const more = !this.queue.empty || this.found.length > 0 || this.sweepDue;
    if (!more) this.settle();
    return more;
  }

  /** Shows found nodes' mentions, a chunk at a time, until this slice's write budget is spent. */
  private flush(shouldYield: ShouldYield): void {
    // The walk stands on the last node it found: written now, a renderer's new nodes would
    // come next in its way (and a hinted walk would count that text twice). It waits.
    const held = this.found.at(-1) === this.queue.position ? this.found.pop() : undefined;
    let i = 0;
    const { found } = this;
    do {
      let chunk = found.slice(i, i + WRITE_CHUNK);
      i += WRITE_CHUNK;
      // The page moved or changed nodes since the walk: what is excluded now stays unshown.
      if (this.stale) chunk = chunk.filter((n) => n.isConnected && markable(n, this.skip));
      if (!chunk.length) continue;
      // Counts (the badge) follow each chunk, as the mentions appear.
      if (this.quiet(() => this.scanNodes(chunk))) this.deps.onChange();
    } while (i < found.length && !shouldYield(WRITE_SLICE_MS));
    this.found = i < found.length ? found.slice(i) : [];
    if (held) this.found.push(held);
    if (!this.found.length) this.stale = false;
    else this.foundAt = this.deps.host.performance.now();
  }

  /** Finds and shows the mentions in `nodes`; true if any node's mentions changed. */
  private scanNodes(nodes: readonly Text[]): boolean {
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
    for (const { start, end, termId } of this.deps.matcher.match(data)) {
      if (!this.accept(termId, data.slice(start, end))) continue;
      if (!section) {
        section = this.policy.sectionOf(node);
        quiet = this.deps.underline === false || this.policy.quiet(node);
      }
      const shown = this.policy.claim(termId, section, quiet);
      list.push({ node, start, end, termId, shown, section });
    }
    if (!list.length) return before.length > 0;
    addOverlaps(this.deps.matcher, node, list, (id, surface) => this.accept(id, surface));
    for (const p of this.deps.renderer.show(node, list))
      this.occurrences.set(p.node, p.data, p.list);
    return true;
  }

  /** Occurrences whose text went away: no longer shown, and no longer their section's first. */
  private forget(list: readonly Occurrence[]): void {
    if (!list.length) return;
    this.deps.renderer.drop(list);
    for (const o of list) if (o.shown) this.policy.release(o.termId, o.section);
  }

  /**
   * Forgets occurrences whose text the page removed or changed (and those inside what
   * became an editor), so none outlives its text and no removed node is kept alive.
   */
  private sweep(): void {
    if (!this.sweepDue) return;
    this.sweepDue = false;
    const { editors, gone } = this;
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
    if (!dropped.length) return;
    this.quiet(() => {
      for (const list of dropped) this.forget(list);
    });
    this.deps.onChange();
  }

  private changed(changes: PageChanges): void {
    if (this.ended) return;
    const { added, editable, removed } = changes;
    if (removed) this.deps.removed?.();
    if (added.length) this.deps.added?.(added);
    // Told of, a removal may have ended this root (its host went with what was removed).
    if (this.ended) return;
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
    const writes = this.deps.renderer.writes;
    if (writes) {
      const repaired = writes.repair(changes);
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
        // Nothing is shown inside an editor.
        this.editors.push(el);
        this.sweepDue = true;
      } else if (el.isConnected && this.started) this.queue.add(el);
    }
    const fresh = writes ? added.filter((n) => !(n.nodeType === 3 && writes.owns(n))) : added;
    if (!this.started) {
      if (this.sweepDue) this.runner.schedule();
      // The first check found no place for a term: the page may bring one now (an app
      // shell filling in, a feed, a navigation). Until it does, nothing is queued or kept.
      const text = fresh.map((n) => n.textContent ?? '').join(' ');
      if (!text || !this.couldHoldTerm(text)) return;
      this.started = true;
    }
    let text = '';
    const waiting = this.gate.waiting || this.topic.waiting;
    for (const n of fresh) {
      this.queue.add(n);
      if (waiting) text += ' ' + (n.textContent ?? '');
    }
    for (const n of rescan) this.queue.add(n);
    // New text can bring the context words that make an ambiguous acronym safe to show, or
    // make the root one about the body, where shared forms are shown: both hear it.
    const grew = text ? [this.gate.arrived(text), this.topic.arrived(text)] : [];
    if (grew.includes(true)) this.queue.add(textOf(this.root));
    if (!this.queue.empty || this.sweepDue) this.runner.schedule();
  }

  /** Could a term start anywhere in this text (of one node or many)? */
  private couldHoldTerm(text: string): boolean {
    const scan = this.deps.matcher.scanAnchors(text);
    return !scan || scan.anyIn(0, text.length);
  }
}
