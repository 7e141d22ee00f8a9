import type { PageController } from './controller';
import { anchorOf, occurrenceAt } from './hit-test';
import { rangeOf, type Occurrence } from './occurrences';
import type { TooltipHost } from './tooltip-host';

export type Trigger = 'hover' | 'alt-hover' | 'click';

/** Hover intent: how long the pointer rests on a term before its tooltip opens. */
export const OPEN_DELAY = 300;
/** Grace period to travel between a term and its tooltip (SC 1.4.13: hoverable). */
export const CLOSE_DELAY = 350;

/**
 * One set of listeners on the window for every mention on the page: there are no
 * elements to listen on. The pointer is hit-tested against the occurrences (at most once
 * per animation frame, and only while the page has some), the keyboard moves through
 * them in document order. Only trusted events count: a page script cannot open, move or
 * close our tooltip by dispatching synthetic events.
 */
export function listen(
  win: Window,
  getController: () => PageController | undefined,
  tooltip: TooltipHost,
  getTrigger: () => Trigger,
  signal: AbortSignal,
): { moveTo(direction: 1 | -1): void; reveal(termId: string): boolean } {
  const doc = win.document;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The mention under the pointer (after the last hit-test). */
  let hovered: Occurrence | undefined;
  /** The mention whose tooltip waits for the open delay. */
  let pending: Occurrence | undefined;
  /** Is the pointer over the tooltip? */
  let overTooltip = false;
  /** The last pointer position and whether Alt was down, for the next frame's hit-test. */
  let pointer: { x: number; y: number; alt: boolean } | undefined;
  let frame = 0;
  /** The last mention the keyboard moved to: the next move starts there. */
  let cursor: Occurrence | undefined;
  const opts = { capture: true, signal, passive: true };

  const cancelOpen = () => {
    clearTimeout(openTimer);
    pending = undefined;
  };
  const cancelClose = () => clearTimeout(closeTimer);
  const scheduleClose = () => {
    cancelClose();
    closeTimer = setTimeout(() => {
      // Never close under the pointer or while the keyboard is inside. A mention the
      // pointer moved on to meanwhile keeps its pending open. A lookup bubble is not
      // hover's to close.
      if (openOccurrence() && !tooltip.hasFocus && !overTooltip && hovered !== tooltip.openKey)
        close();
    }, CLOSE_DELAY);
  };
  const lit = () => getController()?.renderer.hover(openOccurrence() ?? hovered);
  /** The mention whose tooltip is open; none while a lookup bubble (lookup.ts) is. */
  const openOccurrence = () =>
    tooltip.persistent ? undefined : (tooltip.openKey as Occurrence | undefined);

  const close = (returnFocus = false) => {
    cancelClose();
    tooltip.close(returnFocus);
    lit();
  };

  const openNow = (o: Occurrence, point?: { x: number; y: number }) => {
    const controller = getController();
    if (!controller) return;
    cancelOpen();
    cancelClose();
    void tooltip.open(anchorOf(o, controller.occurrences), o.termId, { point }).then(lit);
  };

  /** The pointer is over `o` now (or over no mention). */
  const enter = (o: Occurrence | undefined, alt: boolean, x: number, y: number) => {
    if (o === hovered) return;
    const left = hovered;
    hovered = o;
    lit();
    if (left) {
      if (pending === left) cancelOpen();
      if (left === openOccurrence()) scheduleClose();
    }
    // Hover opens nothing over a lookup bubble: it stays until the reader dismisses it.
    if (!o || tooltip.persistent) return;
    if (o === openOccurrence()) return cancelClose();
    const trigger = getTrigger();
    if (trigger === 'click' || (trigger === 'alt-hover' && !alt)) return;
    cancelOpen();
    pending = o;
    openTimer = setTimeout(() => {
      // A bubble the reader opened meanwhile (a double-click on this very term) stays.
      if (pending === o && hovered === o && !tooltip.persistent) openNow(o, { x, y });
    }, OPEN_DELAY);
  };

  const hitTest = () => {
    frame = 0;
    const controller = getController();
    if (!pointer || !controller) return;
    controller.renderer.check();
    const { x, y, alt } = pointer;
    enter(
      controller.occurrences.size ? occurrenceAt(doc, controller.occurrences, x, y) : undefined,
      alt,
      x,
      y,
    );
  };
  let frameTimer: ReturnType<typeof setTimeout> | undefined;
  const runHitTest = () => {
    cancelAnimationFrame(frame);
    clearTimeout(frameTimer);
    hitTest();
  };
  const scheduleHitTest = () => {
    if (frame || !pointer || !getController()?.occurrences.size) return;
    frame = requestAnimationFrame(runHitTest);
    // A frame that does not come (a tab the browser stopped painting, seen after it is
    // brought back from the background) must not stall hover: test soon without one.
    frameTimer = setTimeout(runHitTest, 100);
  };
  signal.addEventListener('abort', () => {
    cancelAnimationFrame(frame);
    clearTimeout(frameTimer);
  });

  win.addEventListener(
    'pointermove',
    (e) => {
      // A finger is no hover: touch opens on pointerdown and closes on a tap elsewhere.
      if (!e.isTrusted || e.pointerType === 'touch') return;
      if (tooltip.contains(e)) {
        overTooltip = true;
        cancelClose();
        return;
      }
      if (overTooltip) {
        overTooltip = false;
        if (openOccurrence()) scheduleClose();
      }
      pointer = { x: e.clientX, y: e.clientY, alt: e.altKey };
      scheduleHitTest();
    },
    opts,
  );
  // The page scrolls under a resting pointer: what is under it changes.
  win.addEventListener('scroll', scheduleHitTest, opts);

  win.addEventListener(
    'pointerout',
    (e) => {
      if (!e.isTrusted || e.pointerType === 'touch') return;
      // Leaving the window (relatedTarget null) leaves every mention.
      if (e.relatedTarget !== null || tooltip.contains(e)) {
        if (tooltip.contains(e) && !tooltip.isHost(e.relatedTarget as Node | null)) {
          overTooltip = false;
          scheduleClose();
        }
        return;
      }
      pointer = undefined;
      enter(undefined, false, 0, 0);
    },
    opts,
  );

  // Touch and click triggers: a tap on a term opens it, a tap elsewhere closes it.
  win.addEventListener(
    'pointerdown',
    (e) => {
      if (!e.isTrusted || tooltip.contains(e)) return;
      // A click or tap anywhere else dismisses a lookup bubble.
      if (tooltip.persistent) close();
      const controller = getController();
      const o =
        controller?.occurrences.size &&
        (e.pointerType === 'touch' || getTrigger() === 'click' || openOccurrence())
          ? occurrenceAt(doc, controller.occurrences, e.clientX, e.clientY)
          : undefined;
      if (o && (e.pointerType === 'touch' || getTrigger() === 'click')) {
        openNow(o, { x: e.clientX, y: e.clientY });
        return;
      }
      if (!o && openOccurrence()) {
        cancelOpen();
        close();
      }
    },
    opts,
  );

  win.addEventListener(
    'focusin',
    (e) => {
      // Untrusted first: a page firing focus events must not hold our tooltip open.
      if (!e.isTrusted) return;
      if (tooltip.contains(e)) return cancelClose();
      // Focus moved on in the page while the keyboard was in the tooltip: close it.
      if (openOccurrence() && !tooltip.hasFocus && !overTooltip && hovered !== openOccurrence())
        close();
    },
    opts,
  );

  win.addEventListener(
    'focusout',
    (e) => {
      if (!e.isTrusted || !tooltip.contains(e)) return;
      const to = (e as FocusEvent).relatedTarget as Node | null;
      if (to && tooltip.isHost(to)) return;
      if (openOccurrence() && !overTooltip) scheduleClose();
    },
    opts,
  );

  win.addEventListener(
    'keydown',
    (e) => {
      // A term's tooltip or a lookup bubble: the keys work the same in both.
      if (!e.isTrusted || !tooltip.openKey) return;
      const inside = tooltip.contains(e);
      if (e.key === 'Escape') {
        // Escape closes without moving the pointer; focus goes back where it was when it
        // was inside the tooltip. Nothing opens under the resting pointer afterwards.
        cancelOpen();
        close(inside);
        if (inside) e.stopPropagation();
        return;
      }
      if (e.key !== 'Tab' || !inside) return;
      if (e.shiftKey && tooltip.isFirst(tooltip.focused)) {
        e.preventDefault();
        close(true);
      } else if (!e.shiftKey && tooltip.isLast(tooltip.focused)) {
        // Past the last control: close and put focus back where it was, and let this Tab's
        // default action carry on from there into the page (no loop back into the tooltip).
        close(true);
      }
    },
    { capture: true, signal },
  );

  /** Scrolls a mention into view (centred, unless reduced motion asks for no animation). */
  const bringIntoView = (o: Occurrence) => {
    // Inner scroll containers first, then the window centres the text itself.
    o.node.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const r = rangeOf(o).getBoundingClientRect();
    const reduce = win.matchMedia('(prefers-reduced-motion: reduce)').matches;
    win.scrollBy({
      top: r.top + r.height / 2 - win.innerHeight / 2,
      behavior: reduce ? 'auto' : 'smooth',
    });
  };

  const visible = (o: Occurrence) => rangeOf(o).getClientRects().length > 0;
  const inView = (o: Occurrence) => {
    const r = rangeOf(o).getBoundingClientRect();
    return r.bottom > 0 && r.top < win.innerHeight;
  };

  /** Next/previous mention, underlined or not: scroll to it, open its tooltip, focus it. */
  const moveTo = (direction: 1 | -1) => {
    const controller = getController();
    if (!controller) return;
    const all = controller.mentions();
    if (!all.length) return;
    // Unless the reader scrolled away from it since, the last mention visited.
    const kept =
      cursor && controller.occurrences.valid(cursor) && inView(cursor) ? cursor : undefined;
    const current = openOccurrence() ?? kept;
    let index = current ? all.indexOf(current) : -1;
    if (index === -1) {
      // Start from the viewport: the first mention below its top (or above, going back).
      let lo = 0;
      let hi = all.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rangeOf(all[mid]!).getBoundingClientRect().top >= 0) hi = mid;
        else lo = mid + 1;
      }
      index = direction === 1 ? lo - 1 : lo;
    }
    // Skip mentions that are not rendered (display: none, collapsed details).
    for (let step = 1; step <= all.length; step++) {
      const next = all[(((index + direction * step) % all.length) + all.length) % all.length]!;
      if (!visible(next)) continue;
      const returnTo = tooltip.hasFocus ? null : doc.activeElement;
      cursor = next;
      bringIntoView(next);
      cancelOpen();
      cancelClose();
      void tooltip
        .open(anchorOf(next, controller.occurrences), next.termId, { focus: true, returnTo })
        .then(lit);
      return;
    }
  };

  /** Scrolls to the next mention of a term (after the last one revealed) and flashes it. */
  let lastRevealed: Occurrence | undefined;
  const reveal = (termId: string): boolean => {
    const controller = getController();
    if (!controller) return false;
    const of = controller.mentions().filter((o) => o.termId === termId && visible(o));
    if (!of.length) return false;
    const next = of[(lastRevealed ? of.indexOf(lastRevealed) + 1 : 0) % of.length]!;
    lastRevealed = next;
    bringIntoView(next);
    controller.renderer.flash(next);
    return true;
  };

  return { moveTo, reveal };
}
