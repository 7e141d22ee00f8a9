import type { Trigger } from '@/lib/settings';
import type { Occurrence } from './occurrences';

/** Hover intent: how long the pointer rests on a term before its tooltip opens. */
export const OPEN_DELAY = 300;
/** Grace period to travel between a term and its tooltip (SC 1.4.13: hoverable). */
export const CLOSE_DELAY = 350;

/** What hover intent reads of the tooltip and asks of it. */
export interface IntentDeps {
  /** The mention whose tooltip is open (none while a lookup bubble or nothing is). */
  opened(): Occurrence | undefined;
  /** Is a lookup bubble open (it stays until the reader dismisses it)? */
  bubble(): boolean;
  /** Is keyboard focus inside the tooltip? */
  focused(): boolean;
  trigger(): Trigger;
  /**
   * Opens the tooltip of `o`, placed at the line under `point`. The first open mounts our
   * UI, which takes a moment: the promise says when the tooltip is open.
   */
  open(o: Occurrence, point: { x: number; y: number }): void | Promise<void>;
  close(): void;
  /** The mention under the pointer changed (the renderer lights it). */
  hovered(o: Occurrence | undefined): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/**
 * When a tooltip opens and closes for the pointer: the mention must be rested on for
 * OPEN_DELAY; leaving it (or the tooltip) closes after CLOSE_DELAY, which a return to
 * either cancels, and never under the pointer or while the keyboard is inside. Fed by
 * pointer.ts with mentions already hit-tested; no DOM, so tests drive it with fake timers.
 */
export class HoverIntent {
  /** The mention under the pointer. */
  private under: Occurrence | undefined;
  /** The mention whose tooltip waits for the open delay. */
  private pending: Occurrence | undefined;
  private overTooltip = false;
  private openTimer: unknown;
  private closeTimer: unknown;

  constructor(private readonly deps: IntentDeps) {}

  /** The mention under the pointer (after the last hit-test). */
  get current(): Occurrence | undefined {
    return this.under;
  }

  /** The pointer is over `o` now (or over no mention). */
  pointerAt(o: Occurrence | undefined, alt: boolean, point: { x: number; y: number }): void {
    if (o === this.under) return;
    const left = this.under;
    this.under = o;
    this.deps.hovered(o);
    if (left) {
      if (this.pending === left) this.cancelOpen();
      if (left === this.deps.opened()) this.scheduleClose();
    }
    // Hover opens nothing over a lookup bubble: it stays until the reader dismisses it.
    if (!o || this.deps.bubble()) return;
    if (o === this.deps.opened()) return this.cancelClose();
    const trigger = this.deps.trigger();
    if (trigger === 'click' || (trigger === 'alt-hover' && !alt)) return;
    this.cancelOpen();
    this.pending = o;
    this.openTimer = this.deps.setTimeout(() => {
      // A bubble the reader opened meanwhile (a double-click on this very term) stays.
      if (this.pending !== o || this.under !== o || this.deps.bubble()) return;
      // The pointer may leave while the tooltip is still opening, before it counts as
      // open: once it is, it closes as if the pointer had left it then.
      void Promise.resolve(this.openNow(o, point)).then(() => {
        if (this.deps.opened() === o && this.under !== o) this.scheduleClose();
      });
    }, OPEN_DELAY);
  }

  /** The pointer left the window: it is over no mention. */
  pointerGone(): void {
    this.pointerAt(undefined, false, { x: 0, y: 0 });
  }

  /** The pointer entered (true) or left (false) the tooltip. */
  overTip(over: boolean): void {
    if (over) {
      this.overTooltip = true;
      this.cancelClose();
    } else if (this.overTooltip) {
      this.overTooltip = false;
      if (this.deps.opened()) this.scheduleClose();
    }
  }

  /**
   * A press outside the tooltip on `o` (or on no mention): a tap or a click trigger opens
   * it; a press elsewhere closes what is open.
   */
  press(o: Occurrence | undefined, opens: boolean, point: { x: number; y: number }): void {
    // A click or tap anywhere else dismisses a lookup bubble.
    if (this.deps.bubble()) this.deps.close();
    if (o && opens) {
      void this.openNow(o, point);
      return;
    }
    if (!o && this.deps.opened()) {
      this.cancelOpen();
      this.deps.close();
    }
  }

  /** Should a press be hit-tested at all (a tap, the click trigger, or a tooltip to close)? */
  wantsPress(touch: boolean): boolean {
    return touch || this.deps.trigger() === 'click' || !!this.deps.opened();
  }

  /** Focus moved within the page (true: into the tooltip). */
  focusIn(intoTooltip: boolean): void {
    if (intoTooltip) return this.cancelClose();
    // Focus moved on in the page while the keyboard was in the tooltip: close it.
    const open = this.deps.opened();
    if (open && !this.deps.focused() && !this.overTooltip && this.under !== open) this.deps.close();
  }

  /** Focus left the tooltip for the page. */
  focusOut(): void {
    if (this.deps.opened() && !this.overTooltip) this.scheduleClose();
  }

  /** The tooltip closed: its close delay is moot. */
  closed(): void {
    this.cancelClose();
  }

  /** The reader dismissed the tooltip (Escape, a button): nothing opens under the resting pointer. */
  dismissed(): void {
    this.cancelOpen();
    this.cancelClose();
  }

  /** Opens now, cancelling any delay (a tap, a click trigger, the keyboard); see IntentDeps.open. */
  openNow(o: Occurrence, point: { x: number; y: number }): void | Promise<void> {
    this.cancelOpen();
    this.cancelClose();
    return this.deps.open(o, point);
  }

  /** Stops every timer (the session ended). */
  stop(): void {
    this.dismissed();
    this.under = undefined;
    this.overTooltip = false;
  }

  private cancelOpen(): void {
    this.deps.clearTimeout(this.openTimer);
    this.pending = undefined;
  }

  private cancelClose(): void {
    this.deps.clearTimeout(this.closeTimer);
  }

  private scheduleClose(): void {
    this.cancelClose();
    this.closeTimer = this.deps.setTimeout(() => {
      // Never close under the pointer or while the keyboard is inside. A mention the
      // pointer moved on to meanwhile keeps its pending open.
      const open = this.deps.opened();
      if (open && !this.deps.focused() && !this.overTooltip && this.under !== open)
        this.deps.close();
    }, CLOSE_DELAY);
  }
}
