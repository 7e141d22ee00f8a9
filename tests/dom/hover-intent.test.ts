import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Trigger } from '@/lib/settings';
import {
  CLOSE_DELAY,
  HoverIntent,
  OPEN_DELAY,
} from '@/entrypoints/highlighter.content/hover-intent';
import type { Occurrence } from '@/entrypoints/highlighter.content/occurrences';

/** A mention as hover intent sees it: only its identity matters. */
const mention = (termId: string) => ({ termId }) as unknown as Occurrence;
const A = mention('sarcopenia');
const B = mention('dynapenia');
const at = { x: 10, y: 20 };

/**
 * Hover intent over a fake tooltip, with vitest's fake timers. With `slowOpen`, a hover
 * open completes only when the test calls `state.finishOpen()` (the first open mounts our
 * UI, which takes a moment).
 */
function setup(trigger: Trigger = 'hover', slowOpen = false) {
  const state = {
    open: undefined as Occurrence | undefined,
    bubble: false,
    focused: false,
    trigger,
    log: [] as string[],
    finishOpen: () => {},
  };
  const intent = new HoverIntent({
    opened: () => (state.bubble ? undefined : state.open),
    bubble: () => state.bubble,
    focused: () => state.focused,
    trigger: () => state.trigger,
    open: (o, point) => {
      const done = () => {
        state.open = o;
        state.log.push(`open ${o.termId} at ${point.x},${point.y}`);
      };
      if (!slowOpen) return done();
      return new Promise<void>((resolve) => {
        state.finishOpen = () => {
          done();
          resolve();
        };
      });
    },
    close: () => {
      state.log.push(`close ${state.open?.termId ?? 'bubble'}`);
      state.open = undefined;
      state.bubble = false;
      intent.closed();
    },
    hovered: (o) => state.log.push(`lit ${o?.termId ?? '-'}`),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  });
  return { intent, state };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('hover intent (replaces e2e tooltip-hover timing checks)', () => {
  test('opens after the pointer rests OPEN_DELAY, not at once', () => {
    const { intent, state } = setup();
    intent.pointerAt(A, false, at);
    vi.advanceTimersByTime(OPEN_DELAY - 1);
    expect(state.open).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(state.log).toEqual(['lit sarcopenia', 'open sarcopenia at 10,20']);
  });

  test('a pointer passing through opens nothing', () => {
    const { intent, state } = setup();
    intent.pointerAt(A, false, at);
    vi.advanceTimersByTime(OPEN_DELAY / 2);
    intent.pointerAt(undefined, false, at);
    vi.advanceTimersByTime(OPEN_DELAY * 3);
    expect(state.open).toBeUndefined();
  });

  test('moving on to another mention opens that one, after its own delay', () => {
    const { intent, state } = setup();
    intent.pointerAt(A, false, at);
    vi.advanceTimersByTime(OPEN_DELAY / 2);
    intent.pointerAt(B, false, at);
    vi.advanceTimersByTime(OPEN_DELAY - 1);
    expect(state.open).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(state.open).toBe(B);
  });

  test('leaving the mention closes after CLOSE_DELAY; coming back cancels it', () => {
    const { intent, state } = setup();
    intent.pointerAt(A, false, at);
    vi.advanceTimersByTime(OPEN_DELAY);
    intent.pointerAt(undefined, false, at);
    vi.advanceTimersByTime(CLOSE_DELAY - 1);
    intent.pointerAt(A, false, at);
    vi.advanceTimersByTime(CLOSE_DELAY * 2);
    expect(state.open).toBe(A);
    intent.pointerAt(undefined, false, at);
    vi.advanceTimersByTime(CLOSE_DELAY);
    expect(state.open).toBeUndefined();
  });

  test('leaving while the tooltip is still opening closes it once open, after CLOSE_DELAY', async () => {
    const { intent, state } = setup('hover', true);
    intent.pointerAt(A, false, at);
    vi.advanceTimersByTime(OPEN_DELAY);
    // The pointer leaves before the tooltip counts as open: nothing to close yet.
    intent.pointerAt(undefined, false, at);
    state.finishOpen();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.open).toBe(A);
    await vi.advanceTimersByTimeAsync(CLOSE_DELAY - 1);
    expect(state.open).toBe(A);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.open).toBeUndefined();
  });

  test('still on the mention when the slow open completes: it stays open', async () => {
    const { intent, state } = setup('hover', true);
    intent.pointerAt(A, false, at);
    vi.advanceTimersByTime(OPEN_DELAY);
    state.finishOpen();
    await vi.advanceTimersByTimeAsync(CLOSE_DELAY * 3);
    expect(state.open).toBe(A);
  });

  test('hoverable (SC 1.4.13): the pointer can travel into the tooltip, which stays', () => {
    const { intent, state } = setup();
    intent.pointerAt(A, false, at);
    vi.advanceTimersByTime(OPEN_DELAY);
    intent.pointerAt(undefined, false, at);
    vi.advanceTimersByTime(CLOSE_DELAY / 2);
    intent.overTip(true);
    vi.advanceTimersByTime(CLOSE_DELAY * 10);
    expect(state.open).toBe(A);
    // Out of the tooltip into the page: the grace period, then it closes.
    intent.overTip(false);
    vi.advanceTimersByTime(CLOSE_DELAY);
    expect(state.open).toBeUndefined();
  });

  test('persistent: never closes while keyboard focus is inside', () => {
    const { intent, state } = setup();
    intent.pointerAt(A, false, at);
    vi.advanceTimersByTime(OPEN_DELAY);
    state.focused = true;
    intent.pointerAt(undefined, false, at);
    vi.advanceTimersByTime(CLOSE_DELAY * 10);
    expect(state.open).toBe(A);
  });

  test('a mention the pointer moved on to keeps its pending open when the old one closes', () => {
    const { intent, state } = setup();
    intent.pointerAt(A, false, at);
    vi.advanceTimersByTime(OPEN_DELAY);
    // Off A (its close is due in CLOSE_DELAY), a gap, then onto B: A closes first.
    intent.pointerAt(undefined, false, at);
    vi.advanceTimersByTime(100);
    intent.pointerAt(B, false, at);
    vi.advanceTimersByTime(CLOSE_DELAY - 100);
    expect(state.log.at(-1)).toBe('close sarcopenia');
    vi.advanceTimersByTime(OPEN_DELAY);
    expect(state.open).toBe(B);
  });

  test('dismissed (Escape): nothing opens under the resting pointer afterwards', () => {
    const { intent, state } = setup();
    intent.pointerAt(A, false, at);
    vi.advanceTimersByTime(OPEN_DELAY);
    state.open = undefined;
    intent.dismissed();
    vi.advanceTimersByTime(OPEN_DELAY * 5);
    expect(state.open).toBeUndefined();
  });

  test('alt-hover opens only with Alt held; the click trigger never on hover', () => {
    const alt = setup('alt-hover');
    alt.intent.pointerAt(A, false, at);
    vi.advanceTimersByTime(OPEN_DELAY * 2);
    expect(alt.state.open).toBeUndefined();
    alt.intent.pointerAt(undefined, false, at);
    alt.intent.pointerAt(A, true, at);
    vi.advanceTimersByTime(OPEN_DELAY);
    expect(alt.state.open).toBe(A);

    const click = setup('click');
    click.intent.pointerAt(A, true, at);
    vi.advanceTimersByTime(OPEN_DELAY * 2);
    expect(click.state.open).toBeUndefined();
    expect(click.intent.wantsPress(false)).toBe(true);
    click.intent.press(A, true, at);
    expect(click.state.open).toBe(A);
    // A press elsewhere closes it at once.
    click.intent.press(undefined, true, at);
    expect(click.state.open).toBeUndefined();
  });

  test('touch: a tap opens at once; a tap elsewhere closes', () => {
    const { intent, state } = setup();
    expect(intent.wantsPress(false)).toBe(false);
    expect(intent.wantsPress(true)).toBe(true);
    intent.press(A, true, at);
    expect(state.open).toBe(A);
    intent.press(undefined, false, at);
    expect(state.open).toBeUndefined();
  });

  test('a lookup bubble: hover neither opens over it nor closes it; a press elsewhere does', () => {
    const { intent, state } = setup();
    state.bubble = true;
    intent.pointerAt(A, false, at);
    vi.advanceTimersByTime(OPEN_DELAY * 3);
    expect(state.log.filter((l) => l.startsWith('open'))).toEqual([]);
    intent.pointerAt(undefined, false, at);
    vi.advanceTimersByTime(CLOSE_DELAY * 3);
    expect(state.bubble).toBe(true);
    intent.press(undefined, false, at);
    expect(state.log.at(-1)).toBe('close bubble');
  });

  test('focus moving on in the page closes the tooltip; into the tooltip it stays', () => {
    const { intent, state } = setup();
    intent.pointerAt(A, false, at);
    vi.advanceTimersByTime(OPEN_DELAY);
    intent.pointerAt(undefined, false, at);
    intent.focusIn(true);
    vi.advanceTimersByTime(CLOSE_DELAY * 3);
    expect(state.open).toBe(A);
    intent.focusIn(false);
    expect(state.open).toBeUndefined();
  });

  test('stop() leaves no timer running', () => {
    const { intent, state } = setup();
    intent.pointerAt(A, false, at);
    intent.stop();
    vi.advanceTimersByTime(OPEN_DELAY * 3);
    expect(state.open).toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });
});
