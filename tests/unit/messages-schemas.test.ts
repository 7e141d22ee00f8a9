import { describe, expect, test } from 'vitest';
import { PagePortMessageSchema } from '../../lib/messages/page-port';
import { parse } from '../../lib/messages/parse';
import {
  EngineResponseSchema,
  LookupResponseSchema,
  PageTermsResponseSchema,
  PanelRequestSchema,
  SearchResponseSchema,
} from '../../lib/messages/schemas';

const parsePageTermsResponse = (raw: unknown) => parse(PageTermsResponseSchema, raw);
const parsePanelRequest = (raw: unknown) => parse(PanelRequestSchema, raw);
const parsePagePortMessage = (raw: unknown) => parse(PagePortMessageSchema, raw);
const parseEngineResponse = (raw: unknown) => parse(EngineResponseSchema, raw);
const parseSearchResponse = (raw: unknown) => parse(SearchResponseSchema, raw);
const parseLookupResponse = (raw: unknown) => parse(LookupResponseSchema, raw);

describe('parsePageTermsResponse', () => {
  test('accepts terms in page order', () => {
    const response = {
      terms: [
        { id: 'vitamin-d', count: 3 },
        { id: 'sarcopenia', count: 1 },
      ],
      available: true,
      hostname: 'example.org',
    };
    expect(parsePageTermsResponse(response)).toEqual(response);
    // An older content script sends no hostname: the popup then offers no site toggle.
    expect(parsePageTermsResponse({ terms: [], available: false })).toEqual({
      terms: [],
      available: false,
      hostname: '',
    });
    expect(parsePageTermsResponse({ ...response, hostname: 'x'.repeat(254) })).toBeNull();
  });

  test.each([
    ['undefined (no content script)', undefined],
    ['missing available', { terms: [] }],
    ['a bad term id', { terms: [{ id: 'Not An Id', count: 1 }], available: true }],
    ['a negative count', { terms: [{ id: 'vdr', count: -1 }], available: true }],
    [
      'too many terms',
      { terms: Array.from({ length: 1001 }, () => ({ id: 'vdr', count: 1 })), available: true },
    ],
    ['an extra field', { terms: [], available: true, html: '<b>' }],
  ])('rejects %s', (_name, raw) => {
    expect(parsePageTermsResponse(raw)).toBeNull();
  });
});

describe('parsePanelRequest', () => {
  test('a place or nothing, nothing else', () => {
    expect(parsePanelRequest({ hash: 'term-vdr' })).toEqual({ hash: 'term-vdr' });
    expect(parsePanelRequest({ query: 'sarcopenia' })).toEqual({ query: 'sarcopenia' });
    expect(parsePanelRequest({})).toEqual({});
    expect(parsePanelRequest(undefined)).toBeNull();
    expect(parsePanelRequest({ hash: 'Bad Hash' })).toBeNull();
    expect(parsePanelRequest({ hash: 'term-vdr', url: 'https://x' })).toBeNull();
  });
});

describe('parsePagePortMessage', () => {
  test("the page's terms, as get-page-terms answers them", () => {
    const terms = [{ id: 'vitamin-d', count: 2 }];
    expect(
      parsePagePortMessage({ type: 'page-terms', terms, available: true, hostname: 'a.org' }),
    ).toEqual({ type: 'page-terms', terms, available: true, hostname: 'a.org' });
    expect(parsePagePortMessage({ type: 'page-terms', terms: [], available: false })).toEqual({
      type: 'page-terms',
      terms: [],
      available: false,
      hostname: '',
    });
  });

  test('the term of a tooltip that opened', () => {
    expect(parsePagePortMessage({ type: 'tooltip-opened', termId: 'sarcopenia' })).toEqual({
      type: 'tooltip-opened',
      termId: 'sarcopenia',
    });
  });

  test.each([
    ['nothing', undefined],
    ['a runtime message', { type: 'get-page-terms' }],
    ['a bad term id', { type: 'tooltip-opened', termId: '<img src=x>' }],
    ['an extra field', { type: 'tooltip-opened', termId: 'vdr', html: '<b>' }],
    ['terms without available', { type: 'page-terms', terms: [] }],
    [
      'too many terms',
      {
        type: 'page-terms',
        terms: Array.from({ length: 1001 }, () => ({ id: 'vdr', count: 1 })),
        available: true,
      },
    ],
    ['an inherited type', Object.create({ type: 'tooltip-opened', termId: 'vdr' }) as unknown],
  ])('rejects %s', (_name, raw) => expect(parsePagePortMessage(raw)).toBeNull());
});

describe('parseEngineResponse', () => {
  test('takes getBrowserInfo name and version, nothing else', () => {
    expect(parseEngineResponse({ name: 'Firefox', version: '153.0' })).toEqual({
      name: 'Firefox',
      version: '153.0',
    });
    expect(parseEngineResponse({ name: 'Firefox', version: 153 })).toBeNull();
    expect(parseEngineResponse({ name: 'Firefox', version: '153', vendor: 'x' })).toBeNull();
    expect(parseEngineResponse(undefined)).toBeNull();
    expect(parseEngineResponse('153')).toBeNull();
  });
});

describe('parseSearchResponse', () => {
  const hit = {
    kind: 'term',
    anchor: 'term-sarcopenia',
    title: [{ text: 'Sarcopenia', match: true }],
    snippet: [{ text: 'Age-related loss of muscle mass', match: false }],
  };
  const response = { query: 'sarcopnia', hits: [hit], suggestions: [] };

  test('accepts the bubble results', () => {
    expect(parseSearchResponse(response)).toEqual(response);
    expect(
      parseSearchResponse({ query: 'zzz', hits: [], suggestions: ['Sarcopenia'] }),
    ).not.toBeNull();
  });

  test.each([
    ['an unknown kind', { ...response, hits: [{ ...hit, kind: 'page' }] }],
    ['an anchor that is not an id', { ...response, hits: [{ ...hit, anchor: '#x y' }] }],
    [
      'a segment over 200 characters',
      { ...response, hits: [{ ...hit, title: [{ text: 'a'.repeat(201), match: false }] }] },
    ],
    [
      'a segment with extra fields',
      { ...response, hits: [{ ...hit, title: [{ text: 'a', match: true, html: '<b>' }] }] },
    ],
    ['six hits', { ...response, hits: Array.from({ length: 6 }, () => hit) }],
    ['no query', { hits: [], suggestions: [] }],
    ['a string', 'Sarcopenia'],
    ['undefined (no background answered)', undefined],
  ])('rejects %s', (_name, raw) => expect(parseSearchResponse(raw)).toBeNull());
});

describe('parseLookupResponse', () => {
  test('takes whether the bubble was shown, nothing else', () => {
    expect(parseLookupResponse({ shown: true })).toEqual({ shown: true });
    expect(parseLookupResponse({ shown: false })).toEqual({ shown: false });
    expect(parseLookupResponse({ shown: 'yes' })).toBeNull();
    expect(parseLookupResponse({ shown: true, url: 'https://x' })).toBeNull();
    expect(parseLookupResponse(undefined)).toBeNull();
  });
});
