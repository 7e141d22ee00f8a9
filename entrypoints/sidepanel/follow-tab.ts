/**
 * The side panel follows the active tab of its window: which tab that is, and its terms,
 * live. It connects a port (PAGE_PORT) to the tab's content script, which sends the terms
 * at once and whenever they change, and the term of each tooltip that opens. Tab switches
 * (`tabs.onActivated`), navigations (`tabs.onUpdated` status) and a content script that
 * starts later (its `page-terms-changed` report) move or renew the port. None of these
 * needs the `tabs` permission: ids and status come without it.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import type { PageTermsState } from '@/components/PageTermsView';
import { stateOfTerms, targetTabId } from '@/components/tab-terms';
import { PAGE_PORT, PagePortMessageSchema, dispatcher, parse, type Handlers } from '@/lib/messages';

/** How long a tab that is loading may take to bring up its content script. */
const START_GRACE_MS = 3000;

/** What the panel knows of the tab it follows. */
export interface FollowedTab {
  windowId: number | undefined;
  tabId: number | undefined;
  pageTerms: PageTermsState;
}

/**
 * Follows the active tab of the panel's window (first the one `?tab=` names, for the
 * tests, which open the panel page in a tab of its own). `onTooltip` hears each term
 * whose tooltip opens there.
 */
export function useFollowedTab(onTooltip: (termId: string) => void): FollowedTab {
  const [followed, setFollowed] = useState<FollowedTab>({
    windowId: undefined,
    tabId: undefined,
    pageTerms: { status: 'loading' },
  });

  useEffect(() => {
    let stopped = false;
    let windowId: number | undefined;
    let ownTabId: number | undefined;
    let tabId: number | undefined;
    let port: Browser.runtime.Port | undefined;
    let heard = false;
    let loadingSince = 0;
    let grace: ReturnType<typeof setTimeout> | undefined;
    const own = { ownId: browser.runtime.id, ownOrigin: browser.runtime.getURL('/') };

    const show = (pageTerms: PageTermsState) => {
      if (!stopped) setFollowed({ windowId, tabId, pageTerms });
    };
    const drop = () => {
      const old = port;
      port = undefined;
      heard = false;
      old?.disconnect();
    };
    const unreachable = () => {
      clearTimeout(grace);
      // A page that is still loading gets a moment for its content script to start.
      const wait = loadingSince + START_GRACE_MS - Date.now();
      if (wait <= 0) return show({ status: 'unreachable' });
      grace = setTimeout(() => !port && show({ status: 'unreachable' }), wait);
    };
    const connect = () => {
      drop();
      if (tabId === undefined) return show({ status: 'unreachable' });
      let opened: Browser.runtime.Port;
      try {
        // The top-level page's script: it speaks for the tab, frames included.
        opened = browser.tabs.connect(tabId, { name: PAGE_PORT, frameId: 0 });
      } catch {
        return unreachable();
      }
      port = opened;
      opened.onMessage.addListener((raw: unknown) => {
        if (opened !== port) return;
        const message = parse(PagePortMessageSchema, raw);
        if (message?.type === 'page-terms') {
          heard = true;
          clearTimeout(grace);
          const { terms, available, hostname } = message;
          show(stateOfTerms({ terms, available, hostname }));
        } else if (message?.type === 'tooltip-opened') {
          onTooltip(message.termId);
        }
      });
      opened.onDisconnect.addListener(() => {
        // Read, so Chromium does not log "Unchecked runtime.lastError" for a tab without
        // a content script: that is an answer here, not an error.
        void browser.runtime.lastError;
        if (opened !== port) return;
        // No content script there (a browser page, a store), or it went (navigation,
        // back/forward cache): the next load or its first report connects again.
        const wasHeard = heard;
        port = undefined;
        heard = false;
        if (!wasHeard) unreachable();
      });
    };
    const follow = (next: number | undefined) => {
      tabId = next;
      loadingSince = 0;
      show({ status: 'loading' });
      connect();
    };

    const onActivated = (info: { tabId: number; windowId: number }) => {
      // The panel opened as a page in a tab (tests) does not follow itself.
      if (info.windowId === windowId && info.tabId !== ownTabId) follow(info.tabId);
    };
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id !== tabId) return;
      if (change.status === 'loading') {
        drop();
        loadingSince = Date.now();
        show({ status: 'loading' });
      } else if (change.status === 'complete' && !port) {
        connect();
      }
    };
    const handlers: Handlers<Browser.runtime.MessageSender> = {
      // The content script's first report says it is ready: a port made before failed.
      'page-terms-changed': (_message, sender) => {
        if (sender.tab?.id === tabId && !port) connect();
        return undefined;
      },
    };
    const onMessage = dispatcher(own, handlers);
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.runtime.onMessage.addListener(onMessage);

    void (async () => {
      const [current, self] = await Promise.all([
        browser.windows.getCurrent().catch(() => undefined),
        browser.tabs.getCurrent().catch(() => undefined),
      ]);
      windowId = current?.id;
      ownTabId = self?.id;
      if (!stopped) follow(await targetTabId(window.location.search).catch(() => undefined));
    })();

    return () => {
      stopped = true;
      clearTimeout(grace);
      drop();
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, []);

  return followed;
}
