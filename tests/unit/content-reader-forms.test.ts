/**
 * The real glossary on ordinary pages: forms that other fields use in another sense are
 * narrowed or dropped, each row saying why; ROS on a clinical page (review of systems)
 * stays unmarked. `active` follows the content script: the page's context words, plus
 * what any surface on the page vouches for (Matcher.servedBy).
 */
import { describe, expect, test } from 'vitest';
import { glossary } from '@/content/glossary-index';
import { compileMatcher } from '@/lib/matcher';

const matcher = compileMatcher(glossary);

function active(page: string): Set<string> {
  const ids = matcher.activeIds(page);
  for (const span of matcher.match(page))
    for (const id of matcher.servedBy(page.slice(span.start, span.end))) ids.add(id);
  return ids;
}

const marked = (text: string, page = text) =>
  matcher
    .match(text, active(page))
    .map((span) => [text.slice(span.start, span.end), span.termId] as const);

interface Row {
  text: string;
  expect: ReadonlyArray<readonly [string, string]>;
  page?: string;
  why: string;
}

const none: Row['expect'] = [];

// A clinical note: a review of systems, an exam and a medication list.
const CLINIC =
  'ROS: Constitutional: denies fever. Musculoskeletal: denies muscle aches or muscle loss. ' +
  'Exam: muscle strength 5/5. Pupils reactive to light. Oxygen saturation 98% on room air. ' +
  'Medications: vitamin D3 2000 IU daily.';

const ROWS: readonly Row[] = [
  { text: 'Iron supplementation in pregnancy', expect: none, why: 'iron is no vitamin D' },
  {
    text: 'creatine supplementation and oxygen supplementation',
    expect: none,
    why: 'not vitamin D',
  },
  {
    text: 'vitamin D supplementation improves strength',
    expect: [['vitamin D supplementation', 'supplementation']],
    why: 'the guide’s phrase',
  },
  { text: 'a tale of human frailty', expect: none, why: 'frailty is ordinary English' },
  {
    text: 'a risk factor for falls and overall physical frailty',
    expect: [
      ['risk factor for falls', 'fall-risk'],
      ['physical frailty', 'frailty'],
    ],
    why: 'the guide’s phrase',
  },
  {
    text: 'Calcium balance in chronic kidney disease',
    expect: none,
    why: 'the article never says it; kidney and bone pages do',
  },
  {
    text: 'calcitriol 0.25 mcg twice daily',
    expect: none,
    why: 'a prescription drug the article never names',
  },
  { text: 'fast-twitch shooters reward reflexes', expect: none, why: 'gaming sense' },
  {
    text: 'fast-twitch fibres and type 2 fibers',
    expect: [
      ['fast-twitch fibres', 'type-ii-muscle-fibers'],
      ['type 2 fibers', 'type-ii-muscle-fibers'],
    ],
    why: 'the muscle sense, both spellings',
  },
  {
    text: 'anabolic steroids are banned in sport',
    expect: none,
    why: 'a drug class, not the guide’s anabolism',
  },
  { text: 'mitochondrial DNA haplogroups', expect: none, why: 'genealogy sense' },
  {
    text: 'mitochondrial health and mitochondrial function',
    expect: [
      ['mitochondrial health', 'mitochondria'],
      ['mitochondrial function', 'mitochondria'],
    ],
    why: 'the guide’s phrases',
  },
  {
    text: 'A deficiency in vitamin D, or a deficiency of vitamin D',
    expect: [
      ['deficiency in vitamin D', 'vitamin-d-deficiency'],
      ['deficiency of vitamin D', 'vitamin-d-deficiency'],
    ],
    why: 'the FAQ’s phrase, not plain "vitamin D"',
  },
  {
    text: '1,25-dihydroxy vitamin D',
    expect: [['1,25-dihydroxy vitamin D', 'active-vitamin-d']],
    why: 'spaced spelling',
  },
  {
    text: 'Insulin-Like Growth Factor 1',
    expect: [['Insulin-Like Growth Factor 1', 'igf-1']],
    why: 'title case; the term is case-sensitive',
  },
  // ROS: the oxidative-stress sense against the review of systems.
  {
    text: 'ROS negative except as noted in HPI.',
    page: CLINIC,
    expect: none,
    why: 'review of systems',
  },
  {
    text: 'ROS: denies muscle weakness',
    page: 'ROS: denies muscle weakness, joint pain. Takes vitamin D daily.',
    expect: none,
    why: '"muscle" and "vitamin D" are in review-of-systems notes too',
  },
  {
    text: 'ROS damage muscle cells',
    page: 'Mitochondria release ROS; oxidative stress follows.',
    expect: [['ROS', 'ros']],
    why: 'oxidative-stress words on the page',
  },
  {
    text: 'reactive oxygen species (ROS)',
    expect: [
      ['reactive oxygen species', 'ros'],
      ['ROS', 'ros'],
    ],
    why: 'the long form spells "species", a context word: it vouches for itself',
  },
];

describe('forms on ordinary pages', () => {
  test.each(ROWS.map((row) => [row.text, row] as const))('%s', (_, row) => {
    expect(marked(row.text, row.page), row.why).toEqual(row.expect);
  });

  test('the review-of-systems page gives ROS no context', () => {
    expect(active(CLINIC).has('ros')).toBe(false);
    expect(active(CLINIC).has('vdr')).toBe(true);
  });
});
