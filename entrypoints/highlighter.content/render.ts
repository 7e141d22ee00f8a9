import type { MarkStyle, RendererKind } from '@/lib/settings';
import type { PageChanges } from './observe';
import type { Occurrence } from './occurrences';

/** Where a text node's occurrences are once shown: in a node, found in that text. */
export interface Placed {
  node: Text;
  data: string;
  list: Occurrence[];
}

/** What a renderer that writes the page made of a batch of page changes. */
export interface Repaired {
  /** Page text nodes to read again (their owner rewrote them). */
  rescan: Text[];
  /** Did anything the renderer wrote change (every occurrence needs a sweep)? */
  changed: boolean;
  /** The page keeps undoing the renderer: stop watching it. */
  giveUp: boolean;
}

/**
 * What a renderer that writes into the page answers for. Only such a renderer has one
 * (`Renderer.writes`); the scanner asks it and never asks which renderer it is.
 */
export interface PageWrites {
  /** Is this a node the renderer made or split (its own write, not the page's news)? */
  owns(node: Node): boolean;
  /** Text the scanner must not read: the renderer's own, or text it leaves alone. */
  skip(node: Text): boolean;
  /** Repairs what a batch of page changes did to its writes (run with the observer quiet). */
  repair(changes: PageChanges): Repaired;
}

/**
 * Shows occurrences on the page. Two kinds: `paint` (the CSS Custom Highlight API: the
 * page's DOM is never touched) and `wrap` (mark.js elements, the fallback where the
 * browser does not paint highlights, or by choice).
 */
export interface Renderer {
  readonly kind: RendererKind;
  /**
   * Shows the underlined ones of `list` (all found in `node`, by start). Returns where
   * they are now: in `node`, or in nodes of the renderer's own that it moved them into.
   */
  show(node: Text, list: Occurrence[]): Placed[];
  /** Stops showing occurrences whose text is gone or changed. */
  drop(list: readonly Occurrence[]): void;
  setStyle(style: MarkStyle): void;
  /**
   * The mention under the pointer or with the tooltip open, if any; asked after every
   * hit-test, so a renderer also puts back there what the page took from it.
   */
  hover(o: Occurrence | undefined): void;
  /** Lights up one mention for a moment ("This page" → a term). */
  flash(o: Occurrence): void;
  /** Removes everything shown: the page is as it was. */
  clear(): void;
  /** Present when the renderer writes into the page: its writes, answered for. */
  readonly writes?: PageWrites;
}
