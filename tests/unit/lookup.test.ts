import { describe, expect, test } from 'vitest';
import { faq, glossary, guide } from '../../content/index';
import { compileMatcher } from '../../lib/matcher';
import { lookupQuery, MAX_LOOKUP_HITS, termOfText } from '../../lib/lookup';
import { bestHits, lookupResults } from '../../lib/lookup-results';
import { parse, SearchResponseSchema } from '../../lib/messages';
import { loadKnowledgeSearch } from '../../lib/search/setup';
import { READER_QUERIES } from '../fixtures/search-queries';

const matcher = compileMatcher(glossary);
const { search } = loadKnowledgeSearch({ guide, faq, glossary });

describe('termOfText: is a selection a glossary term?', () => {
  test.each([
    ['sarcopenia', 'sarcopenia'],
    ['Sarcopenia', 'sarcopenia'],
    ['  sarcopenia,\n', 'sarcopenia'],
    ['(VDR)', 'vdr'],
    ['vitamin D receptor', 'vdr'],
    ['vitamin\nD   receptor', 'vdr'],
    ['vitamin D', 'vitamin-d'],
    // Alternative forms, plurals and spellings.
    ['fast-twitch fibres', 'type-ii-muscle-fibers'],
    ['type II muscle fibers', 'type-ii-muscle-fibers'],
    ['cholecalciferol', 'vitamin-d'],
    // An ambiguous acronym counts: the reader chose it.
    ['ROS', 'ros'],
  ])('%j is %s', (text, termId) => expect(termOfText(matcher, text)).toBe(termId));

  test.each([
    ['a word that is not a term', 'muscle'],
    ['a term inside a longer text', 'the vitamin D receptor'],
    ['two terms', 'sarcopenia and dynapenia'],
    ['a misspelling (search finds it, the matcher does not)', 'sarcopnia'],
    ['part of a word', 'sarcopen'],
    ['an acronym in the wrong case', 'vdr'],
    ['punctuation only', ' … '],
    ['nothing', ''],
  ])('%s (%j) is none', (_name, text) => expect(termOfText(matcher, text)).toBeUndefined());
});

describe('lookupQuery', () => {
  test('folds whitespace and cuts a long selection at a word within 100 characters', () => {
    expect(lookupQuery(' a\n\tb ')).toBe('a b');
    const q = lookupQuery('vitamin '.repeat(30));
    expect(q.length).toBeLessThanOrEqual(100);
    expect(q.endsWith('vitamin')).toBe(true);
  });
});

describe('lookupResults: what the bubble shows for a search', () => {
  test('the best hits of every kind, best first, with the anchors they open', () => {
    const results = search('muscle weakness');
    const hits = bestHits(results, 100);
    expect(hits.length).toBe(results.count);
    for (let i = 1; i < hits.length; i++)
      expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    const shown = lookupResults(results);
    expect(shown.hits.length).toBe(Math.min(MAX_LOOKUP_HITS, results.count));
    expect(shown.hits[0]!.title.map((s) => s.text).join('')).toBe(
      results.groups[0]!.hits[0]!.title.map((s) => s.text).join(''),
    );
  });

  test.each([
    ['sarcopnia', 'term-sarcopenia'],
    ['vitamin d receptor', 'vitamin-d-receptor'],
    ['how much vitamin d should i take', 'faq-dosage'],
  ])('%j lists %s', (query, anchor) => {
    const shown = lookupResults(search(query));
    expect(shown.hits.map((h) => h.anchor)).toContain(anchor);
  });

  test('a miss lists nothing but the names it nearly spelled', () => {
    const shown = lookupResults(search('sarqopeeniaa'));
    expect(shown.hits).toEqual([]);
    expect(shown.suggestions).toContain('Sarcopenia');
  });

  test('every reader query gives results the content script accepts as a message', () => {
    for (const { query } of READER_QUERIES) {
      const shown = lookupResults(search(query));
      expect(parse(SearchResponseSchema, JSON.parse(JSON.stringify(shown))), query).toEqual(shown);
    }
  });
});
