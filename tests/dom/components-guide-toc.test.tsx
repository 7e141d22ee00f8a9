// @vitest-environment happy-dom
import { render } from 'preact';
import { expect, test } from 'vitest';
import { GuideArticle } from '../../components/GuideArticle';
import { GuideToc } from '../../components/GuideToc';
import { guide } from '../../content/index';

test('the table of contents is a labelled nav whose links all land on a heading', () => {
  const root = document.createElement('div');
  render(
    <>
      <GuideToc guide={guide} />
      <GuideArticle guide={guide} />
    </>,
    root,
  );
  const nav = root.querySelector('nav');
  expect(nav?.getAttribute('aria-label')).toBe('In this article');
  const links = [...(nav?.querySelectorAll('a') ?? [])];
  expect(links.map((link) => link.getAttribute('href'))).toEqual([
    '#quick-summary',
    '#key-points',
    '#proven-link',
    '#mechanisms',
    '#vitamin-d-receptor',
    '#intracellular-calcium',
    '#mitochondria-oxidative-stress',
    '#anabolic-catabolic-pathways',
    '#synergistic-strategies',
    '#comparison',
    '#conclusion',
  ]);
  for (const link of links) {
    const target = root.querySelector('article')?.querySelector(link.getAttribute('href') ?? '');
    expect(target?.textContent, link.getAttribute('href') ?? '').toBe(link.textContent);
  }
  // Subsections are nested under their section.
  expect(
    nav?.querySelector('a[href="#mechanisms"] + ol a[href="#vitamin-d-receptor"]'),
  ).not.toBeNull();
});

test('accepts another label', () => {
  const root = document.createElement('div');
  render(<GuideToc guide={guide} label="Contents" />, root);
  expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe('Contents');
});
