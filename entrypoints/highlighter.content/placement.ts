import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';

/** Widest the tooltip gets, in px: not rem, which the page's root font size would set. */
const MAX_WIDTH = 352;

/** What a tooltip points at: a mention's text (or a selection), wherever and however it is drawn. */
export interface Anchor {
  /** The same mention gives the same key. */
  readonly key: object;
  /** The element the text sits in (for scroll and resize tracking). */
  readonly element: Element;
  /** The text's line boxes now, one per line. */
  rects(): DOMRectList | DOMRect[];
  bounding(): DOMRect;
  /** Is the text still on the page, as it was? */
  present(): boolean;
}

/**
 * Keeps `layer` placed by `anchor` (below it, flipped or shifted to fit, sized to the room
 * there is) while the page scrolls, resizes or moves the text; `gone` is called once the
 * text is no longer there. A term wrapped over two lines gets the tooltip at the line
 * `line` (the one the pointer opened it on). Returns how to place it again now (its
 * content changed) and how to stop.
 */
export function follow(
  anchor: Anchor,
  layer: HTMLElement,
  line: number | undefined,
  gone: () => void,
): { update(): void; stop(): void } {
  // One reference object for Floating UI: the text's boxes, read fresh each time.
  const reference = {
    getBoundingClientRect: () => anchor.bounding(),
    getClientRects: () => anchor.rects(),
    contextElement: anchor.element,
  };
  let stopped = false;
  const place = async () => {
    if (stopped) return;
    // The page removed or rewrote the text (a re-render, or the term was hidden).
    if (!anchor.present()) return gone();
    const { x, y } = await computePosition(reference, layer, {
      strategy: 'fixed',
      placement: 'bottom',
      middleware: [
        // The centre of the line the pointer opened it on, now: right after scrolling too.
        inline(lineCentre(anchor, line)),
        offset(8),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply: ({ availableWidth, availableHeight }) => {
            layer.style.maxWidth = `${Math.max(0, Math.min(MAX_WIDTH, Math.floor(availableWidth)))}px`;
            // All the room there is, even when that is little (a landscape phone, 256 px
            // tall): the layer scrolls rather than run off the screen.
            layer.style.maxHeight = `${Math.max(0, Math.floor(availableHeight))}px`;
            layer.style.overflowY = 'auto';
          },
        }),
      ],
    });
    if (stopped) return;
    layer.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  };
  const stop = autoUpdate(reference, layer, () => void place());
  return {
    update: () => void place(),
    stop: () => {
      stopped = true;
      stop();
    },
  };
}

/** Index of the anchor's line box (client rect) under `point`, if it has several. */
export function lineAt(anchor: Anchor, point: { x: number; y: number }): number | undefined {
  const rects = anchor.rects();
  if (rects.length < 2) return undefined;
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom)
      return i;
  }
  return undefined;
}

/** The current centre of line `index` of a wrapped term, for Floating UI's `inline()`. */
function lineCentre(anchor: Anchor, index: number | undefined): { x?: number; y?: number } {
  if (index === undefined) return {};
  const r = anchor.rects()[index];
  return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : {};
}
