import type { Highlighter } from './highlight';
import type { TooltipHost } from './tooltip-host';

export type Trigger = 'hover' | 'alt-hover' | 'click';

/** Hover intent: how long the pointer rests on a mark before its tooltip opens. */
export const OPEN_DELAY = 300;
/** Grace period to travel between a mark and its tooltip (SC 1.4.13: hoverable). */
export const CLOSE_DELAY = 350;

/**
 * One set of delegated listeners for every mark on the page (no listener per mark).
 * Only trusted events count: a page script cannot open, move or close our tooltip by
 * dispatching synthetic events.
 */
export function listen(
  win: Window,
  getHighlighter: () => Highlighter | undefined,
  tooltip: TooltipHost,
  getTrigger: () => Trigger,
  signal: AbortSignal,
): { moveTo(direction: 1 | -1): void } {
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let pendingMark: HTMLElement | undefined;
  /** Where the pointer entered the pending mark (a wrapped mark opens at that line). */
  let pendingPoint: { x: number; y: number } | undefined;
  const opts = { capture: true, signal, passive: true };

  const cancelOpen = () => {
    clearTimeout(openTimer);
    pendingMark = undefined;
  };
  const cancelClose = () => clearTimeout(closeTimer);
  const scheduleClose = () => {
    cancelClose();
    closeTimer = setTimeout(() => {
      // Never close under the pointer or while the keyboard is inside.
      if (!tooltip.hasFocus && !hovering) tooltip.close();
    }, CLOSE_DELAY);
  };
  let hovering = false;

  const openNow = (
    mark: HTMLElement,
    termId: string,
    announce = false,
    point?: { x: number; y: number },
  ) => {
    cancelOpen();
    cancelClose();
    void tooltip.open(mark, termId, announce, point);
  };

  win.addEventListener(
    'pointerover',
    (e) => {
      // A finger is no hover: touch opens on pointerdown and closes on a tap elsewhere.
      if (!e.isTrusted || e.pointerType === 'touch') return;
      if (tooltip.contains(e)) {
        hovering = true;
        cancelClose();
        return;
      }
      hovering = false;
      const hit = getHighlighter()?.hit(e.target);
      if (!hit) return;
      if (hit.mark === tooltip.openMark) return cancelClose();
      const trigger = getTrigger();
      if (trigger === 'click') return;
      if (trigger === 'alt-hover' && !e.altKey) return;
      cancelOpen();
      pendingMark = hit.mark;
      pendingPoint = { x: e.clientX, y: e.clientY };
      openTimer = setTimeout(() => {
        if (pendingMark === hit.mark) openNow(hit.mark, hit.termId, false, pendingPoint);
      }, OPEN_DELAY);
    },
    opts,
  );

  win.addEventListener(
    'pointerout',
    (e) => {
      // A lifted finger always "leaves" what it touched; that must not close the tooltip
      // it just opened (touch closes with a tap elsewhere).
      if (!e.isTrusted || e.pointerType === 'touch') return;
      const to = e.relatedTarget as Node | null;
      if (tooltip.contains(e)) {
        // Leaving the tooltip for its own mark keeps it open.
        if (to && tooltip.openMark?.contains(to)) return;
        if (tooltip.isHost(to)) return;
        hovering = false;
        scheduleClose();
        return;
      }
      const hit = getHighlighter()?.hit(e.target);
      if (!hit) return;
      if (to && hit.mark.contains(to)) return;
      if (pendingMark === hit.mark) cancelOpen();
      if (hit.mark === tooltip.openMark) scheduleClose();
    },
    opts,
  );

  // Touch and click triggers: a tap on a mark opens it, a tap elsewhere closes it.
  win.addEventListener(
    'pointerdown',
    (e) => {
      if (!e.isTrusted || tooltip.contains(e)) return;
      const hit = getHighlighter()?.hit(e.target);
      if (hit && (e.pointerType === 'touch' || getTrigger() === 'click')) {
        openNow(hit.mark, hit.termId, false, { x: e.clientX, y: e.clientY });
        return;
      }
      if (!hit && tooltip.openMark) tooltip.close();
    },
    opts,
  );

  win.addEventListener(
    'focusin',
    (e) => {
      // Untrusted first: a page firing focus events must not hold our tooltip open.
      if (!e.isTrusted) return;
      if (tooltip.contains(e)) return cancelClose();
      // Focus we put back on a mark ourselves (Escape, Tab past the end) stays closed.
      if (tooltip.restoringFocus) return;
      const hit = getHighlighter()?.hit(e.target);
      if (hit && e.target === hit.mark) openNow(hit.mark, hit.termId, true);
      else if (tooltip.openMark && !tooltip.hasFocus) tooltip.close();
    },
    opts,
  );

  win.addEventListener(
    'focusout',
    (e) => {
      if (!e.isTrusted) return;
      const to = (e as FocusEvent).relatedTarget as Node | null;
      // Focus moving between the mark and the tooltip keeps it open.
      if (to && (to === tooltip.openMark || tooltip.isHost(to))) return;
      if (tooltip.contains(e) && !to) return;
      if (tooltip.openMark && !hovering) scheduleClose();
    },
    opts,
  );

  win.addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted || !tooltip.openMark) return;
      const inside = tooltip.contains(e);
      const onMark = e.target === tooltip.openMark;
      if (e.key === 'Escape') {
        // Escape closes without moving the pointer; focus goes back to the mark only
        // when it was inside the tooltip.
        tooltip.close(inside);
        if (inside || onMark) e.stopPropagation();
        return;
      }
      if (e.key !== 'Tab') return;
      if (onMark && !e.shiftKey && tooltip.focusFirst()) {
        e.preventDefault();
      } else if (inside && e.shiftKey && tooltip.isFirst(tooltip.focused)) {
        e.preventDefault();
        tooltip.focusMark(tooltip.openMark);
      } else if (inside && !e.shiftKey && tooltip.isLast(tooltip.focused)) {
        // Past the last control: close and put focus back on the mark, and let this Tab's
        // default action carry on from there into the page (no loop back into the tooltip).
        tooltip.close(true);
      }
    },
    { capture: true, signal },
  );

  /** Next/previous term command: focus the mark, scroll it into view, open its tooltip. */
  const moveTo = (direction: 1 | -1) => {
    const marks = (getHighlighter()?.marks() ?? []).filter((m) => m.getClientRects().length > 0);
    if (!marks.length) return;
    const current = tooltip.openMark ?? (win.document.activeElement as HTMLElement | null);
    let index = current ? marks.indexOf(current) : -1;
    if (index === -1) {
      // Start from the viewport: the first mark below its top (or above, going back).
      const first = marks.findIndex((m) => m.getBoundingClientRect().top >= 0);
      index =
        direction === 1
          ? (first === -1 ? marks.length : first) - 1
          : first === -1
            ? marks.length
            : first;
    }
    const next = marks[(index + direction + marks.length) % marks.length]!;
    next.tabIndex = -1;
    const reduce = win.matchMedia('(prefers-reduced-motion: reduce)').matches;
    next.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    next.focus({ preventScroll: true });
  };

  return { moveTo };
}
