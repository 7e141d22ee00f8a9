/** Which document of a tab the keyboard is in: the one whose commands move through terms. */

/** Elements that hold another document: focus inside one is that document's. */
const FRAME_ELEMENTS = new Set(['iframe', 'frame', 'object', 'embed']);

/**
 * Whether the reader's keyboard is in this document: it has focus and its focused
 * element is not a frame (whose own document then has it). The top-level page also
 * answers yes when no document of the tab has focus, so a command is never lost.
 */
export function focusIsHere(doc: Document, isTop: boolean): boolean {
  const focused = doc.hasFocus();
  if (focused && FRAME_ELEMENTS.has(doc.activeElement?.localName ?? '')) return false;
  return focused || isTop;
}
