/**
 * The background's side of the side panel: the places waiting for a panel that is only
 * starting, and the messages to the open one. Opening it is lib/panel-api.ts.
 */
import { browser } from 'wxt/browser';
import { send } from '@/lib/messages';
import { panelApiOf, type PanelApi } from '@/lib/panel-api';

export type { PanelApi };

/** The browser's panel, or undefined where there is none. */
export const browserPanel = (): PanelApi | undefined => panelApiOf(browser);

/** The command that opens and closes the panel in Chromium (wxt.config.ts names it). */
export const TOGGLE_PANEL_COMMAND = 'toggle-panel';

/** Where the guide should go: a section or term anchor, a search, or both. */
export interface GuideLink {
  hash?: string;
  query?: string;
}

/** How long a place waits for the panel that was opened for it to start and take it. */
export const PENDING_MS = 10_000;

/**
 * Places waiting for a panel that a gesture just opened: it was not there to be told,
 * so it asks (`take-panel-request`) as it starts. One per window; stale ones expire.
 */
export class PendingPlaces {
  private readonly places = new Map<number, { link: GuideLink; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Keeps the place for the panel of this window. */
  put(windowId: number, link: GuideLink): void {
    this.places.set(windowId, { link, at: this.now() });
  }

  /** The place waiting for this window's panel (once), if it is recent. */
  take(windowId: number): GuideLink | undefined {
    const entry = this.places.get(windowId);
    this.places.delete(windowId);
    return entry && this.now() - entry.at <= PENDING_MS ? entry.link : undefined;
  }
}

/**
 * Tells the panel of a window to show a place; true if one answered that it did. Every
 * open extension page hears the broadcast, and only the panel in that window answers.
 */
export async function showInPanel(link: GuideLink, windowId: number): Promise<boolean> {
  // Null when no extension page is open at all.
  const answer = await send(browser.runtime, { type: 'show-in-panel', windowId, ...link });
  return answer === true;
}

/** Asks the panel of a window to close if it was open before `openedBefore`; true if it did. */
export async function closePanel(windowId: number, openedBefore: number): Promise<boolean> {
  const answer = await send(browser.runtime, { type: 'close-panel', windowId, openedBefore });
  return answer === true;
}
