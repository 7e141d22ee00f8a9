import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FaqEntry, GlossaryTerm, Guide } from '../content/schema';
import type { SearchHit, SearchResults } from '../lib/search';
import {
  placeOfFragment,
  type GuideRequest,
  type Locator,
  type Place,
  type View,
} from '../lib/guide-links';
import { ArticleView } from './ArticleView';
import { FaqView } from './FaqView';
import { GlossaryView } from './GlossaryView';
import { SearchView } from './SearchView';
import { panelId, tabId, ViewTabs, type ViewTab } from './ViewTabs';
import { useNavigation } from './use-navigation';

/** Content and search, loaded once per page. */
export interface AppData {
  guide: Guide;
  faq: readonly FaqEntry[];
  glossary: readonly GlossaryTerm[];
  /** Titles of guide sections and FAQ entries, by id, for glossary links. */
  anchors: ReadonlyMap<string, string>;
  search: (query: string) => SearchResults;
  locator: Locator;
}

/** How the app moves to a place (a view, and an element in it). */
export type Navigate = (place: Place) => void;

/**
 * A move asked for from outside the app (the side panel: "Read more", a lookup, a tooltip
 * opened on the page). A new object each time, so the same place twice moves twice.
 */
export interface AppRequest {
  to: GuideRequest;
  /** Move focus to the target (false: only scroll there, focus stays where it is). */
  focus: boolean;
}

const BASE_TABS: ViewTab[] = [
  { view: 'search', label: 'Search' },
  { view: 'article', label: 'Article' },
  { view: 'faq', label: 'FAQ' },
  { view: 'glossary', label: 'Glossary' },
];

/**
 * The popup's and the guide tab's shared shell: tabs over Search, Article, FAQ, Glossary,
 * the page's terms (popup only) and Settings. In-app `#id` links and search results move
 * to the view holding that id; in a tab (`syncUrl`) the URL follows, so links, reloads and
 * Back work.
 */
export function MyoLensApp(props: {
  data: AppData;
  initial: GuideRequest;
  syncUrl: boolean;
  renderPage?: (navigate: Navigate) => ComponentChildren;
  renderSettings?: () => ComponentChildren;
  headerAction?: (place: Place, query: string) => ComponentChildren;
  /** Called when a view is shown (the popup refreshes the page's terms then). */
  onShow?: (view: View) => void;
  request?: AppRequest;
}): JSX.Element {
  const { data, initial, syncUrl } = props;
  const tabs = useMemo(
    () => [
      ...BASE_TABS,
      ...(props.renderPage ? [{ view: 'page' as const, label: 'This page' }] : []),
      ...(props.renderSettings ? [{ view: 'settings' as const, label: 'Settings' }] : []),
    ],
    [],
  );
  const [query, setQuery] = useState(initial.query);
  const results = useMemo(() => data.search(query), [query]);
  const inputRef = useRef<HTMLInputElement>(null);
  const { place, faqOpen, mounted, go } = useNavigation({
    initial,
    views: tabs.map((tab) => tab.view),
    locator: data.locator,
    syncUrl,
    query,
    onShow: props.onShow,
  });
  const navigate: Navigate = (next) => go(next);

  // Search first: the field has focus when the app opens on it (not on later tab
  // switches, where focus stays on the tab as the tabs pattern expects).
  useEffect(() => {
    if (place.view === 'search') inputRef.current?.focus();
  }, []);

  useEffect(() => {
    const request = props.request;
    if (!request) return;
    const { place: to, query: asked } = request.to;
    if (asked) setQuery(asked);
    const searching = !to || (asked && to.view === 'search' && !to.anchor);
    go(searching ? { view: 'search', anchor: 'search-input' } : to, 'none', request.focus);
  }, [props.request]);

  // One delegated handler for every in-app link: TOC, glossary "Read more", "See also".
  const onClick = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const next = placeOfFragment(link.getAttribute('href')!.slice(1), data.locator);
    if (!next) return;
    event.preventDefault();
    navigate(next);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // "/" jumps to the search field from anywhere but a text field, as on many sites.
    const editing = (event.target as Element | null)?.closest?.(
      'input:not([type="checkbox"]):not([type="radio"]), textarea, select, [contenteditable]',
    );
    if (event.key !== '/' || editing || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    // As a target, so focus moves once the search panel is shown (a hidden field can't take it).
    go({ view: 'search', anchor: 'search-input' }, 'none');
  };

  const openHit = (hit: SearchHit) => navigate(data.locator.placeOfResult(hit));

  const render = (view: View): ComponentChildren => {
    switch (view) {
      case 'search':
        return (
          <SearchView
            query={query}
            results={results}
            onQueryChange={setQuery}
            onOpen={openHit}
            inputRef={inputRef}
          />
        );
      case 'article':
        return <ArticleView guide={data.guide} />;
      case 'faq':
        return <FaqView entries={data.faq} disclaimer={data.guide.disclaimer} openId={faqOpen} />;
      case 'glossary':
        return (
          <GlossaryView
            terms={data.glossary}
            anchors={data.anchors}
            disclaimer={data.guide.disclaimer}
          />
        );
      case 'page':
        return props.renderPage?.(navigate);
      case 'settings':
        return props.renderSettings?.();
    }
  };

  return (
    <div class="ml-app" onClick={onClick} onKeyDown={onKeyDown}>
      <header class="ml-app__header">
        <div class="ml-app__brand">
          <h1 class="ml-app__title">MyoLens</h1>
          {props.headerAction?.(place, query)}
        </div>
        <ViewTabs
          tabs={tabs}
          current={place.view}
          onSelect={(view) => go({ view })}
          label="Views"
        />
      </header>
      <main class="ml-app__main">
        {tabs.map(({ view }) => (
          <div
            key={view}
            id={panelId(view)}
            role="tabpanel"
            aria-labelledby={tabId(view)}
            class={`ml-panel ml-panel--${view}`}
            hidden={view !== place.view}
            // The search panel starts with its field; the others need a stop to scroll from.
            tabIndex={view === 'search' ? -1 : 0}
          >
            {mounted.has(view) && render(view)}
          </div>
        ))}
      </main>
    </div>
  );
}
