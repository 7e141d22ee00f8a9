import { describe, expect, test } from 'vitest';
import {
  ALLOWED_SENDERS,
  acceptMessage,
  parseEngineResponse,
  parseLookupResponse,
  parseSearchResponse,
  isContentScriptSender,
  isExtensionPageSender,
  isTrustedSender,
  parseMessage,
  parsePagePortMessage,
  parsePageTermsResponse,
  parsePanelRequest,
  senderKind,
  type Message,
  type SenderLike,
} from '../../lib/messages';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}/`;
const own = { ownId: OWN_ID, ownOrigin: OWN_ORIGIN };

const VALID: Message[] = [
  { type: 'open-guide' },
  { type: 'open-guide', hash: 'vitamin-d-and-muscle' },
  { type: 'open-guide', hash: 'term-vdr' },
  { type: 'open-guide', query: 'What is sarcopenia?' },
  { type: 'open-guide', hash: 'faq', query: '' },
  { type: 'get-page-terms' },
  { type: 'when-idle' },
  { type: 'reveal-term', termId: 'vitamin-d' },
  { type: 'page-terms-changed', count: 0 },
  { type: 'page-terms-changed', count: 42 },
  { type: 'move-term', direction: 1 },
  { type: 'move-term', direction: -1 },
  { type: 'toggle-site' },
  { type: 'show-in-panel', windowId: 1, hash: 'term-vdr' },
  { type: 'show-in-panel', windowId: 1_234_567_890, query: 'leucine' },
  { type: 'take-panel-request', windowId: 0 },
  { type: 'close-panel', windowId: 3, openedBefore: 1_750_000_000_000 },
  { type: 'search', query: 'sarcopnia' },
  { type: 'search', query: '' },
  { type: 'lookup-selection', text: 'vitamin D receptor' },
];

const BIG = 'x'.repeat(1024 * 1024);

const MALFORMED: [string, unknown][] = [
  ['null', null],
  ['undefined', undefined],
  ['a string', 'open-guide'],
  ['a number', 7],
  ['an array', [{ type: 'get-page-terms' }]],
  ['no type', {}],
  ['an unknown type', { type: 'hide-term', termId: 'vitamin-d' }],
  ['a type in the wrong case', { type: 'Open-Guide' }],
  ['a non-string type', { type: 1 }],
  ['an extra field', { type: 'get-page-terms', tabId: 3 }],
  ['a huge extra field', { type: 'get-page-terms', payload: BIG }],
  ['a hash over 200 characters', { type: 'open-guide', hash: 'a'.repeat(201) }],
  ['a 1 MB query', { type: 'open-guide', query: BIG }],
  ['a hash that is not an id', { type: 'open-guide', hash: '#term-vdr' }],
  // eslint-disable-next-line no-script-url -- an input that must be refused
  ['a hash with a script URL', { type: 'open-guide', hash: 'javascript:alert(1)' }],
  ['a numeric hash', { type: 'open-guide', hash: 5 }],
  ['reveal-term without termId', { type: 'reveal-term' }],
  ['reveal-term with an uppercase id', { type: 'reveal-term', termId: 'Vitamin-D' }],
  ['reveal-term with a selector', { type: 'reveal-term', termId: '[data-x]' }],
  ['reveal-term with a huge id', { type: 'reveal-term', termId: 'a'.repeat(10_000) }],
  ['a negative count', { type: 'page-terms-changed', count: -1 }],
  ['a fractional count', { type: 'page-terms-changed', count: 1.5 }],
  ['a NaN count', { type: 'page-terms-changed', count: Number.NaN }],
  ['a string count', { type: 'page-terms-changed', count: '3' }],
  ['an enormous count', { type: 'page-terms-changed', count: 1e12 }],
  ['move-term by two', { type: 'move-term', direction: 2 }],
  ['move-term as a string', { type: 'move-term', direction: '1' }],
  ['toggle-site naming a hostname', { type: 'toggle-site', hostname: 'example.com' }],
  ['a __proto__ key', JSON.parse('{"type": "get-page-terms", "__proto__": {"polluted": true}}')],
  ['a constructor key', JSON.parse('{"type": "get-page-terms", "constructor": {"prototype": {}}}')],
  ['an inherited type', Object.create({ type: 'get-page-terms' }) as unknown],
  [
    'a class instance',
    new (class Msg {
      type = 'get-page-terms';
    })(),
  ],
  ['a Date', new Date()],
  ['show-in-panel without a window', { type: 'show-in-panel', hash: 'term-vdr' }],
  ['show-in-panel for window -1', { type: 'show-in-panel', windowId: -1 }],
  ['show-in-panel with a fractional window', { type: 'show-in-panel', windowId: 1.5 }],
  [
    'show-in-panel with a URL for a hash',
    { type: 'show-in-panel', windowId: 1, hash: 'https://x' },
  ],
  ['show-in-panel with a 1 MB query', { type: 'show-in-panel', windowId: 1, query: BIG }],
  ['take-panel-request with a string window', { type: 'take-panel-request', windowId: '1' }],
  ['close-panel without a time', { type: 'close-panel', windowId: 1 }],
  ['close-panel with a negative time', { type: 'close-panel', windowId: 1, openedBefore: -5 }],
  ['search without a query', { type: 'search' }],
  ['search with a 1 MB query', { type: 'search', query: BIG }],
  ['search with a numeric query', { type: 'search', query: 3 }],
  ['search naming a tab', { type: 'search', query: 'x', tabId: 1 }],
  ['lookup-selection without text', { type: 'lookup-selection' }],
  ['lookup-selection with 201 characters', { type: 'lookup-selection', text: 'a'.repeat(201) }],
  ['lookup-selection with a point', { type: 'lookup-selection', text: 'x', x: 1, y: 2 }],
];

describe('parseMessage', () => {
  test('the malformed table has at least 12 cases', () =>
    expect(MALFORMED.length).toBeGreaterThanOrEqual(12));

  test.each(VALID)('accepts %j', (message) => {
    expect(parseMessage(JSON.parse(JSON.stringify(message)))).toEqual(message);
  });

  test.each(MALFORMED)('rejects %s', (_name, raw) => {
    expect(parseMessage(raw)).toBeNull();
  });

  test('the result is a fresh object holding only known fields', () => {
    const raw = { type: 'reveal-term', termId: 'vitamin-d' };
    const parsed = parseMessage(raw);
    expect(parsed).not.toBe(raw);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  test('an object without a prototype is accepted', () => {
    const raw = Object.assign(Object.create(null) as object, { type: 'get-page-terms' });
    expect(parseMessage(raw)).toEqual({ type: 'get-page-terms' });
  });

  test('Object.prototype stays clean', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

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

describe('senders', () => {
  const popup: SenderLike = { id: OWN_ID, url: `${OWN_ORIGIN}popup.html` };
  const guideTab: SenderLike = {
    id: OWN_ID,
    url: `${OWN_ORIGIN}guide.html#term-vdr`,
    tab: { id: 5 },
  };
  const background: SenderLike = { id: OWN_ID, url: `${OWN_ORIGIN}background.js` };
  const contentScript: SenderLike = {
    id: OWN_ID,
    url: 'https://example.com/article',
    tab: { id: 9 },
  };

  const UNTRUSTED: [string, SenderLike][] = [
    [
      'another extension',
      {
        id: 'otherextensionidotherextensionid',
        url: 'chrome-extension://otherextensionidotherextensionid/popup.html',
      },
    ],
    [
      'another extension claiming our URL',
      { id: 'otherextensionidotherextensionid', url: `${OWN_ORIGIN}popup.html` },
    ],
    ['a sender without an id', { url: `${OWN_ORIGIN}popup.html` }],
    ['a web page (externally connectable)', { url: 'https://evil.example/', tab: { id: 3 } }],
    ['a web page with an empty id', { id: '', url: 'https://evil.example/', tab: { id: 3 } }],
    ['our id with no URL and no tab', { id: OWN_ID }],
    [
      'our id, a look-alike origin',
      { id: OWN_ID, url: `chrome-extension://${OWN_ID}x/popup.html` },
    ],
  ];

  test.each(UNTRUSTED)('rejects %s', (_name, sender) => {
    expect(isTrustedSender(sender, OWN_ID, { ownOrigin: OWN_ORIGIN })).toBe(false);
    expect(senderKind(sender, own)).toBeNull();
  });

  test('an empty own id trusts nobody, even a sender without an id', () => {
    expect(
      isTrustedSender({ url: 'https://evil.example/', tab: {} }, '', { ownOrigin: OWN_ORIGIN }),
    ).toBe(false);
    expect(
      isTrustedSender({ id: '', url: `${OWN_ORIGIN}popup.html` }, '', { ownOrigin: OWN_ORIGIN }),
    ).toBe(false);
  });

  test('an empty or malformed own origin makes no sender an extension page', () => {
    for (const ownOrigin of ['', '/', 'chrome-extension://', 'not an origin']) {
      expect(isExtensionPageSender(popup, { ownId: OWN_ID, ownOrigin })).toBe(false);
    }
  });

  test('the own origin may be given without its trailing slash', () => {
    expect(
      isExtensionPageSender(popup, { ownId: OWN_ID, ownOrigin: `chrome-extension://${OWN_ID}` }),
    ).toBe(true);
  });

  test('Firefox: the origin is a per-install UUID, not the id', () => {
    const ffOwn = {
      ownId: 'myolens@example.org',
      ownOrigin: 'moz-extension://0a1b2c3d-1111-2222-3333-444455556666/',
    };
    const ffPopup = {
      id: 'myolens@example.org',
      url: 'moz-extension://0a1b2c3d-1111-2222-3333-444455556666/popup.html',
    };
    expect(senderKind(ffPopup, ffOwn)).toBe('extension-page');
  });

  test('tells our pages from our content scripts', () => {
    expect(senderKind(popup, own)).toBe('extension-page');
    expect(senderKind(guideTab, own)).toBe('extension-page');
    expect(senderKind(background, own)).toBe('extension-page');
    expect(senderKind(contentScript, own)).toBe('content-script');
    expect(isContentScriptSender(guideTab, own)).toBe(false);
    expect(isExtensionPageSender(contentScript, own)).toBe(false);
  });

  test('allow narrows the kinds trusted', () => {
    const pagesOnly = { ownOrigin: OWN_ORIGIN, allow: ['extension-page'] as const };
    expect(isTrustedSender(popup, OWN_ID, pagesOnly)).toBe(true);
    expect(isTrustedSender(contentScript, OWN_ID, pagesOnly)).toBe(false);
    expect(isTrustedSender(contentScript, OWN_ID, { ownOrigin: OWN_ORIGIN })).toBe(true);
  });

  test('acceptMessage applies who may send what', () => {
    expect(
      acceptMessage({ type: 'open-guide', hash: 'term-vdr' }, contentScript, own),
    ).not.toBeNull();
    expect(acceptMessage({ type: 'open-guide' }, popup, own)).not.toBeNull();
    expect(acceptMessage({ type: 'get-page-terms' }, popup, own)).toEqual({
      type: 'get-page-terms',
    });
    expect(acceptMessage({ type: 'get-page-terms' }, contentScript, own)).toBeNull();
    expect(acceptMessage({ type: 'reveal-term', termId: 'vdr' }, contentScript, own)).toBeNull();
    expect(
      acceptMessage({ type: 'page-terms-changed', count: 2 }, contentScript, own),
    ).not.toBeNull();
    expect(acceptMessage({ type: 'page-terms-changed', count: 2 }, popup, own)).toBeNull();
    expect(acceptMessage({ type: 'move-term', direction: 1 }, background, own)).not.toBeNull();
    expect(acceptMessage({ type: 'toggle-site' }, popup, own)).not.toBeNull();
    expect(acceptMessage({ type: 'toggle-site' }, contentScript, own)).toBeNull();
    expect(acceptMessage({ type: 'get-engine' }, contentScript, own)).toEqual({
      type: 'get-engine',
    });
    expect(acceptMessage({ type: 'get-engine' }, popup, own)).toBeNull();
    expect(acceptMessage({ type: 'get-engine', version: '999' }, contentScript, own)).toBeNull();
    expect(acceptMessage({ type: 'open-guide' }, UNTRUSTED[0]![1], own)).toBeNull();
    expect(acceptMessage({ type: 'open-guide', hash: 'Bad Hash' }, popup, own)).toBeNull();
    // The side panel's messages come from our pages (background, panel), never a page's tab.
    for (const message of [
      { type: 'show-in-panel', windowId: 1, hash: 'term-vdr' },
      { type: 'take-panel-request', windowId: 1 },
      { type: 'close-panel', windowId: 1, openedBefore: 5 },
      // Only our pages (tests and the bench run there) wait on a tab's scan.
      { type: 'when-idle' },
    ]) {
      expect(acceptMessage(message, background, own)).toEqual(message);
      expect(acceptMessage(message, contentScript, own)).toBeNull();
      expect(acceptMessage(message, UNTRUSTED[0]![1], own)).toBeNull();
    }
    // Only a content script asks the background to search; only the background (or
    // another of our pages) asks a tab to look up its selection.
    expect(acceptMessage({ type: 'search', query: 'vdr' }, contentScript, own)).not.toBeNull();
    expect(acceptMessage({ type: 'search', query: 'vdr' }, popup, own)).toBeNull();
    expect(acceptMessage({ type: 'search', query: 'vdr' }, UNTRUSTED[0]![1], own)).toBeNull();
    const lookup = { type: 'lookup-selection', text: 'sarcopenia' };
    expect(acceptMessage(lookup, background, own)).toEqual(lookup);
    expect(acceptMessage(lookup, contentScript, own)).toBeNull();
    expect(acceptMessage(lookup, UNTRUSTED[0]![1], own)).toBeNull();
  });

  test('every message type has a sender rule', () => {
    expect(Object.keys(ALLOWED_SENDERS).sort()).toEqual(
      [
        'get-engine',
        'get-page-terms',
        'when-idle',
        'lookup-selection',
        'move-term',
        'open-guide',
        'page-terms-changed',
        'reveal-term',
        'search',
        'toggle-site',
        'show-in-panel',
        'take-panel-request',
        'close-panel',
      ].sort(),
    );
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
