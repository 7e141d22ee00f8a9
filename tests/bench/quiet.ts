/**
 * The end of a recorded load, decided in the page: the load's probe (ab.ts's `__ab`,
 * extension.ts's `__ext`) is read where it lives, every 50 ms, instead of by a round trip
 * from Node every 250 ms. Both kinds of probe keep `dcl`, their long frames, and the time
 * their mark count last changed (`settled` or `lastMark`).
 */
import type { Page } from 'playwright';
import { countWait } from './clock';

/** When a load may end. Times are the page's (ms from navigation start). */
export interface QuietOptions {
  /** Which probe: the A/B's or the extension rows'. */
  probe: '__ab' | '__ext';
  /** Nothing (mark change, long frame, load, `after`) for this long. */
  quietMs: number;
  /** Something known to be busy until then: the content script's scan going idle. */
  after?: number;
  /** Not before this page time, whatever else (a window the recording must cover). */
  until?: number;
  /** Give up after this many ms of waiting. */
  timeoutMs?: number;
}

/**
 * Resolves when the page was quiet for `quietMs` and two animation frames ran after the
 * call (so an IntersectionObserver report or a long frame the last change caused has
 * come in), and not before `until`; returns the page time then. Quiet: no mark change,
 * no long frame, and no check delayed past 150 ms (the main thread was held).
 */
export async function untilQuiet(page: Page, options: QuietOptions): Promise<number> {
  const { probe, quietMs, after = 0, until = 0, timeoutMs = 60_000 } = options;
  const [end, idle] = await page.evaluate(
    ([probe, quietMs, after, until, timeoutMs]) =>
      new Promise<[number, number]>((resolve) => {
        type Rec = {
          dcl: number;
          settled?: number | null;
          lastMark?: number | null;
          frames: { start: number; duration: number }[];
        };
        const rec = (window as unknown as Record<string, Rec>)[probe]!;
        const deadline = performance.now() + timeoutMs;
        let frames = 0;
        const frame = () => {
          if (++frames < 2) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
        // A check that comes late found the main thread busy: a long frame's entry is
        // delivered in a task of its own, possibly after this check, so the gap counts.
        let blocked = 0;
        let previous = performance.now();
        const check = () => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          const lastFrame = Math.max(0, ...rec.frames.map((f) => f.start + f.duration));
          const marks = rec.settled ?? rec.lastMark ?? 0;
          const now = performance.now();
          if (now - previous > 150) blocked = now;
          previous = now;
          const busy = Math.max(rec.dcl, nav.loadEventEnd, marks, after, lastFrame, blocked);
          if ((frames >= 2 && now - busy > quietMs && now >= until) || now > deadline)
            resolve([now, now - busy]);
          else setTimeout(check, 50);
        };
        check();
      }),
    [probe, quietMs, after, until, timeoutMs] as const,
  );
  // The idle tail: the quiet window, and any stretch `until` added past it.
  countWait(idle);
  return end;
}
