/**
 * Waiting on the content script instead of polling the page: the `when-idle` message (an
 * extension page to a tab's content script) is answered once the scan is idle, in
 * `get-page-terms`'s shape. Sent from the service worker, as e2e's mentionCounts sends
 * `get-page-terms`.
 */
import type { BrowserContext, Page } from 'playwright';
import { backgroundWorker } from '../support/extension';

/** The content script's answer: its mentions, and when the answer came, in the page's clock. */
export interface IdleAnswer {
  /** Mentions found, underlined or not, summed over the terms ("This page"). */
  mentions: number;
  /** Whether a controller answered (false: MyoLens is off on this page). */
  available: boolean;
  /**
   * When the answer reached the service worker, in ms from the page's navigation start:
   * the scan's end plus one message's trip (epoch times of the two processes compared).
   */
  at: number;
}

/** Chromium's tabs API as the service worker sees it (the part we call). */
interface TabsApi {
  query(query: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: object, options?: { frameId?: number }): Promise<unknown>;
}

/**
 * Asks the active tab's content script `when-idle` and resolves with its answer once its
 * scan is idle; null when no content script answered within `timeoutMs`. Until the
 * content script listens (it loads settings first) the message finds no receiver: the
 * worker tries again every 25 ms, a retry on "not there yet", not a wait for the scan.
 */
export async function whenIdle(
  context: BrowserContext,
  extensionDir: string,
  page: Page,
  timeoutMs = 60_000,
): Promise<IdleAnswer | null> {
  await page.bringToFront();
  // Looked up each time: an idle MV3 service worker is stopped and comes back as a new one.
  const worker = await backgroundWorker(context, extensionDir);
  const answer = await worker.evaluate(async (timeout) => {
    const { tabs } = (globalThis as unknown as { chrome: { tabs: TabsApi } }).chrome;
    const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) return null;
    const end = Date.now() + timeout;
    for (;;) {
      // The top frame's script: once content scripts run in frames too, the first frame
      // to answer a message sent to every frame would win.
      const reply = (await tabs
        .sendMessage(tab.id, { type: 'when-idle' }, { frameId: 0 })
        .catch(() => null)) as {
        terms?: { count: number }[];
        available?: boolean;
      } | null;
      if (reply && Array.isArray(reply.terms))
        return {
          mentions: reply.terms.reduce((n, t) => n + t.count, 0),
          available: reply.available === true,
          epoch: performance.timeOrigin + performance.now(),
        };
      if (Date.now() > end) return null;
      await new Promise((r) => setTimeout(r, 25));
    }
  }, timeoutMs);
  if (!answer) return null;
  const at = await page.evaluate((epoch) => epoch - performance.timeOrigin, answer.epoch);
  return { mentions: answer.mentions, available: answer.available, at };
}
