/**
 * Where the guide opens: in the side panel when the browser lets this gesture open or reuse
 * it, else in a new tab next to the reader's. Every way into the guide from the background
 * ("Read more", the context menu, the omnibox, the selection bubble) goes through the one
 * function `guideOpener` makes, and the panel's command through `panelToggler`'s.
 */
import type { Disposition } from './omnibox';
import type { GuideLink, PanelApi, PendingPlaces } from './panel';

/** The tab a request came from (without the `tabs` permission: ids and index only). */
export interface FromTab {
  id?: number;
  index?: number;
  windowId?: number;
  /** The address bar's wish for a tab (currentTab: that tab; default: a new, active one). */
  disposition?: Disposition;
}

/** Where a place was shown. */
export type GuideOpened = 'panel' | 'tab';

/** What the routing needs of the browser (fakes in the unit tests). */
export interface GuideRouteDeps {
  panel: PanelApi | undefined;
  pending: PendingPlaces;
  showInPanel(link: GuideLink, windowId: number): Promise<boolean>;
  openTab(link: GuideLink, from: FromTab | undefined): Promise<unknown>;
}

/**
 * `openGuide(link, fromTab)`: call it synchronously in the gesture's handler (a message
 * listener, the menu's onClicked, the omnibox's onInputEntered), before any `await`.
 */
export function guideOpener(
  deps: GuideRouteDeps,
): (link: GuideLink, from?: FromTab) => Promise<GuideOpened> {
  return (link, from) => {
    const windowId = from?.windowId;
    if (windowId === undefined || !deps.panel) return deps.openTab(link, from).then(() => 'tab');
    // Now, not after an await: the browser honours the gesture only until the first one.
    const opening = deps.panel.open(windowId);
    // A panel that is only now starting cannot hear the message below: it asks for this.
    deps.pending.put(windowId, link);
    return (async () => {
      const [opened, shown] = await Promise.all([opening, deps.showInPanel(link, windowId)]);
      if (shown) deps.pending.take(windowId);
      if (shown || opened) return 'panel';
      deps.pending.take(windowId);
      await deps.openTab(link, from);
      return 'tab';
    })();
  };
}

/** What the open/close command needs. */
export interface PanelToggleDeps {
  panel: PanelApi;
  /** Closes the window's panel if it was open before that time; true if it did. */
  closePanel(windowId: number, openedBefore: number): Promise<boolean>;
  now: () => number;
}

/**
 * The command that opens and closes the panel (Chromium; Firefox's built-in
 * `_execute_sidebar_action` does it there). Opening is called at once, in the gesture,
 * and is a no-op for a panel already open; that panel then closes itself, being older
 * than the key press. No state is kept, so a restarted service worker decides the same.
 */
export function panelToggler(
  deps: PanelToggleDeps,
): (windowId: number) => Promise<'opened' | 'closed' | 'refused'> {
  return (windowId) => {
    const pressed = deps.now();
    const opening = deps.panel.open(windowId);
    return (async () => {
      const opened = await opening;
      if (await deps.closePanel(windowId, pressed)) return 'closed';
      return opened ? 'opened' : 'refused';
    })();
  };
}
