import type { JSX } from 'preact';
import { browser } from 'wxt/browser';
import { placeHref, type GuideRequest, type Place, type View } from '../lib/guide-links';
import { termById } from '../content/index';
import { createAppSettingsStore, loadAppData, settingsEnvironment, termLabel } from './knowledge';
import { MyoLensApp, type AppData, type AppRequest } from './MyoLensApp';
import { PageTermsView, type PageTermsState } from './PageTermsView';
import { SettingsView } from './SettingsView';
import { revealTerm } from './tab-terms';

/** The content and search the popup and the side panel show (loaded once per page). */
export const companionData: AppData = loadAppData();
/** The settings store of the page (the side panel also watches "Follow the page"). */
export const companionStore = createAppSettingsStore();

/** Opens the guide in a new tab at a place (and with the query typed). */
export function openGuideTab(place: Place, query: string): Promise<unknown> {
  return browser.tabs.create({
    url: browser.runtime.getURL('/guide.html') + placeHref(place, query),
  });
}

/**
 * The popup's and the side panel's app: the guide's views, "This page" for one tab, and
 * settings that offer "Off on <that tab's site>". Where the tab comes from, and how its
 * terms are learned, is the caller's: the popup asks once per showing, the panel follows.
 */
export function CompanionApp(props: {
  initial: GuideRequest;
  /** The tab "This page" shows. */
  tabId: number | undefined;
  pageTerms: PageTermsState;
  onShow?: (view: View) => void;
  /** "Open in a tab": the popup closes itself after. */
  openInTab: (place: Place, query: string) => void;
  /** "Side panel" (the popup, where the browser has one): opens the guide beside the page. */
  openPanel?: () => void;
  request?: AppRequest;
}): JSX.Element {
  const { pageTerms, tabId } = props;
  const hostname =
    pageTerms.status === 'ready' || pageTerms.status === 'off' ? pageTerms.hostname : '';
  return (
    <MyoLensApp
      data={companionData}
      initial={props.initial}
      syncUrl={false}
      onShow={props.onShow}
      request={props.request}
      headerAction={(place, query) => (
        <span class="ml-app__actions">
          {props.openPanel && (
            <button type="button" class="ml-button ml-button--quiet" onClick={props.openPanel}>
              Side panel
            </button>
          )}
          <button
            type="button"
            class="ml-button ml-button--quiet"
            onClick={() => props.openInTab(place, query)}
          >
            Open in a tab<span aria-hidden="true"> ↗</span>
          </button>
        </span>
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
          store={companionStore}
          hostname={hostname || undefined}
          termLabel={termLabel}
          {...settingsEnvironment}
        />
      )}
    />
  );
}
