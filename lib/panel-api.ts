/**
 * The browser's side panel, Chromium's `sidePanel` or Firefox's `sidebarAction`, behind one
 * small interface. The browser object is passed in (the background's, the popup's).
 *
 * Both browsers open a panel only in response to a user gesture, and only when the call is
 * made synchronously in the handler of that gesture (measured in Chromium 156, Firefox
 * ESR 140 and 153; README, "The side panel"):
 * - Chromium: a click in an extension page, a context-menu click, a keyboard command, and
 *   a runtime message that a content script sent from a trusted click or key press ("Read
 *   more"), if `open()` is called before the listener's first `await`. After one
 *   microtask the gesture is gone.
 * - Firefox: a click in an extension page, a context-menu click, a keyboard command; never
 *   a runtime message, whoever sent it ("may only be called from a user input handler").
 */

/** What can be asked of the browser's panel. */
export interface PanelApi {
  /**
   * Opens the panel in a window. Call it synchronously in a gesture's handler: it resolves
   * false when the browser refused (no gesture).
   */
  open(windowId: number): Promise<boolean>;
}

// Chromium's API, which the polyfill passes through untouched, and Firefox's (typed here:
// WXT's browser types are Chromium's, and sidebarAction is not among them).
interface PanelNamespaces {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/** Runs an opening call; a refusal, thrown or rejected, is false. */
function attempt(run: () => Promise<void>): Promise<boolean> {
  try {
    return run().then(
      () => true,
      () => false,
    );
  } catch {
    return Promise.resolve(false);
  }
}

/** The panel of this browser, or undefined where there is none (Firefox for Android). */
export function panelApiOf(browser: object): PanelApi | undefined {
  const { sidePanel, sidebarAction } = browser as PanelNamespaces;
  if (sidePanel) return { open: (windowId) => attempt(() => sidePanel.open({ windowId })) };
  // Firefox opens the sidebar of the window the gesture happened in.
  if (sidebarAction) return { open: () => attempt(() => sidebarAction.open()) };
  return undefined;
}
