// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { MyoLensApp } from '../../components/MyoLensApp';
import { appData, click, mount, press, type } from './popup-helpers';

let unmount = () => {};
afterEach(() => unmount());

function popup() {
  const mounted = mount(
    <MyoLensApp data={appData} initial={{ place: null, query: '' }} syncUrl={false} />,
  );
  unmount = mounted.unmount;
  const { root } = mounted;
  const input = root.querySelector<HTMLInputElement>('#search-input')!;
  const options = () => [...root.querySelectorAll('[role="option"]')];
  return { root, input, options };
}

describe('search combobox', () => {
  test('starts focused, collapsed, and controlling the results listbox', () => {
    const { root, input } = popup();
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    const listbox = root.querySelector(`#${input.getAttribute('aria-controls')}`);
    expect(listbox?.getAttribute('role')).toBe('listbox');
    // Before typing: example queries to pick from.
    expect(root.querySelector('.ml-search__hint')?.textContent).toContain('sarcopenia');
  });

  test('results appear as groups of options with ids, titles and <mark>ed matches', () => {
    const { root, input, options } = popup();
    type(input, 'sarcopnia');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const groups = [...root.querySelectorAll('[role="listbox"] > [role="group"]')];
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      const label = root.querySelector(`#${group.getAttribute('aria-labelledby')}`);
      expect(['Glossary', 'Guide sections', 'FAQ']).toContain(label?.textContent);
    }
    const first = options()[0]!;
    expect(first.id).toBe('search-option-term-sarcopenia');
    expect(root.querySelector(`#${first.getAttribute('aria-labelledby')}`)?.textContent).toBe(
      'Sarcopenia',
    );
    expect(first.querySelector('mark')?.textContent).toBe('Sarcopenia');
    expect(new Set(options().map((option) => option.id)).size).toBe(options().length);
    expect(root.querySelector('[role="status"]')?.textContent).toBe(`${options().length} results`);
  });

  test('Down/Up move aria-activedescendant and aria-selected; Escape clears', () => {
    const { input, options } = popup();
    type(input, 'vitamin d');
    const ids = options().map((option) => option.id);
    press(input, 'ArrowDown');
    press(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe(ids[1]);
    expect(
      options()
        .filter((o) => o.getAttribute('aria-selected') === 'true')
        .map((o) => o.id),
    ).toEqual([ids[1]]);
    press(input, 'ArrowUp');
    expect(input.getAttribute('aria-activedescendant')).toBe(ids[0]);
    press(input, 'ArrowUp');
    expect(input.getAttribute('aria-activedescendant')).toBe(ids.at(-1));
    press(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe(ids[0]);
    // A new query is a new list: nothing active in it.
    type(input, 'vitamin d3');
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);
    press(input, 'Escape');
    expect(input.value).toBe('');
    expect(options()).toHaveLength(0);
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  test('Enter opens the active result: an FAQ entry opens in the FAQ view', () => {
    const { root, input } = popup();
    type(input, 'how much vitamin d');
    press(input, 'ArrowDown');
    press(input, 'Enter');
    expect(root.querySelector('#tab-faq')?.getAttribute('aria-selected')).toBe('true');
    expect(root.querySelector<HTMLElement>('#panel-faq')?.hidden).toBe(false);
    expect(root.querySelector<HTMLElement>('#panel-search')?.hidden).toBe(true);
    expect(root.querySelector<HTMLDetailsElement>('details#faq-dosage')?.open).toBe(true);
    expect(document.activeElement).toBe(root.querySelector('#faq-dosage summary'));
  });

  test('Enter with nothing active opens the first result; a term lands on its entry', () => {
    const { root, input } = popup();
    type(input, 'fast twitch');
    press(input, 'Enter');
    expect(root.querySelector('#tab-glossary')?.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement?.id).toBe('term-type-ii-muscle-fibers');
  });

  test('clicking a result opens it too', () => {
    const { root, input, options } = popup();
    type(input, 'calcium handling');
    click(options().find((o) => o.id === 'search-option-section-intracellular-calcium')!);
    expect(root.querySelector('#tab-article')?.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement?.id).toBe('intracellular-calcium');
  });

  test('no results: says so, suggests close terms, and a suggestion searches it', () => {
    const { root, input, options } = popup();
    type(input, 'sarkopeenya');
    expect(options()).toHaveLength(0);
    expect(root.querySelector('.ml-search__empty')?.textContent).toContain(
      'Nothing in the guide matches “sarkopeenya”.',
    );
    const suggestion = [...root.querySelectorAll('.ml-search__empty button')];
    expect(suggestion.map((b) => b.textContent)).toEqual(['Sarcopenia']);
    click(suggestion[0]!);
    expect(input.value).toBe('Sarcopenia');
    expect(document.activeElement).toBe(input);
    expect(options()[0]?.id).toBe('search-option-term-sarcopenia');
  });

  test('gibberish gets the spelling hint instead of suggestions', () => {
    const { root, input } = popup();
    type(input, 'qqqq');
    expect(root.querySelector('.ml-search__empty')?.textContent).toContain('Check the spelling');
    expect(root.querySelectorAll('.ml-search__empty button')).toHaveLength(0);
  });
});
