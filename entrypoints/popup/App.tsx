import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CompanionApp, companionData, openGuideTab } from '@/components/CompanionApp';
import type { PageTermsState } from '@/components/PageTermsView';
import { loadPageTerms, targetTabId } from '@/components/tab-terms';
import { panelApiOf } from '@/lib/panel-api';
import { parseGuideLocation } from '@/lib/guide-links';

/** The toolbar popup: search first, then the guide's views, the page's terms and settings. */
export function PopupApp(): JSX.Element {
  const initial = useMemo(() => parseGuideLocation(window.location, companionData.locator), []);
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [pageTerms, setPageTerms] = useState<PageTermsState>({ status: 'loading' });
  const tabIdRef = useRef<Promise<number | undefined>>();
  // Asked at open (Settings needs the hostname) and again whenever the view is shown:
  // the page may still have been scanning, or may have changed, the first time.
  const refreshPageTerms = () => {
    tabIdRef.current ??= targetTabId(window.location.search).catch(() => undefined);
    void tabIdRef.current.then(async (id) => {
      setTabId(id);
      setPageTerms(await loadPageTerms(id));
    });
  };
  useEffect(refreshPageTerms, []);
  // Known before the click: the browser opens its panel only synchronously in the gesture.
  const panel = useMemo(() => panelApiOf(browser), []);
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  useEffect(() => {
    browser.windows.getCurrent().then(
      (current) => setWindowId(current.id),
      () => undefined,
    );
  }, []);
  const openPanel =
    panel && windowId !== undefined
      ? () => void panel.open(windowId).then((opened) => opened && window.close())
      : undefined;
  return (
    <CompanionApp
      initial={initial}
      tabId={tabId}
      pageTerms={pageTerms}
      onShow={(view) => view === 'page' && refreshPageTerms()}
      // The popup closes, as it does for any new tab.
      openInTab={(place, query) => void openGuideTab(place, query).then(() => window.close())}
      openPanel={openPanel}
    />
  );
}
