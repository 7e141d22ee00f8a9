import { describe, expect, test, vi } from 'vitest';
import { send, sendToTab, type MessageRuntime, type MessageTabs } from '../../lib/messages/send';

/** A runtime whose receiver answers `answer` (or rejects, as with no receiver). */
function runtimeAnswering(answer: () => Promise<unknown>) {
  const sendMessage = vi.fn<MessageRuntime['sendMessage']>(answer);
  return { runtime: { sendMessage }, sendMessage };
}

const hit = {
  kind: 'term',
  anchor: 'term-vdr',
  title: [{ text: 'VDR', match: true }],
  snippet: [{ text: 'Vitamin D receptor', match: false }],
};

describe('send', () => {
  test('sends the message as given and returns the checked answer', async () => {
    const answer = { query: 'vdr', hits: [hit], suggestions: [] };
    const { runtime, sendMessage } = runtimeAnswering(async () => answer);
    await expect(send(runtime, { type: 'search', query: 'vdr' })).resolves.toEqual(answer);
    expect(sendMessage).toHaveBeenCalledWith({ type: 'search', query: 'vdr' });
  });

  test.each([
    ['a field of the wrong type', { name: 'Firefox', version: 153 }],
    ['an extra field', { name: 'Firefox', version: '153', vendor: 'x' }],
    ['another type’s answer', { shown: true }],
    ['a string', '153'],
    ['no answer', undefined],
    [
      'a class instance',
      new (class {
        name = 'Firefox';
        version = '153';
      })(),
    ],
    ['inherited fields', Object.create({ name: 'Firefox', version: '153' }) as unknown],
  ])('a malformed answer (%s) is null', async (_name, raw) => {
    const { runtime } = runtimeAnswering(async () => raw);
    await expect(send(runtime, { type: 'get-engine' })).resolves.toBeNull();
  });

  test('no receiver (a rejection) or a gone extension (a throw) is null', async () => {
    const { runtime } = runtimeAnswering(() => Promise.reject(new Error('no receiver')));
    await expect(
      send(runtime, { type: 'close-panel', windowId: 1, openedBefore: 2 }),
    ).resolves.toBe(null);
    const orphaned: MessageRuntime = {
      sendMessage: () => {
        throw new Error('Extension context invalidated.');
      },
    };
    await expect(send(orphaned, { type: 'page-terms-changed', count: 1 })).resolves.toBeNull();
  });

  test('a type answered with nothing resolves undefined once delivered', async () => {
    const { runtime } = runtimeAnswering(async () => undefined);
    await expect(send(runtime, { type: 'open-guide', hash: 'term-vdr' })).resolves.toBeUndefined();
    // Something where nothing is due is not our receiver's answer.
    const odd = runtimeAnswering(async () => ({ ok: true }));
    await expect(send(odd.runtime, { type: 'open-guide' })).resolves.toBeNull();
  });

  test('take-panel-request: the place, or null for none', async () => {
    const message = { type: 'take-panel-request', windowId: 4 } as const;
    const place = runtimeAnswering(async () => ({ hash: 'term-vdr' }));
    await expect(send(place.runtime, message)).resolves.toEqual({ hash: 'term-vdr' });
    const none = runtimeAnswering(async () => null);
    await expect(send(none.runtime, message)).resolves.toBeNull();
    const bad = runtimeAnswering(async () => ({ hash: 'https://x' }));
    await expect(send(bad.runtime, message)).resolves.toBeNull();
  });
});

describe('sendToTab', () => {
  function tabsAnswering(answer: unknown) {
    const sendMessage = vi.fn<MessageTabs['sendMessage']>(async () => answer);
    return { tabs: { sendMessage }, sendMessage };
  }

  test('sends to the tab (and frame) and checks the answer by type', async () => {
    const { tabs, sendMessage } = tabsAnswering({ shown: true });
    const message = { type: 'lookup-selection', text: 'vdr' } as const;
    await expect(sendToTab(tabs, 7, message, { frameId: 3 })).resolves.toEqual({ shown: true });
    expect(sendMessage).toHaveBeenLastCalledWith(7, message, { frameId: 3 });
    await sendToTab(tabs, 7, { type: 'toggle-site' });
    // No options argument at all when none is given.
    expect(sendMessage.mock.lastCall).toEqual([7, { type: 'toggle-site' }]);
  });

  test("the page's terms, checked; a malformed answer is null", async () => {
    const terms = { terms: [{ id: 'vdr', count: 2 }], available: true, hostname: 'a.org' };
    await expect(sendToTab(tabsAnswering(terms).tabs, 1, { type: 'when-idle' })).resolves.toEqual(
      terms,
    );
    const bad = { terms: [{ id: '<b>', count: 2 }], available: true };
    await expect(
      sendToTab(tabsAnswering(bad).tabs, 1, { type: 'get-page-terms' }),
    ).resolves.toBeNull();
  });

  test('a tab without our content script (a rejection) is null', async () => {
    const tabs: MessageTabs = { sendMessage: () => Promise.reject(new Error('no receiver')) };
    await expect(sendToTab(tabs, 1, { type: 'reveal-term', termId: 'vdr' })).resolves.toBeNull();
  });
});
