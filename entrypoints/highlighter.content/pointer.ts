import type { Trigger } from '@/lib/settings';
import { anchorOf, occurrenceAt } from './hit-test';
import { HoverIntent } from './hover-intent';
import { MentionCursor } from './mention-cursor';
import { rangeOf, type Occurrence } from './occurrences';
import type { TabSession } from './tab';
import type { TooltipHost } from './tooltip-host';

/** What the page's pointer and keyboard reach. */
export interface PointerDeps {
  /** The current session (MyoLens on here), if any. */
  session(): TabSession | undefined;
  tooltip: TooltipHost;
  trigger(): Trigger;
  /**
   * Escape was pressed here with nothing of ours open here: a tooltip may be open in
   * another frame of the tab, which the keyboard cannot reach (it stays in the document
   * that has focus while the pointer hovers a frame).
   */
  escapeElsewhere?(): void;
}

/**
 * One set of listeners on the window for every mention on the page: there are no
 * elements to listen on. The pointer is hit-tested against the mentions (at most once per
 * animation frame, and only while there are some) and handed to hover intent; the
 * keyboard moves the mention cursor. Only trusted events count: a page script cannot
 * open, move or close our tooltip by dispatching synthetic events. Everything hangs on
 * `signal`.
 */
export function listenPointer(win: Window, deps: PointerDeps, signal: AbortSignal) {
  const doc = win.document;
  const { tooltip } = deps;
  /** The mention whose tooltip is open; none while a lookup bubble (lookup.ts) is. */
  const opened = () =>
    tooltip.persistent ? undefined : (tooltip.openKey as Occurrence | undefined);
  const lit = () => deps.session()?.renderer.hover(opened() ?? intent.current);
  const openTooltip = async (o: Occurrence, opts: Parameters<TooltipHost['open']>[2]) => {
    const session = deps.session();
    if (!session) return;
    await tooltip.open(anchorOf(o, session), o.termId, { ...opts, also: o.also });
    lit();
  };
  const intent = new HoverIntent({
    opened,
    bubble: () => tooltip.persistent,
    focused: () => tooltip.hasFocus,
    trigger: deps.trigger,
    open: (o, point) => openTooltip(o, { point }),
    close: () => tooltip.close(),
    hovered: lit,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  });
  const cursor = new MentionCursor(
    {
      mentions: () => deps.session()?.mentions() ?? [],
      valid: (o) => deps.session()?.valid(o) ?? false,
    },
    () => win.innerHeight,
  );
  const hit = (x: number, y: number) => {
    const session = deps.session();
    return session?.any ? occurrenceAt(doc, session, x, y, session.shadowRoots) : undefined;
  };

  /** The last pointer position and whether Alt was down, for the next frame's hit-test. */
  let pointer: { x: number; y: number; alt: boolean } | undefined;
  let frame = 0;
  let frameTimer: ReturnType<typeof setTimeout> | undefined;
  const hitTest = () => {
    cancelAnimationFrame(frame);
    clearTimeout(frameTimer);
    frame = 0;
    if (!pointer) return;
    const { x, y, alt } = pointer;
    intent.pointerAt(hit(x, y), alt, { x, y });
    // Asked every time: a renderer puts back what the page took (a cleared registry).
    lit();
  };
  const scheduleHitTest = () => {
    if (frame || !pointer || !deps.session()?.any) return;
    frame = requestAnimationFrame(hitTest);
    // A frame that does not come (a tab the browser stopped painting, seen after it is
    // brought back from the background) must not stall hover: test soon without one.
    frameTimer = setTimeout(hitTest, 100);
  };
  signal.addEventListener('abort', () => {
    cancelAnimationFrame(frame);
    clearTimeout(frameTimer);
    intent.stop();
  });

  const opts = { capture: true, signal, passive: true };
  win.addEventListener(
    'pointermove',
    (e) => {
      // A finger is no hover: touch opens on pointerdown and closes on a tap elsewhere.
      if (!e.isTrusted || e.pointerType === 'touch') return;
      const inside = tooltip.contains(e);
      intent.overTip(inside);
      if (inside) return;
      pointer = { x: e.clientX, y: e.clientY, alt: e.altKey };
      // Over a shadow host (the target, retargeted): a root attached after its host was
      // inserted left no record; found on the way, it is hit-tested once it is read.
      const session = deps.session();
      if ((e.target as Element | null)?.shadowRoot && session?.discover(e.composedPath()))
        void session.whenIdle().then(scheduleHitTest);
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
      if (tooltip.contains(e)) {
        // Out of the tooltip into the page (not into our own host).
        if (!tooltip.isHost(e.relatedTarget as Node | null)) intent.overTip(false);
        return;
      }
      // Leaving the window (relatedTarget null) leaves every mention.
      if (e.relatedTarget !== null) return;
      pointer = undefined;
      intent.pointerGone();
    },
    opts,
  );
  // Touch and click triggers: a tap on a term opens it, a tap elsewhere closes it.
  win.addEventListener(
    'pointerdown',
    (e) => {
      if (!e.isTrusted || tooltip.contains(e)) return;
      const touch = e.pointerType === 'touch';
      const o = intent.wantsPress(touch) ? hit(e.clientX, e.clientY) : undefined;
      intent.press(o, touch || deps.trigger() === 'click', { x: e.clientX, y: e.clientY });
    },
    opts,
  );
  win.addEventListener(
    'focusin',
    // Untrusted first: a page firing focus events must not hold our tooltip open.
    (e) => e.isTrusted && intent.focusIn(tooltip.contains(e)),
    opts,
  );
  win.addEventListener(
    'focusout',
    (e) => {
      if (!e.isTrusted || !tooltip.contains(e)) return;
      const to = (e as FocusEvent).relatedTarget as Node | null;
      if (!to || !tooltip.isHost(to)) intent.focusOut();
    },
    opts,
  );
  win.addEventListener(
    'keydown',
    (e) => {
      // Escape with focus in the page closes a tooltip or bubble without moving focus;
      // inside the tooltip its own focus trap answers (tooltip-host.ts).
      if (!e.isTrusted || e.key !== 'Escape' || tooltip.contains(e)) return;
      if (!tooltip.openKey) return deps.escapeElsewhere?.();
      intent.dismissed();
      tooltip.close();
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

  return {
    /** Next/previous mention: scroll to it, open its tooltip with keyboard focus in it. */
    moveTo(direction: 1 | -1): void {
      const next = cursor.next(direction, opened());
      if (!next) return;
      const returnTo = tooltip.hasFocus ? null : doc.activeElement;
      bringIntoView(next);
      intent.dismissed();
      void openTooltip(next, { focus: true, returnTo });
    },
    /** Scrolls to the next mention of a term and flashes it; false when it has none. */
    reveal(termId: string): boolean {
      const next = cursor.reveal(termId);
      if (!next) return false;
      bringIntoView(next);
      deps.session()?.renderer.flash(next);
      return true;
    },
    /** Escape pressed in another frame of the tab: close what is open here, as Escape would. */
    dismiss(): void {
      if (!tooltip.openKey) return;
      intent.dismissed();
      tooltip.close();
    },
    /** The tooltip closed (by the reader: nothing opens under the resting pointer). */
    tooltipClosed(byReader: boolean): void {
      if (byReader) intent.dismissed();
      else intent.closed();
      lit();
    },
  };
}
