/**
 * A very small test harness for the Firefox smoke test: named checks that record a result
 * (and a screenshot on failure) and let the run go on, so one run shows every failure.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';

/** The outcome of one check. */
export interface CheckResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

/** Saves a screenshot into `dir` (made anew each time: a Playwright run empties test-results/). */
export async function shot(page: Page, dir: string, name: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, name) });
}

/** Records named checks; `screenshots` is where failure screenshots go. */
export class Checks {
  readonly results: CheckResult[] = [];

  constructor(
    private readonly prefix: string,
    private readonly screenshots: string,
  ) {}

  /** Runs one check; a failure is recorded (with a screenshot of `page`) and the run goes on. */
  async run(name: string, page: Page | undefined, fn: () => Promise<void>): Promise<boolean> {
    const t0 = Date.now();
    const full = `${this.prefix} ${name}`;
    try {
      await fn();
      this.results.push({ name: full, ok: true, ms: Date.now() - t0 });
      console.log(`  ✓ ${name} (${Date.now() - t0} ms)`);
      return true;
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      this.results.push({ name: full, ok: false, ms: Date.now() - t0, error });
      console.log(`  ✘ ${name}\n      ${error.replace(/\n/g, '\n      ')}`);
      const file = `failure-${this.prefix.replace(/\W+/g, '-')}-${this.results.length}.png`;
      if (page) await shot(page, this.screenshots, file).catch(() => undefined);
      return false;
    }
  }
}

/** Throws `message` unless `condition` holds. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Polls `fn` until it returns a truthy value, or throws after `ms`. */
export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  ms = 10_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Is dotted version `version` at least `min` ("153.8.0" ≥ "140.0")? */
export function atLeast(version: string, min: string): boolean {
  const a = version.split('.').map(Number);
  const b = min.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}
