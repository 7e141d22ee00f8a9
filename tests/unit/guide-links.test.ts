import { describe, expect, test } from 'vitest';
import { faq, glossary, guide } from '../../content/index';
import { searchDocuments } from '../../lib/search/documents';
import {
  createLocator,
  parseGuideLocation,
  placeHref,
  placeOfFragment,
} from '../../lib/guide-links';
import { MAX_QUERY_LENGTH } from '../../lib/search';

const locator = createLocator(searchDocuments({ guide, faq, glossary }));
const parse = (url: string) => {
  const { search, hash } = new URL(url, 'chrome-extension://id/guide.html');
  return parseGuideLocation({ search, hash }, locator);
};

describe('guide deep links', () => {
  test('#<section> opens the article at it, subsections and the intro included', () => {
    expect(parse('#mitochondria-oxidative-stress')).toEqual({
      place: { view: 'article', anchor: 'mitochondria-oxidative-stress' },
      query: '',
    });
    expect(parse('#intro').place).toEqual({ view: 'article', anchor: 'intro' });
    expect(parse('#disclaimer').place).toEqual({ view: 'article', anchor: 'disclaimer' });
  });

  test('#term-<id> opens the glossary entry; #faq-<id> the FAQ entry', () => {
    expect(parse('#term-leucine').place).toEqual({ view: 'glossary', anchor: 'term-leucine' });
    expect(parse('#faq-dosage').place).toEqual({ view: 'faq', anchor: 'faq-dosage' });
  });

  test('?q= opens search with the query; a fragment, when valid, wins the view', () => {
    expect(parse('?q=vitamin%20d')).toEqual({ place: { view: 'search' }, query: 'vitamin d' });
    expect(parse('?q=leucine#faq-dosage')).toEqual({
      place: { view: 'faq', anchor: 'faq-dosage' },
      query: 'leucine',
    });
    expect(parse(`?q=${'a'.repeat(500)}`).query).toHaveLength(MAX_QUERY_LENGTH);
  });

  test('a view name opens that view; unknown or malformed fragments open nothing', () => {
    expect(parse('#settings').place).toEqual({ view: 'settings' });
    expect(parse('#faq').place).toEqual({ view: 'faq' });
    expect(parse('#term-nope').place).toBeNull();
    expect(parse('#%E0%A4%A').place).toBeNull();
    expect(parse('').place).toBeNull();
    expect(placeOfFragment('term-leucine', locator)).toEqual(parse('#term-leucine').place);
  });

  test('results land in the view that renders them, at the element id they render with', () => {
    expect(locator.placeOfResult({ kind: 'term', targetId: 'ros' })).toEqual({
      view: 'glossary',
      anchor: 'term-ros',
    });
    expect(locator.placeOfResult({ kind: 'section', targetId: 'comparison' })).toEqual({
      view: 'article',
      anchor: 'comparison',
    });
    expect(locator.placeOfResult({ kind: 'faq', targetId: 'faq-sources' })).toEqual({
      view: 'faq',
      anchor: 'faq-sources',
    });
  });

  test('placeHref writes what parseGuideLocation reads back', () => {
    const places = [
      { view: 'article' as const, anchor: 'comparison' },
      { view: 'glossary' as const, anchor: 'term-igf-1' },
      { view: 'faq' as const },
      { view: 'search' as const },
    ];
    for (const place of places)
      expect(parse(placeHref(place, 'how much?')).place ?? { view: 'search' }).toEqual(place);
    expect(placeHref({ view: 'search' }, '  ')).toBe('');
    expect(placeHref({ view: 'search' }, 'a&b')).toBe('?q=a%26b');
  });
});
