/**
 * The guide's links, both ways: the link for a place, and the place a link points to in
 * the popup, side panel and guide tab (a view, and the id of the element to scroll to).
 * `guide.html#<section>`, `#term-<id>`, `#faq-…` and `?q=<query>` are the guide's public
 * links (the tooltip, the context menu, the omnibox and search results use them).
 */
import { MAX_QUERY_LENGTH } from './search';
import type { SearchDocument, SearchKind } from './search/documents';

/** The query and fragment of a guide deep link: `?q=<query>` and `#<section|term-id>`. */
export function guideLinkSuffix({ hash, query }: { hash?: string; query?: string }): string {
  const search = query ? `?q=${encodeURIComponent(query)}` : '';
  const fragment = hash ? `#${encodeURIComponent(hash)}` : '';
  return `${search}${fragment}`;
}

/** The views of the popup and the guide tab; a bare `#faq` or `#settings` opens one. */
export const VIEWS = ['search', 'article', 'faq', 'glossary', 'page', 'settings'] as const;
export type View = (typeof VIEWS)[number];

/** A place in the app: a view, and optionally the element id to bring into view. */
export interface Place {
  view: View;
  anchor?: string;
}

const VIEW_OF_KIND: Record<SearchKind, View> = {
  term: 'glossary',
  section: 'article',
  faq: 'faq',
};

/** The element id a result of this kind and id is rendered with. */
export function anchorFor(kind: SearchKind, targetId: string): string {
  return kind === 'term' ? `term-${targetId}` : targetId;
}

/** Resolves anchors (element ids) to the view that renders them. */
export interface Locator {
  /** The place an element id belongs to, or null for ids the app does not render. */
  placeOf(anchor: string): Place | null;
  /** Where a search result opens: a term in the glossary, a section in the article, an FAQ entry. */
  placeOfResult(result: { kind: SearchKind; targetId: string }): Place;
}

/** A locator over the searchable content (the same ids the search documents carry). */
export function createLocator(documents: readonly SearchDocument[]): Locator {
  const views = new Map<string, View>();
  for (const doc of documents) views.set(anchorFor(doc.kind, doc.targetId), VIEW_OF_KIND[doc.kind]);
  return {
    placeOf: (anchor) => {
      const view = views.get(anchor);
      return view ? { view, anchor } : null;
    },
    placeOfResult: ({ kind, targetId }) => ({
      view: VIEW_OF_KIND[kind],
      anchor: anchorFor(kind, targetId),
    }),
  };
}

/** The place a URL fragment (without "#") names: an element id, else a view, else null. */
export function placeOfFragment(fragment: string, locator: Locator): Place | null {
  let id = fragment;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    return null; // a malformed escape ("%E0") names nothing we render
  }
  const view = VIEWS.find((name) => name === id);
  return locator.placeOf(id) ?? (view ? { view } : null);
}

/** The query and fragment of a place's URL ('' for the bare Search view). */
export function placeHref(place: Place, query: string): string {
  const hash = place.anchor ?? (place.view === 'search' ? undefined : place.view);
  return guideLinkSuffix({ hash, query: query.trim() || undefined });
}

/** What a guide URL asks for: a place from its fragment, a query from `?q=`. */
export interface GuideRequest {
  place: Place | null;
  query: string;
}

/** Reads `?q=` and `#anchor` (or `#view`) from a guide URL's search and hash parts. */
export function parseGuideLocation(
  location: { search: string; hash: string },
  locator: Locator,
): GuideRequest {
  const query = (new URLSearchParams(location.search).get('q') ?? '').slice(0, MAX_QUERY_LENGTH);
  const fragment = location.hash.replace(/^#/, '');
  const place = fragment ? placeOfFragment(fragment, locator) : null;
  return { place: place ?? (query ? { view: 'search' } : null), query };
}
