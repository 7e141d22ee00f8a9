import type { Occurrence } from './occurrences';

export type MarkStyle = 'underline' | 'background' | 'none';

/** Where the wrap renderer moved a node's occurrences (into the pieces it split it into). */
export interface Moved {
  node: Text;
  data: string;
  list: Occurrence[];
}

/**
 * Shows occurrences on the page. Two kinds: `paint` (the CSS Custom Highlight API: the
 * page's DOM is never touched) and `wrap` (mark.js elements, the fallback where the
 * browser does not paint highlights, or by choice).
 */
export interface Renderer {
  readonly kind: 'paint' | 'wrap';
  /**
   * Shows the underlined ones of `list` (all found in `node`, by start). Returns where
   * they are now when the renderer moved them into nodes of its own, else null.
   */
  show(node: Text, list: Occurrence[]): Moved[] | null;
  /** Stops showing occurrences whose text is gone or changed. */
  forget(list: readonly Occurrence[]): void;
  setStyle(style: MarkStyle): void;
  /** The mention under the pointer or with the tooltip open, if any. */
  hover(o: Occurrence | undefined): void;
  /** Lights up one mention for a moment ("This page" → a term). */
  flash(o: Occurrence): void;
  /** Puts back what the page took from us (a cleared highlight registry). */
  check(): void;
  /** Removes everything shown: the page is as it was. */
  clear(): void;
}
