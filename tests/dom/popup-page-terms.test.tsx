// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  PageTermsView,
  UNREACHABLE_TEXT,
  type PageTermsState,
} from '../../components/PageTermsView';
import { termById } from '../../content/index';
import { loadPageTerms } from '../../components/tab-terms';
import { click, mount, settle } from './popup-helpers';

let unmount = () => {};
afterEach(() => unmount());

function view(
  state: PageTermsState,
  reveal: (termId: string) => Promise<boolean> = vi.fn(async () => true),
  onOpenSettings = vi.fn(),
) {
  const mounted = mount(
    <PageTermsView
      state={state}
      termById={termById}
      reveal={reveal}
      onOpenSettings={onOpenSettings}
    />,
  );
  unmount = mounted.unmount;
  return { root: mounted.root, reveal, onOpenSettings };
}

// The content script's answer to get-page-terms, as the tab gives it.
const pageTermsState = (raw: unknown) =>
  loadPageTerms(1, { sendMessage: () => Promise.resolve(raw) });

describe("loadPageTerms: the content script's answer, validated", () => {
  test('no answer or a malformed one means the page cannot be read', async () => {
    for (const raw of [
      undefined,
      null,
      'yes',
      [],
      { terms: 'x', available: true },
      { available: true },
    ])
      expect(await pageTermsState(raw)).toEqual({ status: 'unreachable' });
    // A bad term id is refused whole, not half-shown.
    expect(
      await pageTermsState({ terms: [{ id: '<img src=x>', count: 1 }], available: true }),
    ).toEqual({
      status: 'unreachable',
    });
  });

  test('available: false is "off", with the hostname when sent', async () => {
    expect(await pageTermsState({ terms: [], available: false, hostname: 'example.com' })).toEqual({
      status: 'off',
      hostname: 'example.com',
    });
  });

  test('terms keep their order and counts; hostname is optional', async () => {
    const terms = [
      { id: 'vitamin-d', count: 5 },
      { id: 'sarcopenia', count: 1 },
    ];
    expect(await pageTermsState({ terms, available: true })).toEqual({
      status: 'ready',
      hostname: '',
      terms,
    });
  });

  test('a tab without a content script (the send rejects) cannot be read', async () => {
    const rejecting = { sendMessage: () => Promise.reject(new Error('no receiver')) };
    expect(await loadPageTerms(1, rejecting)).toEqual({ status: 'unreachable' });
    expect(await loadPageTerms(undefined, rejecting)).toEqual({ status: 'unreachable' });
  });
});

describe('PageTermsView', () => {
  test('lists terms in page order with counts, skipping ids the glossary lacks', () => {
    const { root } = view({
      status: 'ready',
      hostname: 'example.com',
      terms: [
        { id: 'vitamin-d', count: 5 },
        { id: 'not-a-term', count: 2 },
        { id: 'sarcopenia', count: 1 },
      ],
    });
    const rows = [...root.querySelectorAll('.ml-page-terms__item')];
    expect(rows.map((row) => row.querySelector('.ml-page-terms__label')?.textContent)).toEqual([
      'Vitamin D',
      'Sarcopenia',
    ]);
    expect(rows.map((row) => row.querySelector('.ml-page-terms__count')?.textContent)).toEqual([
      '5 mentions',
      '1 mention',
    ]);
    expect(root.textContent).toContain('2 terms on example.com, in page order');
    expect(rows[1]?.querySelector('a')?.getAttribute('href')).toBe('#term-sarcopenia');
  });

  test('choosing a term asks the page to reveal it and says what happened', async () => {
    const reveal = vi.fn(async (id: string) => id === 'vitamin-d');
    const { root } = view(
      {
        status: 'ready',
        hostname: 'example.com',
        terms: [
          { id: 'vitamin-d', count: 5 },
          { id: 'sarcopenia', count: 1 },
        ],
      },
      reveal,
    );
    const [first, second] = [...root.querySelectorAll('.ml-page-terms__show')];
    click(first!);
    await settle();
    expect(reveal).toHaveBeenCalledWith('vitamin-d');
    expect(root.querySelector('[role="status"]')?.textContent).toBe(
      'Showing “Vitamin D” on the page.',
    );
    click(second!);
    await settle();
    expect(root.querySelector('[role="status"]')?.textContent).toBe(
      'Couldn’t show “Sarcopenia”: the page may have changed.',
    );
  });

  test('a page MyoLens cannot read is said plainly', () => {
    const { root } = view({ status: 'unreachable' });
    expect(root.textContent).toContain(UNREACHABLE_TEXT);
    expect(root.querySelector('button')).toBeNull();
  });

  test('a site where MyoLens is off offers Settings', () => {
    const { root, onOpenSettings } = view({ status: 'off', hostname: 'example.com' });
    expect(root.textContent).toContain('MyoLens is turned off on example.com.');
    click(root.querySelector('button')!);
    expect(onOpenSettings).toHaveBeenCalledOnce();
  });

  test('no terms, and loading, each say so', () => {
    expect(view({ status: 'ready', hostname: 'a.org', terms: [] }).root.textContent).toContain(
      'No glossary terms on a.org.',
    );
    unmount();
    expect(view({ status: 'loading' }).root.textContent).toContain('Looking for terms');
  });
});
