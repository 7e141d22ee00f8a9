// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'preact';
import { afterEach, describe, expect, test } from 'vitest';
import { FaqList } from '../../components/FaqList';
import { GuideArticle } from '../../components/GuideArticle';
import { SOURCE_ARTICLE, sourceUnits } from '../../content/build/source-article';
import { faq, flattenSections, guide, type Guide } from '../../content/index';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const units = sourceUnits(readFileSync(path.resolve(repoRoot, SOURCE_ARTICLE), 'utf8'));
const faqStart = units.indexOf('Frequently Asked Questions');
const disclaimerStart = units.indexOf('Medical Disclaimer');

let container: HTMLElement;
const mount = (node: preact.ComponentChild): HTMLElement => {
  container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
};
afterEach(() => {
  render(null, container);
  container.remove();
});

/** The rendered text as the source's units: one per heading, paragraph, list item and table row. */
function renderedUnits(root: Element): string[] {
  return [...root.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li, tr')].map((element) =>
    element.tagName === 'TR'
      ? [...element.children].map((cell) => cell.textContent).join(' ')
      : (element.textContent ?? ''),
  );
}

describe('GuideArticle', () => {
  test('renders the source text paragraph by paragraph (only site chrome and the FAQ left out)', () => {
    const root = mount(<GuideArticle guide={guide} />);
    expect(faqStart).toBeGreaterThan(0);
    expect(renderedUnits(root)).toEqual([
      ...units.slice(0, faqStart),
      ...units.slice(disclaimerStart),
    ]);
  });

  test('the FAQ answers render as the source answers', () => {
    const root = mount(<FaqList entries={faq} />);
    expect([...root.querySelectorAll('.ml-faq__answer p')].map((p) => p.textContent)).toEqual(
      units.slice(faqStart + 1, disclaimerStart),
    );
  });

  test('every section heading carries its id at its level, ids unique', () => {
    const root = mount(<GuideArticle guide={guide} />);
    for (const section of flattenSections(guide)) {
      const heading = root.querySelector(`#${section.id}`);
      expect(heading?.tagName, section.id).toBe(`H${section.level}`);
      expect(heading?.textContent).toBe(section.title);
    }
    const ids = [...root.querySelectorAll('[id]')].map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(root.querySelector('h1')?.id).toBe('intro');
    expect(root.querySelector('article')?.getAttribute('aria-labelledby')).toBe('intro');
    expect(root.querySelector('.ml-guide__reading-time')?.textContent).toBe('4 min read');
    expect(root.querySelector('footer #disclaimer')).not.toBeNull();
  });

  test('the comparison is a real table with column and row headers in a focusable labelled region', () => {
    const root = mount(<GuideArticle guide={guide} />);
    const region = root.querySelector('.ml-table-scroll');
    expect(region?.getAttribute('role')).toBe('region');
    expect(region?.getAttribute('tabindex')).toBe('0');
    const labelId = region?.getAttribute('aria-labelledby') ?? '';
    expect(root.querySelector(`#${labelId}`)?.textContent).toBe(
      'Comparison of Muscle Health with Sufficient vs. Deficient Vitamin D',
    );
    const table = region?.querySelector('table');
    expect(table?.getAttribute('aria-labelledby')).toBe(labelId);
    expect(
      [...(table?.querySelectorAll('thead th[scope="col"]') ?? [])].map((th) => th.textContent),
    ).toEqual(['Feature', 'Sufficient Vitamin D', 'Deficient Vitamin D']);
    const rows = [...(table?.querySelectorAll('tbody tr') ?? [])];
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row.children).toHaveLength(3);
      expect(row.children[0]?.tagName).toBe('TH');
      expect(row.children[0]?.getAttribute('scope')).toBe('row');
      expect(row.querySelectorAll('td')).toHaveLength(2);
    }
  });

  test('key points keep their bold lead-ins', () => {
    const root = mount(<GuideArticle guide={guide} />);
    const items = [...root.querySelectorAll('#key-points ~ ul li')];
    expect(items).toHaveLength(6);
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual([
      'Deficiency Increases Risk:',
      'Works Through VDR:',
      'Regulates Calcium:',
      'Protects Mitochondria:',
      'Synergizes with Exercise and Protein:',
      'More Beneficial in Deficient Individuals:',
    ]);
  });

  test('renders content as text, never as HTML, and marks external links', () => {
    const tiny: Guide = {
      ...guide,
      intro: {
        ...guide.intro,
        blocks: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: '<img src=x onerror="alert(1)"> ' },
              {
                type: 'link',
                href: 'https://example.org/',
                children: [{ type: 'text', text: 'out' }],
              },
              {
                type: 'link',
                href: '#conclusion',
                children: [{ type: 'em', children: [{ type: 'text', text: 'in' }] }],
              },
            ],
          },
        ],
      },
    };
    const root = mount(<GuideArticle guide={tiny} />);
    const intro = root.querySelector('.ml-guide__intro');
    expect(intro?.querySelector('img')).toBeNull();
    expect(intro?.textContent).toBe('<img src=x onerror="alert(1)"> outin');
    const [out, inner] = [...(intro?.querySelectorAll('a') ?? [])];
    expect(out?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(out?.getAttribute('target')).toBe('_blank');
    expect(inner?.getAttribute('href')).toBe('#conclusion');
    expect(inner?.hasAttribute('target')).toBe(false);
    expect(inner?.querySelector('em')?.textContent).toBe('in');
  });
});
