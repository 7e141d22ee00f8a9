import { expect, test } from 'vitest';
import { createIdleRunner, type IdleHost } from '@/lib/idle';

/** A host with a hand-moved clock; callbacks run only when the test runs them. */
function fakeHost(withChannel = false) {
  let clock = 0;
  const idle: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const posted: (() => void)[] = [];
  class Channel {
    port1: { onmessage: ((e: MessageEvent) => void) | null } = { onmessage: null };
    port2 = { postMessage: () => posted.push(() => this.port1.onmessage?.({} as MessageEvent)) };
  }
  const host: IdleHost = {
    requestIdleCallback: (cb) =>
      idle.push(() => cb({ timeRemaining: () => 10, didTimeout: false })),
    setTimeout: (cb) => timers.push(cb),
    performance: { now: () => clock },
    ...(withChannel ? { MessageChannel: Channel as unknown as IdleHost['MessageChannel'] } : {}),
  };
  return {
    host,
    idle,
    timers,
    posted,
    advance: (ms: number) => (clock += ms),
  };
}

test('a slice ends when the slice length is used up; a step may ask for a longer budget', () => {
  const h = fakeHost();
  const answers: boolean[][] = [];
  const runner = createIdleRunner(h.host, (shouldYield) => {
    const seen: boolean[] = [];
    for (const ms of [5, 5, 15]) {
      h.advance(ms);
      seen.push(shouldYield(), shouldYield(30));
    }
    answers.push(seen);
    return false;
  });
  runner.schedule();
  expect(runner.pending).toBe(true);
  h.idle.shift()!();
  // at 5 ms: neither; at 10 ms: the 10 ms slice is over, 30 ms not; at 25 ms: still not 30.
  expect(answers).toEqual([[false, false, true, false, true, false]]);
  expect(runner.pending).toBe(false);
});

test('the first slice waits for idle time; the next ones follow at once through a private channel', () => {
  const h = fakeHost(true);
  let slices = 0;
  const runner = createIdleRunner(h.host, () => ++slices < 3);
  runner.schedule();
  runner.schedule(); // already pending: one slice, not two
  expect(h.idle.length).toBe(1);
  h.idle.shift()!();
  expect(h.posted.length).toBe(1);
  h.posted.shift()!();
  h.posted.shift()!();
  expect(slices).toBe(3);
  expect(h.posted.length + h.idle.length + h.timers.length).toBe(0);
  expect(runner.pending).toBe(false);
});

test('without requestIdleCallback or MessageChannel it runs on timers; after abort it never runs', () => {
  const h = fakeHost();
  delete h.host.requestIdleCallback;
  const aborter = new AbortController();
  let slices = 0;
  const runner = createIdleRunner(h.host, () => ++slices < 5, { signal: aborter.signal });
  runner.schedule();
  h.timers.shift()!();
  expect(slices).toBe(1);
  aborter.abort();
  h.timers.shift()!();
  expect(slices).toBe(1);
  runner.schedule();
  expect(h.timers.length).toBe(0);
});
