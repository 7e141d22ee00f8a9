/**
 * The browser's side panel as the background uses it: Chromium's `sidePanel` or Firefox's
 * `sidebarAction`, both behind one small interface, and the messages to the open panel.
 *
 * Both browsers open a panel only in response to a user gesture, and only when the call is
 * made synchronously in the handler of that gesture (measured in Chromium 156, Firefox
 * ESR 140 and 153; README, "The side panel"):
 * - Chromium: a context-menu click, a keyboard command, and a runtime message that a content
 *   script sent from a trusted click or key press ("Read more"), if `open()` is called
 *   before the listener's first `await`. After one microtask the gesture is gone.
 * - Firefox: a context-menu click, a keyboard command, a click in an extension page; never
 *   a runtime message, whoever sent it ("may only be called from a user input handler").
 */
import { browser } from 'wxt/browser';

/** The command that opens and closes the panel in Chromium (wxt.config.ts names it). */
export const TOGGLE_PANEL_COMMAND = 'toggle-panel';

/** Where the guide should go: a section or term anchor, a search, or both. */
export interface GuideLink {
  hash?: string;
  query?: string;
}

/** What the background can ask of the browser's panel. */
export interface PanelApi {
  /**
   * Opens the panel in a window. Call it synchronously in a gesture's handler: it resolves
   * false when the browser refused (no gesture, or no panel support).
   */
  open(windowId: number): Promise<boolean>;
}

// Chromium's API, which the polyfill passes through untouched (typed here: WXT's browser
// types are Chromium's, and Firefox's sidebarAction is not among them).
interface ChromiumSidePanel {
  open(options: { windowId: number }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

const refused = () => false;

/** The panel of this browser, or undefined where there is none (Firefox for Android). */
export function browserPanel(): PanelApi | undefined {
  const api = browser as unknown as {
    sidePanel?: ChromiumSidePanel;
    sidebarAction?: FirefoxSidebarAction;
  };
  const sidePanel = api.sidePanel;
  if (sidePanel) {
    return {
      open: (windowId) => {
        try {
          return sidePanel.open({ windowId }).then(() => true, refused);
        } catch {
          return Promise.resolve(false);
        }
      },
    };
  }
  const sidebar = api.sidebarAction;
  if (sidebar) {
    return {
      // Firefox opens the sidebar of the window the gesture happened in.
      open: () => {
        try {
          return sidebar.open().then(() => true, refused);
        } catch {
          return Promise.resolve(false);
        }
      },
    };
  }
  return undefined;
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
  try {
    const answer: unknown = await browser.runtime.sendMessage({
      type: 'show-in-panel',
      windowId,
      ...link,
    });
    return answer === true;
  } catch {
    return false; // no extension page is open at all
  }
}

/** Asks the panel of a window to close if it was open before `openedBefore`; true if it did. */
export async function closePanel(windowId: number, openedBefore: number): Promise<boolean> {
  try {
    const answer: unknown = await browser.runtime.sendMessage({
      type: 'close-panel',
      windowId,
      openedBefore,
    });
    return answer === true;
  } catch {
    return false;
  }
}
