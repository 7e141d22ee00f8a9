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
 * The page's frame element showing `url` (a frame's address as the browser reports it):
 * `about:srcdoc` is a frame with a `srcdoc`, `about:blank` one without an address. The
 * first such element, or null (a frame that navigated elsewhere, or one inside another).
 */
export function frameElementAt(doc: ParentNode, url: string): Element | null {
  for (const el of doc.querySelectorAll('iframe, frame')) {
    const frame = el as HTMLIFrameElement;
    const srcdoc = frame.hasAttribute('srcdoc');
    if (url === 'about:srcdoc' ? srcdoc : !srcdoc && (frame.src || 'about:blank') === url)
      return el;
  }
  return null;
}
