import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import {
  CompanionApp,
  companionData,
  companionStore,
  openGuideTab,
} from '@/components/CompanionApp';
import type { AppRequest } from '@/components/MyoLensApp';
import { guideLinkSuffix, parseGuideLocation, placeOfFragment } from '@/lib/guide-links';
import { dispatcher, send, type Handlers, type PanelRequest } from '@/lib/messages';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { useFollowedTab } from './follow-tab';

/** When this panel started: the open/close command closes only a panel older than the press. */
const OPENED_AT = Date.now();

/** The guide request for a place the background sent (`#hash`, `?q=`). */
function requestOf(link: PanelRequest, focus: boolean): AppRequest {
  const url = new URL(guideLinkSuffix(link), window.location.href);
  return { to: parseGuideLocation(url, companionData.locator), focus };
}

/**
 * The side panel (Chromium) or sidebar (Firefox): the popup's app, beside the page. It
 * follows the reader: "This page" is the active tab's, live; a tooltip opened on the page
 * shows its entry here ("Follow the page"); and it is where "Read more" and the lookup
 * open when the browser lets them (background/open-guide.ts).
 */
export function PanelApp(): JSX.Element {
  const initial = useMemo(() => parseGuideLocation(window.location, companionData.locator), []);
  const [request, setRequest] = useState<AppRequest | undefined>(undefined);
  const followPage = useRef(DEFAULT_SETTINGS.followPage);
  useEffect(() => {
    void companionStore.loadSettings().then((loaded) => {
      followPage.current = loaded.settings.followPage;
    });
    return companionStore.watchSettings((loaded) => {
      followPage.current = loaded.settings.followPage;
    });
  }, []);

  const { windowId, tabId, pageTerms } = useFollowedTab((termId) => {
    if (!followPage.current) return;
    const to = placeOfFragment(`term-${termId}`, companionData.locator);
    // Scroll only: the reader's focus stays on the page (or wherever it is in the panel).
    if (to) setRequest({ to: { place: to, query: '' }, focus: false });
  });

  useEffect(() => {
    if (windowId === undefined) return undefined;
    const own = { ownId: browser.runtime.id, ownOrigin: browser.runtime.getURL('/') };
    // Every open panel hears these; only the one in this window answers.
    const handlers: Handlers<Browser.runtime.MessageSender> = {
      'show-in-panel': (message) => {
        if (message.windowId !== windowId) return undefined;
        const { hash, query } = message;
        setRequest(requestOf({ hash, query }, true));
        return true;
      },
      'close-panel': (message) => {
        if (message.windowId !== windowId || OPENED_AT >= message.openedBefore) return undefined;
        window.close();
        return true;
      },
    };
    const onMessage = dispatcher(own, handlers);
    browser.runtime.onMessage.addListener(onMessage);
    // Opened by "Read more" or a lookup: the place is waiting in the background.
    void send(browser.runtime, { type: 'take-panel-request', windowId }).then((waiting) => {
      if (waiting && (waiting.hash || waiting.query)) setRequest(requestOf(waiting, true));
    });
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [windowId]);

  return (
    <CompanionApp
      initial={initial}
      tabId={tabId}
      pageTerms={pageTerms}
      openInTab={(place, query) => void openGuideTab(place, query)}
      request={request}
    />
  );
}
