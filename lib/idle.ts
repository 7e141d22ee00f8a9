/** What a slice of work may ask: should it stop now and let the page run? */
export type ShouldYield = () => boolean;

/** A unit of sliced work: does some, returns true while more remains. */
export type Step = (shouldYield: ShouldYield) => boolean;

export interface IdleHost {
  requestIdleCallback?: (
    cb: (d: { timeRemaining(): number; didTimeout: boolean }) => void,
    o?: { timeout: number },
  ) => number;
  setTimeout: (cb: () => void, ms: number) => unknown;
  performance: { now(): number };
}

export interface IdleRunnerOptions {
  /** Longest slice, in ms: well under the 50 ms that makes a long task. */
  sliceMs?: number;
  /** Run even when the page never idles, after this many ms. */
  timeout?: number;
  signal?: AbortSignal;
}

/**
 * Runs `step` in idle-time slices until it reports no more work; `schedule()` wakes it
 * again when new work arrives. Never runs after `signal` aborts.
 */
export function createIdleRunner(host: IdleHost, step: Step, opts: IdleRunnerOptions = {}) {
  const { sliceMs = 12, timeout = 50, signal } = opts;
  let pending = false;
  const run = (remaining: number) => {
    pending = false;
    if (signal?.aborted) return;
    const budget = Math.max(4, Math.min(sliceMs, remaining));
    const end = host.performance.now() + budget;
    if (step(() => host.performance.now() >= end)) schedule();
  };
  const schedule = () => {
    if (pending || signal?.aborted) return;
    pending = true;
    if (host.requestIdleCallback) {
      host.requestIdleCallback((d) => run(d.didTimeout ? sliceMs : d.timeRemaining()), { timeout });
    } else {
      host.setTimeout(() => run(sliceMs), 0);
    }
  };
  return {
    schedule,
    get pending() {
      return pending;
    },
  };
}
