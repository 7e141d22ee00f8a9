/**
 * Where the app is (view and target element) and how it moves: tab switches, in-app
 * links, search results, and, in the guide tab, the address bar and Back/Forward.
 */
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import {
  placeHref,
  placeOfFragment,
  type GuideRequest,
  type Locator,
  type Place,
  type View,
} from '../lib/guide-links';
import { bringIntoView } from './bring-into-view';

/** The navigation state and its one mover. */
export interface Navigation {
  place: Place;
  /** The FAQ entry a link or result opened last (stays open). */
  faqOpen: string | undefined;
  /** Views shown at least once: they stay mounted, keeping scroll and open disclosures. */
  mounted: ReadonlySet<View>;
  /**
   * Moves to a place (Search if this app has no such view); `history: 'none'` leaves the
   * address bar alone, `focus: false` scrolls to the target without moving focus.
   */
  go: (next: Place, history?: 'push' | 'none', focus?: boolean) => void;
}

// An empty href would keep the old fragment; the bare path clears it.
const urlOf = (place: Place, query: string): string =>
  placeHref(place, query) || window.location.pathname;

/** Navigation over the given views; `syncUrl` (guide tab) keeps the URL in step. */
export function useNavigation(options: {
  initial: GuideRequest;
  views: readonly View[];
  locator: Locator;
  syncUrl: boolean;
  query: string;
  onShow?: (view: View) => void;
}): Navigation {
  const { initial, views, locator, syncUrl } = options;
  // A link to a view this page does not have ("#page" in the guide tab) opens Search.
  const usable = (place: Place | null): Place =>
    place && views.includes(place.view) ? place : { view: 'search' };
  const start = usable(initial.place);
  const [place, setPlace] = useState<Place>(start);
  // A new object per navigation, so going to the same anchor twice scrolls twice.
  const [target, setTarget] = useState(start.anchor ? { anchor: start.anchor, focus: true } : null);
  const [faqOpen, setFaqOpen] = useState(start.view === 'faq' ? start.anchor : undefined);
  const [mounted, setMounted] = useState<ReadonlySet<View>>(() => new Set([start.view]));

  const go = (to: Place, history: 'push' | 'none' = syncUrl ? 'push' : 'none', focus = true) => {
    const next = usable(to);
    setPlace(next);
    options.onShow?.(next.view);
    setMounted((shown) => (shown.has(next.view) ? shown : new Set([...shown, next.view])));
    if (next.view === 'faq' && next.anchor) setFaqOpen(next.anchor);
    setTarget(next.anchor ? { anchor: next.anchor, focus } : null);
    if (history === 'push') window.history.pushState(null, '', urlOf(next, options.query));
  };

  useLayoutEffect(() => {
    if (target) bringIntoView(target.anchor, document, target.focus);
  }, [target]);

  useEffect(() => {
    if (!syncUrl) return undefined;
    // Back and Forward (and edits of the fragment) move the app, without a new entry.
    const onPop = () => go(usable(placeOfFragment(window.location.hash.slice(1), locator)), 'none');
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // The query is part of the guide tab's address (`?q=`), replaced as the reader types.
  useEffect(() => {
    if (syncUrl) window.history.replaceState(null, '', urlOf(place, options.query));
  }, [options.query]);

  return { place, faqOpen, mounted, go };
}
