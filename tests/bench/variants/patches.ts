/**
 * Experiments on a product PageController instance: each patch replaces one method with
 * the proposed version, reaching the private fields it needs through a cast.
 */
import type { PageController } from '@/entrypoints/highlighter.content/controller';
import { STYLE_ATTR, TERM_ATTR, type Accept } from '@/entrypoints/highlighter.content/highlight';

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
  highlighter: HighlighterInternals;
}

const internals = (c: PageController) => c as unknown as ControllerInternals;

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
        if (termId === undefined || !accept(termId, m[0])) continue;
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
