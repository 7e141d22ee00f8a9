import { describe, expect, test } from 'vitest';
import { groupAlphabetically, groupByCategory, sortTerms } from '../../content/glossary-groups';
import type { Category, GlossaryTerm } from '../../content/schema';

const term = (id: string, label: string, category: Category): GlossaryTerm => ({
  id,
  label,
  category,
  forms: [label],
  caseSensitive: false,
  summary: 's.',
  section: 'intro',
  related: [],
});
const terms = [
  term('vdr', 'VDR (vitamin D receptor)', 'biology'),
  term('akt', 'Akt', 'biology'),
  term('active', '1,25-dihydroxyvitamin D', 'biology'),
  term('anabolism', 'anabolism', 'biology'),
  term('leucine', 'Leucine', 'nutrition'),
  term('toxicity', 'Vitamin D toxicity', 'safety'),
];

describe('glossary grouping', () => {
  test('sorts by label ignoring case, digits first', () => {
    expect(sortTerms(terms).map((item) => item.id)).toEqual([
      'active',
      'akt',
      'anabolism',
      'leucine',
      'vdr',
      'toxicity',
    ]);
  });

  test('groups A–Z by first letter, non-letters under "#"', () => {
    expect(
      groupAlphabetically(terms).map((group) => [group.title, group.terms.map((item) => item.id)]),
    ).toEqual([
      ['#', ['active']],
      ['A', ['akt', 'anabolism']],
      ['L', ['leucine']],
      ['V', ['vdr', 'toxicity']],
    ]);
  });

  test('groups by category in the fixed order, dropping empty categories', () => {
    expect(
      groupByCategory(terms).map((group) => [group.key, group.title, group.terms.length]),
    ).toEqual([
      ['biology', 'Biology', 4],
      ['nutrition', 'Nutrition', 1],
      ['safety', 'Safety', 1],
    ]);
  });
});
