/**
 * What a slice of work may ask: should it stop now and let the page run? `budgetMs`
 * (from the slice's start) replaces the runner's slice length for that one question:
 * work that costs the page a full layout each time it runs may take a longer, rarer slice.
 */
export type ShouldYield = (budgetMs?: number) => boolean;

/** A unit of sliced work: does some, returns true while more remains. */
export type Step = (shouldYield: ShouldYield) => boolean;

/** The timers a runner needs (a window, or a fake in tests). */
export interface IdleHost {
  requestIdleCallback?: (
    cb: (d: { timeRemaining(): number; didTimeout: boolean }) => void,
    o?: { timeout: number },
  ) => number;
  setTimeout: (cb: () => void, ms: number) => unknown;
  performance: { now(): number };
  /** For continuing at once after a slice (setTimeout(0) is clamped to 4 ms when nested). */
  MessageChannel?: new () => {
    port1: { onmessage: ((e: MessageEvent) => void) | null };
    port2: { postMessage(m: unknown): void };
  };
}

export interface IdleRunnerOptions {
  /** Longest slice, in ms: well under the 50 ms that makes a long task. */
  sliceMs?: number;
  /** Start even when the page never idles, after this many ms. */
  timeout?: number;
  signal?: AbortSignal;
}

/**
 * Runs `step` in slices until it reports no more work; `schedule()` wakes it when new
 * work arrives. A run starts when the page is idle (or after `timeout`), then goes on
 * slice after slice as separate tasks, so input and rendering run between slices but
 * the work is not left waiting for the next idle period (which can be 50 ms away).
 * Never runs after `signal` aborts.
 */
export function createIdleRunner(host: IdleHost, step: Step, opts: IdleRunnerOptions = {}) {
  const { sliceMs = 10, timeout = 50, signal } = opts;
  let pending = false;
  // Our own channel: the page cannot post to it (unlike window.postMessage).
  const channel = host.MessageChannel ? new host.MessageChannel() : undefined;
  const slice = () => {
    pending = false;
    if (signal?.aborted) return;
    const start = host.performance.now();
    if (step((budget = sliceMs) => host.performance.now() >= start + budget)) continueSoon();
  };
  const continueSoon = () => {
    pending = true;
    if (channel) channel.port2.postMessage(0);
    else host.setTimeout(slice, 0);
  };
  if (channel) channel.port1.onmessage = slice;
  // A stopped runner's channel keeps nothing alive (a forgotten shadow root's scanner).
  signal?.addEventListener('abort', () => channel && (channel.port1.onmessage = null), {
    once: true,
  });
  const schedule = () => {
    if (pending || signal?.aborted) return;
    pending = true;
    if (host.requestIdleCallback) host.requestIdleCallback(slice, { timeout });
    else host.setTimeout(slice, 0);
  };
  return {
    schedule,
    get pending() {
      return pending;
    },
  };
}
