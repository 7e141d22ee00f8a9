/**
 * The real glossary on ordinary pages: forms that other fields use in another sense are
 * narrowed or dropped, each row saying why; ROS on a clinical page (review of systems)
 * stays unmarked. `active` follows the content script: the page's context words, plus
 * what any surface on the page vouches for (Matcher.servedBy); then shared forms need a
 * page about the body (lib/topic.ts).
 */
import { describe, expect, test } from 'vitest';
import { glossary } from '@/content/glossary-index';
import { compileMatcher } from '@/lib/matcher';
import { pageTopicReader } from '@/lib/topic';

const matcher = compileMatcher(glossary);

function active(page: string): Set<string> {
  const ids = matcher.activeIds(page);
  for (const span of matcher.match(page))
    for (const id of matcher.servedBy(page.slice(span.start, span.end))) ids.add(id);
  return ids;
}

const reader = pageTopicReader(matcher);

/** What the content script shows: the context rule, then the page-topic gate. */
const marked = (text: string, page = text) => {
  const onTopic = reader.onTopic(reader.read(page));
  return matcher
    .match(text, active(page))
    .map((span) => text.slice(span.start, span.end))
    .filter((surface) => onTopic || !matcher.isShared(surface))
    .map((surface) => [surface, matcher.termIdOf(surface)!] as const);
};

interface Row {
  text: string;
  expect: ReadonlyArray<readonly [string, string]>;
  page?: string;
  why: string;
}

const none: Row['expect'] = [];

// A page about the body (the page-topic gate lets shared forms show there).
const BODY =
  'Older adults lose muscle mass with age; doctors check their vitamin levels and advise ' +
  'physical activity. ';

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
  {
    text: 'a tale of human frailty',
    expect: none,
    why: 'shared (ordinary English), no page about the body',
  },
  {
    text: 'frailty in older adults',
    page: BODY + 'frailty in older adults',
    expect: [['frailty', 'frailty']],
    why: 'bare frailty came back as a shared form: on a page about the body it is physical frailty',
  },
  {
    text: 'a risk factor for falls and overall physical frailty',
    page: BODY + 'a risk factor for falls and overall physical frailty',
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
  {
    text: 'fast-twitch shooters reward reflexes',
    expect: none,
    why: 'gaming sense: shared, no page about the body',
  },
  {
    text: 'sprinters train their fast twitch fibers and fast-twitch power',
    page: BODY + 'sprinters train their fast twitch fibers and fast-twitch power',
    expect: [
      ['fast twitch fibers', 'type-ii-muscle-fibers'],
      ['fast-twitch', 'type-ii-muscle-fibers'],
    ],
    why: 'bare fast-twitch came back as a shared form, shown on a page about the body',
  },
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
  {
    text: 'mitochondrial DNA haplogroups',
    expect: none,
    why: 'genealogy sense: shared, no page about the body',
  },
  {
    text: 'mitochondrial health and mitochondrial function',
    page: BODY + 'mitochondrial health and mitochondrial function',
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
    page: BODY + 'Mitochondria release ROS; oxidative stress follows.',
    expect: [['ROS', 'ros']],
    why: 'oxidative-stress words on the page',
  },
  {
    text: 'reactive oxygen species (ROS)',
    page: BODY + 'reactive oxygen species (ROS)',
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
