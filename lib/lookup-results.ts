/**
 * The best search results of a lookup as the selection bubble shows them: plain data the
 * background sends a tab, so the content script carries no search index.
 */
import type { SearchHit, SearchKind, SearchResults, Segment } from './search';
import { MAX_LOOKUP_HITS } from './lookup';
import { anchorFor } from './guide-links';

/** The best hits of a search whatever their kind, best first (ties keep the group order). */
export function bestHits(results: SearchResults, max: number): SearchHit[] {
  return results.groups
    .flatMap((group) => group.hits)
    .sort((a, b) => b.score - a.score)
    .slice(0, max);
}

/** One result as the selection bubble shows it: what it is, where it opens, its text. */
export interface LookupHit {
  kind: SearchKind;
  /** The guide anchor it opens (`term-<id>`, a section id or an FAQ id). */
  anchor: string;
  title: Segment[];
  snippet: Segment[];
}

/** What a lookup found: the query as searched, its best hits, near misses when none. */
export interface LookupResults {
  query: string;
  hits: LookupHit[];
  suggestions: string[];
}

/** The bubble's view of a search (plain data, sent from the background to a tab). */
export function lookupResults(results: SearchResults, max = MAX_LOOKUP_HITS): LookupResults {
  return {
    query: results.query,
    hits: bestHits(results, max).map((hit) => ({
      kind: hit.kind,
      anchor: anchorFor(hit.kind, hit.targetId),
      title: hit.title,
      snippet: hit.snippet,
    })),
    suggestions: results.suggestions,
  };
}
