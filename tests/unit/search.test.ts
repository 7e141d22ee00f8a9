import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildContent } from '../../content/build/build';
import { readContentSources } from '../../content/build/read-sources';
import { searchIndexJson } from '../../content/build/search-index';
import { SEARCH_INDEX_JSON } from '../../content/generated/search-index';
import { faq, flattenSections, glossary, guide } from '../../content/index';
import {
  buildSearchIndex,
  createSearcher,
  expandQuery,
  loadSearchIndex,
  MAX_HITS_PER_GROUP,
  MAX_QUERY_LENGTH,
  type SearchResults,
} from '../../lib/search';
import { searchDocuments } from '../../lib/search/documents';
import { READER_QUERIES, type ReaderQuery } from '../fixtures/search-queries';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const content = { guide, faq, glossary };
const documents = searchDocuments(content);
const built = buildContent(readContentSources(path.join(repoRoot, 'content')));
if (!built.guide || !built.faq || !built.glossary || !built.aliases)
  throw new Error(`content did not build: ${built.errors.join('; ')}`);
// The build indexes the lay aliases (content/aliases.yaml); the shipped documents need
// only titles and snippets, so they leave them out.
const builtContent = { guide: built.guide, faq: built.faq, glossary: built.glossary };
const aliases = built.aliases;
const loaded = createSearcher(loadSearchIndex(SEARCH_INDEX_JSON), documents);
const fresh = createSearcher(buildSearchIndex(searchDocuments({ ...content, aliases })), documents);
const withoutAliases = createSearcher(buildSearchIndex(documents), documents);

const allHits = (results: SearchResults) => results.groups.flatMap((group) => group.hits);
const groupHits = (results: SearchResults, kind: ReaderQuery['kind']) =>
  results.groups.find((group) => group.kind === kind)?.hits ?? [];

describe('ranking on the reader queries (tests/fixtures/search-queries.ts)', () => {
  test('there are at least fifty, covering every kind and rank', () => {
    expect(READER_QUERIES.length).toBeGreaterThanOrEqual(50);
    expect(new Set(READER_QUERIES.map((q) => q.kind))).toEqual(new Set(['term', 'section', 'faq']));
    expect(new Set(READER_QUERIES.map((q) => q.rank)).size).toBe(3);
  });

  test.each(READER_QUERIES.map((q) => [`${q.query} → ${q.kind}:${q.id} (${q.rank})`, q] as const))(
    '%s',
    (_name, { query, kind, id, rank }) => {
      const results = loaded.search(query);
      const ranked = (hits: { kind: string; targetId: string }[]) =>
        hits.map((hit) => `${hit.kind}:${hit.targetId}`);
      const want = `${kind}:${id}`;
      if (rank === 'first') expect(ranked(allHits(results))[0]).toBe(want);
      else if (rank === 'group-first') expect(ranked(groupHits(results, kind))[0]).toBe(want);
      else expect(ranked(groupHits(results, kind)).slice(0, 3)).toContain(want);
    },
  );
});

describe('the build-time index', () => {
  test('is up to date with the authored content (run `npm run content` after editing)', () => {
    expect(SEARCH_INDEX_JSON).toBe(searchIndexJson({ ...builtContent, aliases }));
  });

  test('loads with loadJSON and answers every reader query as a fresh index does', () => {
    // Serialized average field lengths can differ from live ones in the last bit.
    const rounded = (results: SearchResults) => ({
      ...results,
      groups: results.groups.map((group) => ({
        ...group,
        hits: group.hits.map((hit) => ({ ...hit, score: Number(hit.score.toPrecision(12)) })),
      })),
    });
    for (const { query } of READER_QUERIES)
      expect(rounded(loaded.search(query))).toEqual(rounded(fresh.search(query)));
    expect(loadSearchIndex(SEARCH_INDEX_JSON).documentCount).toBe(documents.length);
  });

  test('stores no document text: titles and snippets come from the bundled content', () => {
    const json = JSON.parse(SEARCH_INDEX_JSON) as { storedFields: Record<string, object> };
    expect(
      Object.values(json.storedFields).every((fields) => Object.keys(fields).length === 0),
    ).toBe(true);
  });
});

// Written from how people ask about these things, not from the guide's wording.
const LAY_QUERIES: readonly [query: string, termId: string][] = [
  ['free radicals', 'ros'],
  ['what are free radicals', 'ros'],
  ['muscle wasting', 'muscle-wasting'],
  ['vitamin d overdose', 'vitamin-d-toxicity'],
  ['vitamin d poisoning', 'vitamin-d-toxicity'],
  ['sunshine vitamin', 'vitamin-d'],
  ['weak muscles old age', 'dynapenia'],
  ['losing strength as you get older', 'dynapenia'],
  ['muscle loss old age', 'sarcopenia'],
  ['too much calcium in blood', 'hypercalcemia'],
  ['high calcium in the blood', 'hypercalcemia'],
  ['not enough vitamin d', 'vitamin-d-deficiency'],
  ['lack of vitamin d', 'vitamin-d-deficiency'],
  ['vitamin d tablets', 'supplementation'],
  ['vitamin d pills', 'supplementation'],
  ['muscles shrinking', 'muscle-atrophy'],
  ['lifting weights', 'resistance-exercise'],
  ['strengthening exercises', 'resistance-exercise'],
  ['powerhouse of the cell', 'mitochondria'],
  ['calcitriol', 'active-vitamin-d'],
  ['chance of falling', 'fall-risk'],
  ['free radical damage to cells', 'oxidative-stress'],
  ['calcium balance in the body', 'calcium-homeostasis'],
  ['foods with added vitamins', 'fortified-foods'],
  ['voluntary muscles', 'skeletal-muscle'],
  ['eating protein', 'protein-intake'],
];

describe('lay words find the term they name (content/aliases.yaml)', () => {
  test.each(LAY_QUERIES)('%s → %s, among the first three terms', (query, termId) => {
    const terms = groupHits(loaded.search(query), 'term').map((hit) => hit.targetId);
    expect(terms.slice(0, 3)).toContain(termId);
  });

  test('every alias is asked for by one of the queries above', () => {
    const asked = new Set(LAY_QUERIES.map(([, termId]) => termId));
    for (const termId of Object.keys(aliases)) expect(asked, termId).toContain(termId);
  });

  test("without the aliases, the issue's own example finds nothing", () => {
    // "free radicals" found no result at all before aliases: the guide never says it.
    expect(withoutAliases.search('free radicals').count).toBe(0);
    expect(loaded.search('free radicals').groups[0]?.hits[0]?.targetId).toBe('ros');
  });

  test('aliases are never matched on pages: no shipped term carries them as forms', () => {
    const forms = new Set(glossary.flatMap((term) => term.forms.map((f) => f.toLowerCase())));
    for (const alias of Object.values(aliases).flat())
      expect(forms.has(alias.toLowerCase()), alias).toBe(false);
    expect(glossary.some((term) => 'aliases' in term)).toBe(false);
  });
});

describe('everything in the knowledge base can be found', () => {
  test('each glossary term comes first for its own label', () => {
    for (const term of glossary)
      expect(allHits(loaded.search(term.label))[0]?.targetId, term.label).toBe(term.id);
  });

  test('each FAQ entry comes first for its own question', () => {
    for (const entry of faq)
      expect(allHits(loaded.search(entry.question))[0]?.targetId, entry.question).toBe(entry.id);
  });

  test('each guide section leads its group for its own title', () => {
    for (const section of flattenSections(guide))
      expect(groupHits(loaded.search(section.title), 'section')[0]?.targetId, section.title).toBe(
        section.id,
      );
  });
});

describe('results', () => {
  test('are grouped Glossary / Guide sections / FAQ, groups ordered by their best hit', () => {
    const results = loaded.search('vitamin d');
    expect(results.groups.map((group) => group.label)).toEqual(
      expect.arrayContaining(['Glossary', 'Guide sections', 'FAQ']),
    );
    const best = results.groups.map((group) => group.hits[0]!.score);
    expect(best).toEqual([...best].sort((a, b) => b - a));
    for (const group of results.groups) {
      expect(group.hits.length).toBeLessThanOrEqual(MAX_HITS_PER_GROUP);
      expect(group.hits.every((hit) => hit.kind === group.kind)).toBe(true);
      const scores = group.hits.map((hit) => hit.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    expect(results.count).toBe(allHits(results).length);
  });

  test('carry the title and a snippet with the matched words marked', () => {
    const [hit] = allHits(loaded.search('fast twitch'));
    expect(hit?.title).toEqual([
      { text: 'Type II (', match: false },
      { text: 'fast-twitch', match: true },
      { text: ') muscle fibers', match: false },
    ]);
    expect(hit?.snippet.some((segment) => segment.match && /fast-twitch/i.test(segment.text))).toBe(
      true,
    );
  });

  test('an empty or blank query finds nothing and suggests nothing', () => {
    for (const query of ['', '   ', '\n'])
      expect(loaded.search(query)).toEqual({ query: '', groups: [], count: 0, suggestions: [] });
  });

  test('nothing found: close term labels are suggested, unrelated text gets none', () => {
    const results = loaded.search('sarkopeenya');
    expect(results.count).toBe(0);
    expect(results.suggestions).toEqual(['Sarcopenia']);
    expect(loaded.search('mitakondrea').suggestions).toEqual(['Mitochondria']);
    expect(loaded.search('qqqq zzzz').suggestions).toEqual([]);
  });

  test('found something: no suggestions', () => {
    expect(loaded.search('leucine').suggestions).toEqual([]);
  });

  test('a long query is cut, not refused', () => {
    const query = `leucine ${'x'.repeat(500)}`;
    const results = loaded.search(query);
    expect(results.query).toHaveLength(MAX_QUERY_LENGTH);
    expect(allHits(results)[0]?.targetId).toBe('leucine');
  });

  test("synonyms bring in the guide's words for a reader's words", () => {
    expect(expandQuery('vitamin d dose')).toBe('vitamin d dose how much take amount');
    expect(expandQuery('Overdoses')).toBe('Overdoses too much toxicity');
    expect(expandQuery('sarcopenia')).toBe('sarcopenia');
  });
});
