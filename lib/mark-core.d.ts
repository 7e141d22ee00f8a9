/**
 * mark.js's own class (node_modules/mark.js/src/lib/mark.js). The package's main export
 * wraps it in a facade that hides its protected `iterator`, the one part highlight.ts
 * replaces (see NodeListMark there); everything else is mark.js as published.
 */
declare module 'mark.js/src/lib/mark.js' {
  import type Mark from 'mark.js';

  export default class MarkCore {
    constructor(context: HTMLElement | HTMLElement[]);
    markRegExp(regexp: RegExp, options?: Mark.MarkRegExpOptions): void;
    markRanges(ranges: readonly Mark.Range[], options?: Mark.MarkRangesOptions): void;
    /** Walks the context's text nodes for mark.js (a DOMIterator). */
    protected get iterator(): unknown;
  }
}
