import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  createAppSettingsStore,
  loadAppData,
  settingsEnvironment,
  termLabel,
} from '@/components/knowledge';
import { MyoLensApp } from '@/components/MyoLensApp';
import { PageTermsView, type PageTermsState } from '@/components/PageTermsView';
import { SettingsView } from '@/components/SettingsView';
import { termById } from '@/content/index';
import { parseGuideLocation, placeHref, type Place } from '@/lib/search-targets';
import { loadPageTerms, revealTerm, targetTabId } from './page-terms';

const data = loadAppData();
const store = createAppSettingsStore();

/** Opens the guide tab at a place; the popup closes, as it does for any new tab. */
function openInTab(place: Place, query: string): void {
  const url = browser.runtime.getURL('/guide.html') + placeHref(place, query);
  void browser.tabs.create({ url }).then(() => window.close());
}

/** The toolbar popup: search first, then the guide's views, the page's terms and settings. */
export function PopupApp(): JSX.Element {
  const initial = useMemo(() => parseGuideLocation(window.location, data.locator), []);
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
  const hostname =
    pageTerms.status === 'ready' || pageTerms.status === 'off' ? pageTerms.hostname : '';
  return (
    <MyoLensApp
      data={data}
      initial={initial}
      syncUrl={false}
      onShow={(view) => view === 'page' && refreshPageTerms()}
      headerAction={(place, query) => (
        <button
          type="button"
          class="ml-button ml-button--quiet"
          onClick={() => openInTab(place, query)}
        >
          Open in a tab<span aria-hidden="true"> ↗</span>
        </button>
      )}
      renderPage={(navigate) => (
        <PageTermsView
          state={pageTerms}
          termById={termById}
          reveal={(termId) => revealTerm(tabId, termId)}
          onOpenSettings={() => navigate({ view: 'settings' })}
        />
      )}
      renderSettings={() => (
        <SettingsView
          store={store}
          hostname={hostname || undefined}
          termLabel={termLabel}
          {...settingsEnvironment}
        />
      )}
    />
  );
}
