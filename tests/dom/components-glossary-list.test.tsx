// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import { FaqList } from '../../components/FaqList';
import { GlossaryList } from '../../components/GlossaryList';
import { GuideArticle } from '../../components/GuideArticle';
import { anchorTitles, CATEGORY_LABELS, faq, glossary, guide } from '../../content/index';

const anchors = anchorTitles(guide, faq);

const mount = (node: preact.ComponentChild): HTMLElement => {
  const root = document.createElement('div');
  render(node, root);
  return root;
};
const entries = (root: Element): Element[] => [...root.querySelectorAll('.ml-glossary__entry')];

describe('GlossaryList', () => {
  test('A–Z: every term once, with id, label, category, summary and a link into the guide', () => {
    const root = mount(<GlossaryList terms={glossary} anchors={anchors} />);
    const rendered = entries(root);
    expect(rendered.map((entry) => entry.id).sort()).toEqual(
      glossary.map((term) => `term-${term.id}`).sort(),
    );
    for (const term of glossary) {
      const entry = root.querySelector(`#term-${term.id}`);
      expect(entry?.parentElement?.tagName).toBe('DL');
      expect(entry?.querySelector('dt')?.textContent).toBe(term.label);
      expect(entry?.querySelector('.ml-glossary__category')?.textContent).toBe(
        CATEGORY_LABELS[term.category],
      );
      expect(entry?.querySelector('.ml-glossary__summary')?.textContent).toBe(term.summary);
      const more = entry?.querySelector('a.ml-glossary__more');
      expect(more?.getAttribute('href')).toBe(`#${term.section}`);
      expect(more?.textContent).toBe(`Read more: ${anchors.get(term.section)}`);
    }
    const headings = [...root.querySelectorAll('h3')].map((heading) => heading.textContent);
    expect(headings[0]).toBe('#');
    expect(headings.slice(1)).toEqual([...headings.slice(1)].sort());
    const labels = rendered.map((entry) => entry.querySelector('dt')?.textContent ?? '');
    expect(labels[0]).toBe('1,25-dihydroxyvitamin D');
  });

  test('by category: one group per category in order, each entry in its group', () => {
    const root = mount(
      <GlossaryList terms={glossary} anchors={anchors} groupBy="category" headingLevel={2} />,
    );
    expect([...root.querySelectorAll('h2')].map((heading) => heading.textContent)).toEqual([
      'Condition',
      'Biology',
      'Nutrition',
      'Exercise',
      'Safety',
    ]);
    for (const group of root.querySelectorAll('.ml-glossary__group')) {
      const title = group.querySelector('h2')?.textContent;
      for (const category of group.querySelectorAll('.ml-glossary__category'))
        expect(category.textContent).toBe(title);
    }
    expect(entries(root)).toHaveLength(glossary.length);
  });

  test('on the guide page, every "Read more" and "See also" link lands on an element', () => {
    const root = mount(
      <>
        <GuideArticle guide={guide} />
        <FaqList entries={faq} />
        <GlossaryList terms={glossary} anchors={anchors} />
      </>,
    );
    const links = [...root.querySelectorAll('.ml-glossary a')];
    expect(links.length).toBeGreaterThan(glossary.length);
    for (const link of links) {
      const href = link.getAttribute('href') ?? '';
      expect(root.querySelector(href), href).not.toBeNull();
    }
  });

  test('hrefFor points section links elsewhere (e.g. from the popup)', () => {
    const root = mount(
      <GlossaryList terms={glossary} anchors={anchors} hrefFor={(id) => `guide.html#${id}`} />,
    );
    expect(root.querySelector('#term-vdr a.ml-glossary__more')?.getAttribute('href')).toBe(
      'guide.html#vitamin-d-receptor',
    );
  });
});
