/**
 * Full-text search over the knowledge base with MiniSearch: prefix and fuzzy matching,
 * field boosts, results grouped by kind with highlighted titles and snippets.
 * The index is built by the content build step and only loaded here.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { SearchDocument, SearchKind } from './documents';
import { highlight, snippet, type Segment } from './snippet';
import { expandQuery, processTerm, tokenize } from './text';

export { expandQuery } from './text';

export type { SearchDocument, SearchKind } from './documents';
export type { Segment } from './snippet';

/** The indexed fields, strongest first. */
export const SEARCH_FIELDS = ['label', 'aliases', 'heading', 'question', 'body'] as const;

// A term's own name beats its other forms, a heading or question beats running text:
// "fast twitch" is an alias of the fibres but only a phrase in the sections' text.
const BOOST: Record<(typeof SEARCH_FIELDS)[number], number> = {
  label: 6,
  aliases: 4,
  heading: 3,
  question: 3,
  body: 1,
};

/**
 * Index options. The build step and `loadSearchIndex` must use the same ones:
 * MiniSearch stores terms, not the way they were made.
 */
export const SEARCH_OPTIONS: Options<SearchDocument> = {
  idField: 'id',
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  tokenize,
  processTerm: (term) => processTerm(term) ?? undefined,
  searchOptions: {
    boost: BOOST,
    combineWith: 'OR',
    // Prefix from three letters ("mit" → mitochondria) but not for "d" in "vitamin d",
    // which would pull in every word starting with d.
    prefix: (term) => term.length >= 3,
    // One typo per five letters: "vitamn" (1), "sarcopnia" and "dynapena" (2).
    fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
  },
};

/** A fresh index of the documents (what the build step serializes). */
export function buildSearchIndex(documents: readonly SearchDocument[]): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  index.addAll(documents);
  return index;
}

/** The index from its serialized JSON (MiniSearch `toJSON` output, as a string). */
export function loadSearchIndex(json: string): MiniSearch<SearchDocument> {
  return MiniSearch.loadJSON<SearchDocument>(json, SEARCH_OPTIONS);
}

/** One result: what it opens, and its title and snippet with the matched words marked. */
export interface SearchHit {
  id: string;
  kind: SearchKind;
  targetId: string;
  score: number;
  title: Segment[];
  snippet: Segment[];
}

/** The results of one kind, best first. */
export interface SearchGroup {
  kind: SearchKind;
  label: string;
  hits: SearchHit[];
}

/** What a query found: groups ordered by their best hit; `suggestions` only when nothing was. */
export interface SearchResults {
  query: string;
  groups: SearchGroup[];
  count: number;
  suggestions: string[];
}

export const GROUP_LABELS: Record<SearchKind, string> = {
  term: 'Glossary',
  section: 'Guide sections',
  faq: 'FAQ',
};
/** Most hits shown per group: enough to choose from, few enough to scan in a popup. */
export const MAX_HITS_PER_GROUP = 5;
/** Longest query searched; longer input is cut, not refused. */
export const MAX_QUERY_LENGTH = 100;

const KINDS: readonly SearchKind[] = ['term', 'section', 'faq'];
// Phrased as a question, a query is most likely answered by an FAQ entry.
const QUESTION = /^(?:how|what|why|when|which|who|can|could|does|do|is|are|should|will)\b|\?\s*$/i;
const QUESTION_BOOST = 2;

/** Searches a loaded index; `documents` supply titles and snippet text by id. */
export function createSearcher(
  index: MiniSearch<SearchDocument>,
  documents: readonly SearchDocument[],
): { search(query: string): SearchResults } {
  const byId = new Map(documents.map((doc) => [doc.id, doc]));

  const run = (query: string, options: Parameters<typeof index.search>[1] = {}) =>
    index.search(query, options).filter((result) => byId.has(String(result.id)));

  const toHit = (result: SearchResult): SearchHit => {
    const doc = byId.get(String(result.id))!;
    return {
      id: doc.id,
      kind: doc.kind,
      targetId: doc.targetId,
      score: result.score,
      title: highlight(doc.title, result.terms),
      snippet: snippet(doc.body, result.terms),
    };
  };

  // Nothing found: a looser search (more typos, any prefix) names what is close.
  const suggest = (query: string): string[] => {
    const titles = run(query, { fuzzy: 0.4, prefix: true })
      // Close to a term's own name or forms, not merely to a word of its summary.
      .filter((result) =>
        Object.values(result.match).some((fields) =>
          fields.some((field) => field === 'label' || field === 'aliases'),
        ),
      )
      .map((result) => byId.get(String(result.id))!.title);
    return [...new Set(titles)].slice(0, 3);
  };

  return {
    search(raw: string): SearchResults {
      const query = raw.trim().slice(0, MAX_QUERY_LENGTH);
      if (query === '') return { query, groups: [], count: 0, suggestions: [] };
      const question = QUESTION.test(query);
      const results = run(expandQuery(query), {
        boostDocument: (id) => (question && String(id).startsWith('faq:') ? QUESTION_BOOST : 1),
      });
      const groups = KINDS.map((kind): SearchGroup => ({
        kind,
        label: GROUP_LABELS[kind],
        hits: results
          .filter((result) => byId.get(String(result.id))!.kind === kind)
          .slice(0, MAX_HITS_PER_GROUP)
          .map(toHit),
      }))
        .filter((group) => group.hits.length > 0)
        .sort((a, b) => b.hits[0]!.score - a.hits[0]!.score);
      const count = groups.reduce((sum, group) => sum + group.hits.length, 0);
      return { query, groups, count, suggestions: count === 0 ? suggest(query) : [] };
    },
  };
}
