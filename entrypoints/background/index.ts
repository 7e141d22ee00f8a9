import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { storage } from '@wxt-dev/storage';
import {
  dispatcher,
  sendToTab,
  type EngineResponse,
  type Handlers,
  type Message,
} from '@/lib/messages';
import { guideLinkSuffix } from '@/lib/guide-links';
import { lookupResults } from '@/lib/lookup-results';
import { createSettingsStore, defineSettingsSlots } from '@/lib/settings';
import { BadgeCounts } from './badge';
import { TabFrames } from './frames';
import { contextMenus, LOOKUP_MENU_ID, lookupQuery } from './menus';
import { guideOpener, panelToggler } from './open-guide';
import {
  browserPanel,
  closePanel,
  PendingPlaces,
  showInPanel,
  TOGGLE_PANEL_COMMAND,
} from './panel';
import { listenOmnibox, omniboxHandlers } from './omnibox';
import { knowledgeSearch } from './search';

/**
 * Keyboard commands: the ones the content script of the tab carries out. Next and
 * previous go to every frame, and the one whose document has focus acts; the site is the
 * top-level page's, so turning it off goes to that page's script.
 */
const TAB_COMMANDS: Record<string, { message: Message; topOnly: boolean }> = {
  'next-term': { message: { type: 'move-term', direction: 1 }, topOnly: false },
  'previous-term': { message: { type: 'move-term', direction: -1 }, topOnly: false },
  'toggle-site': { message: { type: 'toggle-site' }, topOnly: true },
};

export default defineBackground(() => {
  const own = { ownId: browser.runtime.id, ownOrigin: browser.runtime.getURL('/') };
  const store = createSettingsStore(defineSettingsSlots(storage));
  const badge = new BadgeCounts(browser.action);
  const frames = new TabFrames({
    askTop: async (tabId) =>
      (await sendToTab(browser.tabs, tabId, { type: 'get-page-terms' }, { frameId: 0 }))
        ?.hostname ?? null,
    tellTop: (tabId, list) =>
      void sendToTab(browser.tabs, tabId, { type: 'tab-frames', frames: list }, { frameId: 0 }),
    setTimeout: (callback, ms) => setTimeout(callback, ms),
  });

  const panel = browserPanel();
  const pending = new PendingPlaces();
  /**
   * Opens the guide at a place: `openGuide({ hash } | { query }, fromTab)`. In the side
   * panel of the reader's window where the browser lets this gesture open or reuse it,
   * else in a new tab next to the reader's; the address bar may ask for the current tab
   * instead, or a tab left in the background (`disposition`). Call it before any `await`
   * in the handler.
   */
  const openGuide = guideOpener({
    panel,
    pending,
    showInPanel,
    openTab: (link, from) => {
      const url = browser.runtime.getURL('/guide.html') + guideLinkSuffix(link);
      if (from?.disposition === 'currentTab' && from.id !== undefined)
        return browser.tabs.update(from.id, { url });
      return browser.tabs.create({
        url,
        index: from?.index !== undefined ? from.index + 1 : undefined,
        openerTabId: from?.id,
        active: from?.disposition !== 'newBackgroundTab',
      });
    },
  });
  const togglePanel = panel && panelToggler({ panel, closePanel, now: Date.now });

  // Our own contexts only, each only with the messages it may send (lib/messages).
  const handlers: Handlers<Browser.runtime.MessageSender> = {
    'open-guide': ({ hash, query }, sender) =>
      openGuide({ hash, query }, sender.tab).then(() => undefined),
    'take-panel-request': ({ windowId }) => pending.take(windowId) ?? null,
    'get-engine': () => {
      // Firefox only (Chromium has no getBrowserInfo, and its content script never asks).
      const info = (browser.runtime as { getBrowserInfo?: () => Promise<EngineResponse> })
        .getBrowserInfo;
      return info
        ? info().then(({ name, version }) => ({ name, version }))
        : Promise.resolve(undefined);
    },
    search: ({ query }) => lookupResults(knowledgeSearch().search(query)),
    'page-terms-changed': ({ count }, sender) => {
      if (sender.tab?.id === undefined || sender.frameId !== 0) return undefined;
      frames.topSeen(sender.tab.id, sender.url);
      badge.set(sender.tab.id, count);
      return undefined;
    },
    // A frame's own id and tab come from the browser (`sender`), never from the message.
    'frame-site': async (_message, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || !sender.frameId) return { hostname: null };
      return { hostname: await frames.topSite(tabId) };
    },
    'frame-terms': ({ terms }, sender) => {
      if (sender.tab?.id !== undefined && sender.frameId)
        frames.setTerms(sender.tab.id, sender.frameId, terms);
      return undefined;
    },
    'get-tab-frames': (_message, sender) =>
      sender.tab?.id !== undefined && sender.frameId === 0 ? frames.list(sender.tab.id) : [],
    // The side panel follows the tooltips of the tab's frames too: through the page's script.
    'frame-tooltip': ({ termId }, sender) => {
      if (sender.tab?.id === undefined || !sender.frameId) return undefined;
      const message = { type: 'tab-tooltip', termId } as const;
      void sendToTab(browser.tabs, sender.tab.id, message, { frameId: 0 });
      return undefined;
    },
    // Escape reaches only the document with focus: every frame of the tab hears it.
    'dismiss-tooltips': (_message, sender) => {
      if (sender.tab?.id !== undefined)
        void sendToTab(browser.tabs, sender.tab.id, { type: 'dismiss-tooltip' });
      return undefined;
    },
    // The frame reveals its mention and says where it is; the page then shows the frame.
    'reveal-in-frame': ({ frameId, termId }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || sender.frameId !== 0) return undefined;
      void sendToTab(browser.tabs, tabId, { type: 'reveal-term', termId }, { frameId }).then(
        (shown) => {
          if (shown)
            void sendToTab(
              browser.tabs,
              tabId,
              { type: 'show-frame', path: shown.path },
              { frameId: 0 },
            );
        },
      );
      return undefined;
    },
  };
  browser.runtime.onMessage.addListener(dispatcher(own, handlers));

  // Context menus persist across service-worker restarts; create them once per install.
  browser.runtime.onInstalled.addListener(() => {
    void contextMenus()
      .removeAll()
      .then(() =>
        contextMenus().create({
          id: LOOKUP_MENU_ID,
          title: 'Look up “%s” in MyoLens',
          contexts: ['selection'],
        }),
      );
  });
  /**
   * Asks the tab's content script to show the bubble at its selection; false where none
   * answers (the browser's own pages, our pages, a frame it does not run in).
   */
  const showInTab = async (text: string, tabId: number | undefined, frameId = 0) => {
    if (tabId === undefined || tabId < 0) return false;
    const message = { type: 'lookup-selection', text } as const;
    return (await sendToTab(browser.tabs, tabId, message, { frameId }))?.shown === true;
  };
  const onMenuClicked = async (
    info: { menuItemId: string | number; selectionText?: string; frameId?: number },
    tab?: { index?: number; id?: number; windowId?: number },
  ) => {
    if (info.menuItemId !== LOOKUP_MENU_ID) return;
    const query = lookupQuery(info.selectionText);
    if (!query || (await showInTab(query, tab?.id, info.frameId))) return;
    await openGuide({ query }, tab);
  };
  contextMenus().onClicked.addListener((info, tab) => void onMenuClicked(info, tab));

  // The address bar: the keyword (wxt.config.ts), then the guide's search as suggestions.
  const flavour = import.meta.env.FIREFOX ? 'plain' : 'xml';
  const omnibox = omniboxHandlers(knowledgeSearch, flavour, async (link, disposition) => {
    // The tab the address bar belongs to; no `tabs` permission is needed for its id.
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    // After that await the gesture is gone: an open panel is reused, else a tab opens.
    return openGuide(link, {
      index: tab?.index,
      id: tab?.id,
      windowId: tab?.windowId,
      disposition,
    });
  });
  listenOmnibox(omnibox, flavour);

  // Keyboard commands act on the tab they were pressed in; its content script knows its
  // own page (no `tabs` permission needed to read the URL).
  const onCommand = (command: string, tab?: { id?: number; windowId?: number }) => {
    if (command === TOGGLE_PANEL_COMMAND) {
      if (togglePanel && tab?.windowId !== undefined) void togglePanel(tab.windowId);
      return;
    }
    const action = TAB_COMMANDS[command];
    if (tab?.id === undefined || !action) return;
    if (action.topOnly) void sendToTab(browser.tabs, tab.id, action.message, { frameId: 0 });
    else void sendToTab(browser.tabs, tab.id, action.message);
  };
  browser.commands.onCommand.addListener(onCommand);
  // The e2e suite cannot click a native context menu, type into the address bar, nor press
  // a browser shortcut in headless Chromium; it calls these same handlers in the service
  // worker, where no web page can reach them.
  Object.assign(globalThis, {
    myolensMenuClicked: onMenuClicked,
    myolensOmnibox: omnibox,
    myolensCommand: onCommand,
  });

  // The badge counts the terms on the page now shown: a navigation clears it until the
  // new page's content script reports. `status` comes without the `tabs` permission.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    badge.set(tabId, 0);
    frames.navigating(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    badge.forget(tabId);
    frames.forget(tabId);
  });

  void store.loadSettings().then((loaded) => badge.enable(loaded.settings.badge));
  store.watchSettings((loaded) => badge.enable(loaded.settings.badge));
});
