/**
 * Experiments on a product PageController instance: each patch replaces one method with
 * the proposed version, reaching the private fields it needs through a cast. The methods
 * are otherwise copied from controller.ts / highlight.ts; where they differ is commented.
 */
import type { PageController } from '@/entrypoints/highlighter.content/controller';
import { STYLE_ATTR, TERM_ATTR, type Accept } from '@/entrypoints/highlighter.content/highlight';
import type { ShouldYield } from '@/lib/idle';
import type { Matcher } from '@/lib/matcher';

interface QueueLike {
  readonly empty: boolean;
  add(root: Node): void;
  clear(): void;
  take(
    test: (text: string) => boolean,
    skip: (node: Text) => boolean,
    shouldYield: ShouldYield,
  ): Text[];
}

interface GroupLike {
  head: Text;
  original: string;
  headText: string;
  derived: ChildNode[];
  parent: Node;
}

interface HighlighterInternals {
  wrap(nodes: readonly Text[], pattern: RegExp, accept: Accept): HTMLElement[];
  groupOf: WeakMap<Node, GroupLike>;
  termOf: WeakMap<Element, string>;
  termIdOf: (surface: string) => string | undefined;
  style: string;
  doc: Document;
  record(group: GroupLike): void;
}

interface ControllerInternals {
  activate(text: string): boolean;
  step(shouldYield: ShouldYield): boolean;
  settle(): void;
  alive(): boolean;
  candidate: (text: string) => boolean;
  skip: (node: Text) => boolean;
  accept: Accept;
  onChange: (() => void) | undefined;
  pattern: RegExp | null;
  probe: RegExp | null;
  startText: string | undefined;
  active: Set<string>;
  matcher: Matcher;
  queue: QueueLike;
  observer: { quiet<T>(fn: () => T): T };
  highlighter: HighlighterInternals;
}

const internals = (c: PageController) => c as unknown as ControllerInternals;

/**
 * One compiled RegExp for the probe: the product builds `new RegExp(source, 'u')` beside
 * the 'gu' pattern, and V8 compiles each (source, flags) pair separately. A 'gu' RegExp of
 * the same source hits V8's regexp cache; test() resets lastIndex first.
 */
export function patchOneRegExp(controller: PageController): void {
  const c = internals(controller);
  c.activate = function (this: ControllerInternals, text: string): boolean {
    if (!this.matcher.prefilter.test(text)) return false;
    const ids = this.matcher.activeIds(text);
    let grew = false;
    for (const id of ids) {
      if (!this.active.has(id)) {
        this.active.add(id);
        grew = true;
      }
    }
    if (!grew) return false;
    this.pattern = this.matcher.pattern(this.active);
    const probe = this.pattern && new RegExp(this.pattern.source, this.pattern.flags);
    if (probe) {
      const test = probe.test.bind(probe);
      probe.test = (s: string) => ((probe.lastIndex = 0), test(s));
    }
    this.probe = probe;
    return this.pattern !== null;
  };
}

/**
 * Highlighter.wrap without mark.js: one exec loop per text node and one fragment insert,
 * leaving the same nodes mark.js leaves (head, then a mark and a text node per match, the
 * last one possibly empty), so record(), repair() and unhighlight() work unchanged.
 * mark.js instead builds a DOMIterator over the node list (getContexts: a contains() check
 * of every context against every other, O(n²)), one NodeIterator per node, and splits with
 * two splitText() and a replaceChild() per match.
 */
export function patchDirectWrap(controller: PageController): void {
  const h = internals(controller).highlighter;
  h.wrap = function (this: HighlighterInternals, nodes, pattern, accept) {
    const made: HTMLElement[] = [];
    const doc = this.doc;
    for (const head of nodes) {
      if (this.groupOf.has(head) || !head.parentNode) continue;
      const original = head.data;
      let frag: DocumentFragment | null = null;
      let cut = -1;
      let last = 0;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(original); m; m = pattern.exec(original)) {
        if (!m[0]) {
          pattern.lastIndex++;
          continue;
        }
        const termId = this.termIdOf(m[0]);
        if (termId === undefined || !accept(termId)) continue;
        frag ??= doc.createDocumentFragment();
        if (cut < 0) cut = m.index;
        else frag.append(doc.createTextNode(original.slice(last, m.index)));
        const mark = doc.createElement('mark');
        mark.setAttribute(TERM_ATTR, termId);
        mark.setAttribute(STYLE_ATTR, this.style);
        mark.textContent = m[0];
        this.termOf.set(mark, termId);
        frag.append(mark);
        made.push(mark);
        last = m.index + m[0].length;
      }
      if (!frag) continue;
      frag.append(doc.createTextNode(original.slice(last)));
      head.data = original.slice(0, cut);
      head.after(frag);
      this.record({ head, original, headText: '', derived: [], parent: head.parentNode });
    }
    return made;
  };
}

/**
 * Scan in idle slices without touching the page, then write: each slice that changes the
 * DOM costs a style, layout and paint of the whole document in the next frame (tens of ms
 * on page (a) even for one changed paragraph), so N writing slices cost N full layouts.
 * The first slice writes at once (the top of the page: the viewport gets its marks), then
 * hits are kept until the walk is done and written in as few slices as the time budget
 * allows. wrap() re-reads each node's text, so a node the page changed meanwhile is
 * matched as it is now.
 */
export function patchBatchedWrites(controller: PageController): void {
  const c = internals(controller);
  let buffered: Text[] = [];
  let wrote = false;
  c.step = function (this: ControllerInternals, shouldYield: ShouldYield): boolean {
    // As in controller.ts: the first slice only builds and compiles the pattern.
    if (this.startText !== undefined && this.alive()) {
      const text = this.startText;
      this.startText = undefined;
      this.activate(text);
      return true;
    }
    const { pattern, probe } = this;
    if (!pattern || !probe || !this.alive()) {
      this.queue.clear();
      this.settle();
      return false;
    }
    let made = 0;
    const write = (hits: Text[]) =>
      this.observer.quiet(() => this.highlighter.wrap(hits, pattern, this.accept)).length;
    while (!this.queue.empty && !shouldYield()) {
      buffered.push(...this.queue.take(this.candidate, this.skip, shouldYield));
      if (!wrote && buffered.length) break;
    }
    if (buffered.length && (!wrote || this.queue.empty)) {
      wrote = true;
      // Chunks of 64 nodes until the slice is used up; the rest waits for the next slice.
      let i = 0;
      do {
        made += write(buffered.slice(i, i + 64));
        i += 64;
      } while (i < buffered.length && !shouldYield());
      buffered = buffered.slice(i);
    }
    if (made) this.onChange?.();
    const more = !this.queue.empty || buffered.length > 0;
    if (!more) this.settle();
    return more;
  };
}
