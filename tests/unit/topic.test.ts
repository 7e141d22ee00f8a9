/**
 * The page-topic gate (lib/topic.ts) with plain strings: every shared form of the
 * glossary on a short text about the body and on one about another field; specific forms
 * anywhere; text that arrives later; and the cue list itself.
 */
import { describe, expect, test } from 'vitest';
import { glossary } from '@/content/glossary-index';
import { TOPIC_CUES, TOPIC_THRESHOLD, TOPIC_WINDOW } from '@/content/topic';
import { compileMatcher } from '@/lib/matcher';
import { pageTopicReader, TopicGate } from '@/lib/topic';

const matcher = compileMatcher(glossary);
const reader = pageTopicReader(matcher);

/** Each shared form with its term. */
const SHARED = glossary.flatMap((t) =>
  Object.keys(t.shared ?? {}).map((form) => ({ form, id: t.id })),
);

// Written from how such pages read, not from the guide: a clinic's patient leaflet and
// a training blog; a software changelog, a market report and a recipe.
const ON_TOPIC = [
  (f: string) =>
    `Patient information. Your doctor may talk to you about ${f}. Older adults often lose ` +
    'muscle mass and strength, and physical activity and a healthy diet help.',
  (f: string) =>
    `After a hard workout at the gym, athletes ask about ${f}. Rest, sleep and nutrition ` +
    'matter as much as the training itself for muscle growth.',
];
const OFF_TOPIC = [
  (f: string) =>
    `Release notes, version 4.2: the scheduler now handles ${f} in its plugin API. We fixed ` +
    'a crash in the parser and made the build faster on large repositories.',
  (f: string) =>
    `Quarterly outlook: analysts expect ${f} to weigh on margins. Shares fell two per cent ` +
    'as investors priced in higher interest rates and weaker exports.',
  (f: string) =>
    `Recipe notes: ${f} comes up when you slow-cook the sauce. Season with salt, add the ` +
    'onions and simmer for forty minutes before serving with rice.',
];

/** The gate's answer for the form's own mention in the text. */
function allowed(text: string, form: string): boolean {
  const gate = new TopicGate(reader, () => text);
  const spans = matcher
    .match(text)
    .filter((s) => text.slice(s.start, s.end).toLowerCase().includes(form.toLowerCase()));
  expect(spans.length, `"${form}" is matched in: ${text}`).toBeGreaterThan(0);
  return spans.every((s) => gate.allows(text.slice(s.start, s.end)));
}

describe('every shared form', () => {
  test('there are shared forms, each one a form of its term', () => {
    expect(SHARED.length).toBeGreaterThan(40);
    for (const { form, id } of SHARED) {
      const term = glossary.find((t) => t.id === id)!;
      expect(term.forms.map((f) => f.toLowerCase())).toContain(form.toLowerCase());
    }
  });
  for (const { form } of SHARED) {
    test(`"${form}": shown on pages about the body, not on pages of other fields`, () => {
      for (const page of ON_TOPIC) expect(allowed(page(form), form), page(form)).toBe(true);
      for (const page of OFF_TOPIC) expect(allowed(page(form), form), page(form)).toBe(false);
    });
  }
});

describe('specific forms', () => {
  test.each(['sarcopenia', 'vitamin D', 'hypercalcemia', 'muscle atrophy', 'dynapenia'])(
    'a lone "%s" is shown on any page',
    (form) => {
      for (const page of [...ON_TOPIC, ...OFF_TOPIC]) expect(allowed(page(form), form)).toBe(true);
    },
  );
  test('two specific terms make a page about the body: its shared forms show', () => {
    expect(allowed('Sarcopenia and dynapenia; leucine.', 'leucine')).toBe(true);
    expect(allowed('A note on leucine.', 'leucine')).toBe(false);
  });
});

describe('the decision', () => {
  test('a long page of another field that mentions health in passing stays off topic', () => {
    const filler =
      'The committee met again to discuss the port, its cranes and the new rail link. ';
    const page =
      filler.repeat(300) +
      'The minister said the health of the economy matters, like a patient doctor would. ' +
      filler.repeat(300) +
      'Exports of oily fish rose.';
    const e = reader.read(page);
    expect(e.score).toBeGreaterThanOrEqual(TOPIC_THRESHOLD.minScore - 3);
    expect(reader.onTopic(e)).toBe(false);
  });
  test('only the first TOPIC_WINDOW characters are read', () => {
    const e = reader.read('x'.repeat(TOPIC_WINDOW) + ' patient doctor clinical workout elderly');
    expect(e.chars).toBe(TOPIC_WINDOW);
    expect(e.score).toBe(0);
  });
  test('one strong cue and a weak one are not enough; variety is', () => {
    expect(reader.onTopic(reader.read('The patient, a healthy man.'))).toBe(false);
    expect(reader.onTopic(reader.read('The patient saw a doctor about physical activity.'))).toBe(
      true,
    );
  });
});

describe('TopicGate', () => {
  const off = 'Release notes: protein synthesis in the game is now faster.';
  test('decides once, from the root text, at the first shared form', () => {
    let reads = 0;
    const gate = new TopicGate(reader, () => (reads++, off));
    expect(gate.allows('sarcopenia')).toBe(true);
    expect(reads).toBe(0);
    expect(gate.allows('protein synthesis')).toBe(false);
    expect(gate.allows('protein synthesis')).toBe(false);
    expect(reads).toBe(1);
  });
  test('text that arrives later can make the root on topic: read it again', () => {
    const gate = new TopicGate(reader, () => off);
    expect(gate.waiting).toBe(false);
    expect(gate.allows('protein synthesis')).toBe(false);
    expect(gate.waiting).toBe(true);
    expect(gate.arrived('A changelog entry about the parser.')).toBe(false);
    expect(gate.arrived('Patients and their doctors: physical activity for older adults.')).toBe(
      true,
    );
    expect(gate.waiting).toBe(false);
    expect(gate.allows('protein synthesis')).toBe(true);
  });
  test('arriving text matters only once a shared form was kept off', () => {
    const gate = new TopicGate(reader, () => off);
    expect(gate.arrived('Patients and their doctors: physical activity for older adults.')).toBe(
      false,
    );
  });
  test('reset forgets the decision', () => {
    let text = off;
    const gate = new TopicGate(reader, () => text);
    expect(gate.allows('protein synthesis')).toBe(false);
    text = 'Patients and their doctors: physical activity for older adults. Protein synthesis.';
    expect(gate.allows('protein synthesis')).toBe(false);
    gate.reset();
    expect(gate.allows('protein synthesis')).toBe(true);
  });
});

describe('the cue list (content/topic.ts)', () => {
  const cues = [...TOPIC_CUES.strong, ...TOPIC_CUES.weak];
  test('lower case, no repeats', () => {
    for (const c of cues) expect(c).toBe(c.toLowerCase());
    expect(new Set(cues).size).toBe(cues.length);
  });
  test('no cue is a guide form (a mention would count twice)', () => {
    const forms = new Set(glossary.flatMap((t) => t.forms.map((f) => f.toLowerCase())));
    expect(cues.filter((c) => forms.has(c))).toEqual([]);
  });
});
