/** Which document of a tab the keyboard is in, and which frame element shows a frame. */

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

/**
 * Where `win` is among the tab's frames: its index in its parent's `frames`, after its
 * parent's in the grandparent's, from the top-level window down ([] for the top). Only
 * what any window may read of another, whatever its origin (`parent`, `frames`, identity),
 * so it holds for cross-site and sandboxed frames, frames inside frames, and frames that
 * navigated away from their element's `src`. null if `win` is not found in its parent's
 * frames (it is being removed).
 */
export function framePath(win: Window): number[] | null {
  const path: number[] = [];
  for (let w = win; w !== w.parent; w = w.parent) {
    const siblings = w.parent.frames;
    let index = -1;
    for (let i = 0; i < siblings.length; i++)
      if (siblings[i] === w) {
        index = i;
        break;
      }
    if (index < 0) return null;
    path.unshift(index);
  }
  return path;
}

/**
 * The element in `roots` (a document and its open shadow roots) that shows the frame
 * `child` (one of the document's window's `frames`), or null.
 */
export function frameElementOf(roots: Iterable<ParentNode>, child: Window | null): Element | null {
  if (!child) return null;
  for (const root of roots)
    for (const el of root.querySelectorAll('iframe, frame'))
      if ((el as HTMLIFrameElement).contentWindow === child) return el;
  return null;
}
