// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { MyoLensApp } from '../../components/MyoLensApp';
import type { GuideRequest } from '../../lib/guide-links';
import { appData, click, mount, press } from './popup-helpers';

let unmount = () => {};
afterEach(() => {
  unmount();
  window.history.replaceState(null, '', '/');
});

function app(initial: GuideRequest = { place: null, query: '' }, syncUrl = false) {
  const mounted = mount(
    <MyoLensApp
      data={appData}
      initial={initial}
      syncUrl={syncUrl}
      renderPage={() => <p>page view</p>}
      renderSettings={() => <p>settings view</p>}
    />,
  );
  unmount = mounted.unmount;
  const { root } = mounted;
  const tab = (view: string) => root.querySelector<HTMLElement>(`#tab-${view}`)!;
  const panel = (view: string) => root.querySelector<HTMLElement>(`#panel-${view}`)!;
  const selected = () => root.querySelector('[role="tab"][aria-selected="true"]')?.id;
  return { root, tab, panel, selected };
}

describe('views', () => {
  test('a tablist of six views, each tab controlling its labelled panel', () => {
    const { root, tab, panel } = app();
    const tabs = [...root.querySelectorAll('[role="tablist"] > [role="tab"]')];
    expect(tabs.map((t) => t.textContent)).toEqual([
      'Search',
      'Article',
      'FAQ',
      'Glossary',
      'This page',
      'Settings',
    ]);
    for (const view of ['search', 'article', 'faq', 'glossary', 'page', 'settings']) {
      expect(tab(view).getAttribute('aria-controls')).toBe(`panel-${view}`);
      expect(panel(view).getAttribute('role')).toBe('tabpanel');
      expect(panel(view).getAttribute('aria-labelledby')).toBe(`tab-${view}`);
    }
    // One tab stop: only the selected tab is in the Tab order.
    expect(tabs.map((t) => t.getAttribute('tabindex'))).toEqual([
      '0',
      '-1',
      '-1',
      '-1',
      '-1',
      '-1',
    ]);
  });

  test('without page and settings renderers (the guide tab) there are four', () => {
    const mounted = mount(
      <MyoLensApp data={appData} initial={{ place: null, query: '' }} syncUrl={false} />,
    );
    expect(mounted.root.querySelectorAll('[role="tab"]')).toHaveLength(4);
    mounted.unmount();
  });

  test('arrow keys, Home and End move between tabs and show their panels', () => {
    const { tab, panel, selected } = app();
    press(tab('search'), 'ArrowRight');
    expect(selected()).toBe('tab-article');
    expect(document.activeElement).toBe(tab('article'));
    expect(panel('article').hidden).toBe(false);
    expect(panel('search').hidden).toBe(true);
    press(tab('article'), 'ArrowLeft');
    press(tab('search'), 'ArrowLeft');
    expect(selected()).toBe('tab-settings');
    press(tab('settings'), 'Home');
    expect(selected()).toBe('tab-search');
    press(tab('search'), 'End');
    expect(selected()).toBe('tab-settings');
    expect(panel('settings').textContent).toBe('settings view');
  });

  test('views mount on first visit and keep their state after', () => {
    const { root, tab, panel } = app();
    expect(panel('article').childElementCount).toBe(0);
    click(tab('faq'));
    const first = root.querySelector<HTMLDetailsElement>('#faq-mechanism')!;
    first.open = true;
    click(tab('search'));
    click(tab('faq'));
    expect(root.querySelector<HTMLDetailsElement>('#faq-mechanism')?.open).toBe(true);
  });

  test('in-app links go to the view holding their target: glossary "Read more" to the article', () => {
    const { root, tab, selected } = app({ place: { view: 'glossary' }, query: '' });
    expect(selected()).toBe('tab-glossary');
    const more = root.querySelector<HTMLAnchorElement>('#term-leucine .ml-glossary__more')!;
    expect(more.getAttribute('href')).toBe('#synergistic-strategies');
    click(more);
    expect(selected()).toBe('tab-article');
    expect(document.activeElement?.id).toBe('synergistic-strategies');
    // "See also" links stay in the glossary.
    click(tab('glossary'));
    click(root.querySelector('#term-leucine .ml-glossary__related a')!);
    expect(selected()).toBe('tab-glossary');
  });

  test('an initial place opens there: an FAQ entry open and focused', () => {
    const { root, selected } = app({ place: { view: 'faq', anchor: 'faq-sources' }, query: '' });
    expect(selected()).toBe('tab-faq');
    expect(root.querySelector<HTMLDetailsElement>('#faq-sources')?.open).toBe(true);
    expect(root.querySelectorAll('details[open]')).toHaveLength(1);
    expect(document.activeElement).toBe(root.querySelector('#faq-sources summary'));
  });

  test('an initial query runs at once', () => {
    const { root } = app({ place: { view: 'search' }, query: 'leucine' });
    expect(root.querySelector<HTMLInputElement>('#search-input')?.value).toBe('leucine');
    expect(root.querySelector('[role="option"]')?.id).toBe('search-option-term-leucine');
  });

  test('"/" jumps to the search field from another view', () => {
    const { root, tab, selected } = app({ place: { view: 'article' }, query: '' });
    press(tab('article'), '/');
    expect(selected()).toBe('tab-search');
    expect(document.activeElement).toBe(root.querySelector('#search-input'));
  });

  test('with syncUrl (guide tab) navigation writes the address; the popup leaves it alone', () => {
    const synced = app({ place: null, query: '' }, true);
    click(synced.tab('glossary'));
    expect(window.location.hash).toBe('#glossary');
    click(synced.root.querySelector('#term-ros .ml-glossary__more')!);
    expect(window.location.hash).toBe('#mitochondria-oxidative-stress');
    unmount();

    window.history.replaceState(null, '', '/popup.html');
    const popup = app();
    click(popup.tab('faq'));
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/popup.html');
  });
});
