/**
 * The content script's own JavaScript world in a page, reached over CDP: to know that the
 * script ran in a document, and that it has nothing left to do.
 *
 * "Nothing happened" needs a positive signal: a tooltip that did not open, a bubble that
 * did not show. What the pointer, keys and forged events set off in the content script
 * runs later only through a timer, an animation frame, an idle callback or the answer to
 * a runtime message. `quiet()` waits until none of those is pending (and stays so across
 * a task): from then on nothing more comes of that input, so the check after it is final.
 * (A scan goes on from slice to slice through a MessageChannel too: `whenIdle` in
 * helpers.ts is the signal for scans; `settledAll` waits for both.) The count is kept by wrappers installed in
 * the script's isolated world (its `setTimeout`, `requestAnimationFrame`,
 * `requestIdleCallback` and `chrome.runtime.sendMessage`), as soon as CDP reports the
 * world; the wrappers count, and call the browser's own functions. A test can also hold
 * the timeouts of one delay (`holdTimeouts`): to look at the page when a delay is over
 * but what it starts has not run.
 */
import type { CDPSession, Page } from '@playwright/test';

/** The name Chromium gives the content script's isolated world: the extension's name. */
const CONTENT_WORLD = 'MyoLens';

/** The watch installed in the content script's world; idempotent. */
const WATCH = `(() => {
  const g = globalThis;
  if (g.__myolensTestWatch) return true;
  // Each pending callback by id, with the delay it was scheduled for (timeouts).
  const pending = { timeout: new Map(), frame: new Map(), idle: new Map() };
  let messages = 0;
  // Delays whose timeouts are held when they run out, and their callbacks, held.
  const holds = new Set();
  const held = [];
  let scheduled = 0;
  let waiters = [];
  const size = () => pending.timeout.size + pending.frame.size + pending.idle.size + messages;
  const check = () => {
    if (size() || !waiters.length) return;
    const ready = waiters;
    waiters = [];
    for (const f of ready) f();
  };
  const nativeTimeout = g.setTimeout;
  const wrap = (kind, name, cancelName) => {
    const schedule = g[name];
    const cancel = g[cancelName];
    if (typeof schedule !== 'function') return;
    const set = pending[kind];
    g[name] = function (fn, ...rest) {
      let id;
      const delay = kind === 'timeout' ? Number(rest[0]) || 0 : 0;
      const fire = (...args) => {
        set.delete(id);
        try {
          if (typeof fn === 'function') fn(...args);
        } finally {
          check();
        }
      };
      id = schedule.call(g, (...args) => {
        if (kind === 'timeout' && holds.has(delay)) held.push({ id, delay, run: () => fire(...args) });
        else fire(...args);
      }, ...rest);
      set.set(id, delay);
      scheduled++;
      return id;
    };
    g[cancelName] = function (id) {
      cancel.call(g, id);
      const i = held.findIndex((h) => h.id === id);
      if (i >= 0) held.splice(i, 1);
      if (set.delete(id)) check();
    };
  };
  wrap('timeout', 'setTimeout', 'clearTimeout');
  wrap('frame', 'requestAnimationFrame', 'cancelAnimationFrame');
  wrap('idle', 'requestIdleCallback', 'cancelIdleCallback');
  const runtime = g.chrome && g.chrome.runtime;
  if (runtime && runtime.sendMessage) {
    const send = runtime.sendMessage;
    runtime.sendMessage = function (...args) {
      const answer = send.apply(this, args);
      if (!answer || typeof answer.then !== 'function') return answer;
      messages++;
      scheduled++;
      const done = () => {
        messages--;
        // What the answer's handlers do runs first (they were attached at once).
        nativeTimeout.call(g, check, 0);
      };
      answer.then(done, done);
      return answer;
    };
  }
  g.__myolensTestWatch = {
    scheduled: () => scheduled,
    hold: (delay) => void holds.add(delay),
    held: (delay) => held.filter((h) => h.delay === delay).length,
    release: (delay) => {
      holds.delete(delay);
      for (const h of held.splice(0).filter((h) => h.delay === delay)) h.run();
    },
    quiet: () =>
      new Promise((resolve) => {
        // Empty, and still empty one task later: a promise chain may schedule more.
        const settle = () => {
          waiters.push(() =>
            nativeTimeout.call(g, () => (size() ? settle() : resolve(scheduled)), 0),
          );
          check();
        };
        settle();
      }),
  };
  return true;
})()`;

interface ContextInfo {
  name: string;
  frameId: string;
}

/** The content script's world in one page (one CDP session, kept for the page's life). */
export class ContentWorld {
  private readonly contexts = new Map<number, ContextInfo>();
  private readonly created: (() => void)[] = [];

  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const frameId = (context.auxData as { frameId?: string } | undefined)?.frameId ?? '';
      this.contexts.set(context.id, { name: context.name, frameId });
      if (context.name !== CONTENT_WORLD) return;
      // Count from the start: what the script schedules from now on is seen.
      void cdp
        .send('Runtime.evaluate', { expression: WATCH, contextId: context.id })
        .catch(() => undefined);
      for (const wake of this.created.splice(0)) wake();
    });
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
      this.contexts.delete(executionContextId);
    });
    cdp.on('Runtime.executionContextsCleared', () => this.contexts.clear());
  }

  /** The world of `page`, attached once per page. */
  static async of(page: Page): Promise<ContentWorld> {
    let world = worlds.get(page);
    if (!world) {
      world = (async () => {
        const cdp = await page.context().newCDPSession(page);
        const found = new ContentWorld(page, cdp);
        // Existing contexts are reported as soon as the domain is on.
        await cdp.send('Runtime.enable');
        return found;
      })();
      worlds.set(page, world);
    }
    return world;
  }

  /** The content script's context in the page's main frame now, if it ran there. */
  async current(): Promise<number | undefined> {
    const { frameTree } = await this.cdp.send('Page.getFrameTree');
    const main = frameTree.frame.id;
    let found: number | undefined;
    for (const [id, c] of this.contexts)
      if (c.name === CONTENT_WORLD && c.frameId === main) found = Math.max(found ?? 0, id);
    return found;
  }

  /**
   * Waits until the content script has run in the page's current document (its world
   * exists and answers; the script's synchronous start is over by then); returns the
   * world's context id.
   */
  async ran(timeout = 15_000): Promise<number> {
    const end = Date.now() + timeout;
    for (;;) {
      const id = await this.current();
      if (id !== undefined) {
        await this.evaluate('true', id);
        return id;
      }
      const left = end - Date.now();
      if (left <= 0) throw new Error(`the content script never ran in ${this.page.url()}`);
      // Woken by the next world created, or tried again: the frame tree may have changed.
      await new Promise<void>((wake) => {
        this.created.push(wake);
        setTimeout(wake, Math.min(left, 250));
      });
    }
  }

  /** Evaluates `expression` (awaited, returned by value) in the content script's world. */
  async evaluate<T>(expression: string, contextId?: number): Promise<T> {
    const id = contextId ?? (await this.ran());
    const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', {
      expression,
      contextId: id,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails)
      throw new Error(
        `content world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`,
      );
    return result.value as T;
  }

  /**
   * Waits until the content script has no timer, animation frame, idle callback or
   * runtime message pending; returns how many it has scheduled since the watch began.
   */
  async quiet(): Promise<number> {
    const id = await this.ran();
    // Installed when the world was reported; again here in case that raced a reload.
    await this.evaluate(WATCH, id);
    return this.evaluate<number>('globalThis.__myolensTestWatch.quiet()', id);
  }
}

/**
 * Holds the content script's timeouts of `delay` ms: when one runs out, its callback waits
 * until `release`. A test double for one timer (what runs at the end of a hover delay),
 * so that a test can look at the page when the delay is over and its work not yet done.
 */
export async function holdTimeouts(page: Page, delay: number): Promise<void> {
  const world = await ContentWorld.of(page);
  const id = await world.ran();
  await world.evaluate(WATCH, id);
  await world.evaluate(`globalThis.__myolensTestWatch.hold(${Number(delay)})`, id);
}

/** How many held timeouts of `delay` ms have run out and wait (see holdTimeouts). */
export async function heldTimeouts(page: Page, delay: number): Promise<number> {
  return (await ContentWorld.of(page)).evaluate<number>(
    `globalThis.__myolensTestWatch.held(${Number(delay)})`,
  );
}

/** Runs the held callbacks of `delay` ms and stops holding them (see holdTimeouts). */
export async function releaseTimeouts(page: Page, delay: number): Promise<void> {
  await (
    await ContentWorld.of(page)
  ).evaluate(`globalThis.__myolensTestWatch.release(${Number(delay)})`);
}

const worlds = new WeakMap<Page, Promise<ContentWorld>>();

/** Waits until the content script of `page` has nothing pending (see ContentWorld.quiet). */
export async function quiet(page: Page): Promise<number> {
  return (await ContentWorld.of(page)).quiet();
}
