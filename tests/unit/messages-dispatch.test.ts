import { describe, expect, test, vi } from 'vitest';
import {
  acceptMessage,
  dispatcher,
  parseMessage,
  type Handlers,
} from '../../lib/messages/dispatch';
import { PROTOCOL, type Message } from '../../lib/messages/protocol';
import type { SenderLike } from '../../lib/messages/trust';
import { UNTRUSTED, background, contentScript, own, popup } from './messages-senders';

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

describe('who may send what', () => {
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

  test("frames report to the background, and only the background tells a page its frames' terms", () => {
    const terms = [{ id: 'sarcopenia', count: 2 }];
    for (const message of [
      { type: 'frame-site' },
      { type: 'frame-terms', terms },
      { type: 'get-tab-frames' },
      { type: 'reveal-in-frame', frameId: 3, termId: 'sarcopenia' },
      { type: 'frame-tooltip', termId: 'sarcopenia' },
    ]) {
      expect(acceptMessage(message, contentScript, own)).toEqual(message);
      expect(acceptMessage(message, popup, own)).toBeNull();
      for (const [, stranger] of UNTRUSTED)
        expect(acceptMessage(message, stranger, own)).toBeNull();
    }
    const escaped = { type: 'dismiss-tooltips' };
    expect(acceptMessage(escaped, contentScript, own)).toEqual(escaped);
    expect(acceptMessage(escaped, popup, own)).toBeNull();
    for (const told of [
      { type: 'tab-frames', frames: [{ frameId: 3, terms }] },
      { type: 'show-frame', path: [2, 0] },
      { type: 'dismiss-tooltip' },
      { type: 'tab-tooltip', termId: 'sarcopenia' },
    ]) {
      expect(acceptMessage(told, background, own)).toEqual(told);
      expect(acceptMessage(told, contentScript, own)).toBeNull();
      for (const [, stranger] of UNTRUSTED) expect(acceptMessage(told, stranger, own)).toBeNull();
    }
    // The top-level frame (0) is never one of "its frames", and an id is an integer.
    for (const frameId of [0, -1, 1.5, '3'])
      expect(
        acceptMessage({ type: 'reveal-in-frame', frameId, termId: 'vdr' }, contentScript, own),
      ).toBeNull();
    // A frame's path: indices, at least one, bounded.
    for (const path of [[], [-1], [1.5], ['0'], Array.from({ length: 33 }, () => 0)])
      expect(acceptMessage({ type: 'show-frame', path }, background, own)).toBeNull();
    expect(
      acceptMessage(
        { type: 'frame-terms', terms: [{ id: 'Not An Id', count: 1 }] },
        contentScript,
        own,
      ),
    ).toBeNull();
  });

  test('every message type has a sender rule', () => {
    expect(Object.keys(PROTOCOL).sort()).toEqual(
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
        'frame-site',
        'frame-terms',
        'get-tab-frames',
        'tab-frames',
        'reveal-in-frame',
        'show-frame',
        'dismiss-tooltips',
        'dismiss-tooltip',
        'frame-tooltip',
        'tab-tooltip',
      ].sort(),
    );
  });
});

describe('dispatcher', () => {
  const search = { type: 'search', query: 'vdr' };
  const listen = (handlers: Handlers) => dispatcher(own, handlers);

  test("returns the handler's answer, sync or async, as a promise", async () => {
    const onMessage = listen({
      search: ({ query }) => ({ query, hits: [], suggestions: [] }),
      'get-engine': async () => ({ name: 'Firefox', version: '153.0' }),
    });
    await expect(onMessage(search, contentScript)).resolves.toEqual({
      query: 'vdr',
      hits: [],
      suggestions: [],
    });
    await expect(onMessage({ type: 'get-engine' }, contentScript)).resolves.toEqual({
      name: 'Firefox',
      version: '153.0',
    });
  });

  test('the handler gets the checked copy and the sender', () => {
    const handler = vi.fn(() => undefined);
    const raw = { type: 'page-terms-changed', count: 3 };
    listen({ 'page-terms-changed': handler })(raw, contentScript);
    expect(handler).toHaveBeenCalledWith({ type: 'page-terms-changed', count: 3 }, contentScript);
    expect((handler.mock.calls[0] as unknown[])[0]).not.toBe(raw);
  });

  test('a sender that may not send the type is dropped before the handler', () => {
    const handler = vi.fn(() => ({ query: 'vdr', hits: [], suggestions: [] }));
    const onMessage = listen({ search: handler });
    expect(onMessage(search, popup)).toBeUndefined();
    expect(onMessage(search, background)).toBeUndefined();
    for (const [, stranger] of UNTRUSTED) expect(onMessage(search, stranger)).toBeUndefined();
    expect(handler).not.toHaveBeenCalled();
  });

  test.each(MALFORMED)('a malformed message (%s) is dropped before the handler', (_name, raw) => {
    const handlers: Handlers = {};
    const spies = Object.keys(PROTOCOL).map((type) => {
      const spy = vi.fn(() => undefined);
      Object.assign(handlers, { [type]: spy });
      return spy;
    });
    for (const sender of [popup, contentScript] as SenderLike[])
      expect(listen(handlers)(raw, sender)).toBeUndefined();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  test('a type without a handler, or a handler answering undefined, answers nothing', () => {
    // Nothing returned, so another context's listener may still answer.
    const onMessage = listen({ 'show-in-panel': () => undefined });
    expect(onMessage({ type: 'show-in-panel', windowId: 1 }, background)).toBeUndefined();
    expect(onMessage({ type: 'close-panel', windowId: 1, openedBefore: 5 }, background)).toBe(
      undefined,
    );
  });

  test('a falsy answer is still an answer', async () => {
    const onMessage = listen({
      'show-in-panel': () => false,
      'take-panel-request': () => null,
    });
    await expect(onMessage({ type: 'show-in-panel', windowId: 1 }, background)).resolves.toBe(
      false,
    );
    await expect(onMessage({ type: 'take-panel-request', windowId: 1 }, popup)).resolves.toBe(null);
  });
});
