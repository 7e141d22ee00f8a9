import { describe, expect, test } from 'vitest';
import { compileMatcher, type Matcher, type Span } from '@/lib/matcher';
import { CASES, GLOSSARY, type Case } from './matcher-cases';

const matcher = compileMatcher(GLOSSARY);

const activeFor = (c: Case) => matcher.activeIds(c.page ?? c.text);
const label = (c: Case) => `${JSON.stringify(c.text)}${c.why ? ` (${c.why})` : ''}`;
const surfaces = (text: string, spans: Span[]) =>
  spans.map((s) => [text.slice(s.start, s.end), s.termId]);

/** What a plain `exec` loop over `pattern()` finds: the contract of `match`. */
function execLoop(m: Matcher, text: string, active: ReadonlySet<string>): Span[] {
  const re = m.pattern(active);
  const spans: Span[] = [];
  for (let hit = re?.exec(text); re && hit; hit = re.exec(text)) {
    spans.push({ start: hit.index, end: hit.index + hit[0].length, termId: m.termIdOf(hit[0])! });
  }
  return spans;
}

/**
 * mark.js `wrapMatches`, replayed on a string: after each match it splits the text node
 * and runs the same RegExp on the rest from lastIndex 0, so lookbehinds lose the text
 * before the mark. The spans must still be the same.
 */
function markJsLoop(m: Matcher, text: string, active: ReadonlySet<string>): Span[] {
  const re = m.pattern(active);
  const spans: Span[] = [];
  let node = text;
  let offset = 0;
  for (let hit = re?.exec(node); re && hit && hit[0] !== ''; hit = re.exec(node)) {
    const end = hit.index + hit[0].length;
    spans.push({ start: offset + hit.index, end: offset + end, termId: m.termIdOf(hit[0])! });
    node = node.slice(end);
    offset += end;
    re.lastIndex = 0;
  }
  return spans;
}

describe('the case table', () => {
  test('is big enough and a third of it negative', () => {
    const negatives = CASES.filter((c) => c.expect.length === 0).length;
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(negatives * 3).toBeGreaterThanOrEqual(CASES.length);
  });

  test.each(CASES.map((c) => [label(c), c] as const))('match %s', (_, c) => {
    expect(surfaces(c.text, matcher.match(c.text, activeFor(c)))).toEqual(c.expect);
  });

  test.each(CASES.map((c) => [label(c), c] as const))(
    'pattern agrees with match, as mark.js runs it: %s',
    (_, c) => {
      const active = activeFor(c);
      const spans = matcher.match(c.text, active);
      expect(execLoop(matcher, c.text, active)).toEqual(spans);
      expect(markJsLoop(matcher, c.text, active)).toEqual(spans);
      for (const s of spans) expect(matcher.termIdOf(c.text.slice(s.start, s.end))).toBe(s.termId);
      expect(matcher.test(c.text, active)).toBe(spans.length > 0);
    },
  );
});

describe('spans', () => {
  test('are in text order, non-overlapping, with exact offsets', () => {
    const text = 'Sarcopenia, vitamin D receptor and vitamin D deficiency.';
    expect(matcher.match(text)).toEqual([
      { start: 0, end: 10, termId: 'sarcopenia' },
      { start: 12, end: 30, termId: 'vdr' },
      { start: 35, end: 55, termId: 'vitamin-d-deficiency' },
    ]);
  });

  test('with no active set, every term is used, ambiguous ones included', () => {
    expect(surfaces('ROS node', matcher.match('ROS node'))).toEqual([['ROS', 'ros']]);
  });

  test('ids outside the glossary in an active set are ignored', () => {
    expect(matcher.match('VDR', new Set(['vdr', 'no-such-term']))).toHaveLength(1);
    expect(matcher.pattern(new Set(['no-such-term']))).toBeNull();
  });
});

describe('activeIds', () => {
  test('keeps terms without context and adds those whose context occurs', () => {
    const plain = GLOSSARY.filter((t) => !t.context).map((t) => t.id);
    expect([...matcher.activeIds('nothing here')].sort()).toEqual([...plain].sort());
    expect(matcher.activeIds('MUSCLE').has('ros')).toBe(true);
    expect(matcher.activeIds('MUSCLE').has('akt')).toBe(true);
    expect(matcher.activeIds('kinases').has('akt')).toBe(true);
    expect(matcher.activeIds('kinase').has('ros')).toBe(false);
  });

  test('needs the context word as a whole word, outside links', () => {
    expect(matcher.activeIds('musclebound').has('ros')).toBe(false);
    expect(matcher.activeIds('https://example.org/muscle').has('ros')).toBe(false);
  });

  test('treats an empty context list as no context', () => {
    const m = compileMatcher([{ id: 'x', forms: ['xylose'], caseSensitive: false, context: [] }]);
    expect(m.activeIds('')).toEqual(new Set(['x']));
  });
});

describe('pattern', () => {
  test('is a fresh global+unicode RegExp each call, from one cached source', () => {
    const a = matcher.pattern(new Set(['vdr', 'sarcopenia']))!;
    const b = matcher.pattern(new Set(['sarcopenia', 'vdr']))!;
    expect(a).not.toBe(b);
    expect(a.source).toBe(b.source);
    expect(a.flags).toBe('gu');
    a.exec('VDR VDR');
    expect(b.lastIndex).toBe(0);
  });

  test('contains only active terms', () => {
    const re = matcher.pattern(new Set(['sarcopenia']))!;
    expect('VDR and sarcopenia'.match(re)).toEqual(['sarcopenia']);
  });

  test('is null when nothing is active', () => {
    expect(matcher.pattern(new Set())).toBeNull();
    expect(matcher.match('VDR', new Set())).toEqual([]);
    expect(matcher.test('VDR', new Set())).toBe(false);
    expect(compileMatcher([]).pattern()).toBeNull();
  });

  test('has no capture groups, so match[0] is all mark.js needs', () => {
    expect(new RegExp(`${matcher.pattern()!.source}|`, 'u').exec('')!.length).toBe(1);
  });
});

describe('termIdOf', () => {
  test('maps every surface variant back to its term', () => {
    expect(matcher.termIdOf('VDRs')).toBe('vdr');
    expect(matcher.termIdOf('Vitamin\u00A0D')).toBe('vitamin-d');
    expect(matcher.termIdOf('fast-\ntwitch fibres')).toBe('type-2-fibres');
    // Not read through a soft hyphen inside a word (see matcher-cases.ts).
    expect(matcher.termIdOf('sarco\u00ADpenia')).toBeUndefined();
  });

  test('is undefined for anything else', () => {
    expect(matcher.termIdOf('vitamin')).toBeUndefined();
    expect(matcher.termIdOf(' VDR')).toBeUndefined();
    expect(matcher.termIdOf('')).toBeUndefined();
  });
});

describe('conflicting forms', () => {
  test('the first term listed owns a shared form; the other keeps the rest', () => {
    const m = compileMatcher([
      { id: 'first', forms: ['Akt'], caseSensitive: true },
      { id: 'second', forms: ['akt'], caseSensitive: false },
    ]);
    expect(surfaces('Akt AKT akt', m.match('Akt AKT akt'))).toEqual([
      ['Akt', 'first'],
      ['AKT', 'second'],
      ['akt', 'second'],
    ]);
    expect(m.match('Akt', new Set(['second']))).toEqual([]);
  });

  test('a listed form beats another term’s generated plural', () => {
    const m = compileMatcher([
      { id: 'fib', forms: ['fibre'], caseSensitive: false },
      { id: 'fibs', forms: ['fibres'], caseSensitive: false },
    ]);
    expect(m.termIdOf('fibres')).toBe('fibs');
  });

  test('longest match holds across a case-sensitive and a case-insensitive term', () => {
    const m = compileMatcher([
      { id: 'akt', forms: ['Akt'], caseSensitive: true },
      { id: 'akt-pathway', forms: ['akt pathway'], caseSensitive: false },
    ]);
    expect(surfaces('Akt pathway', m.match('Akt pathway'))).toEqual([
      ['Akt pathway', 'akt-pathway'],
    ]);
    expect(surfaces('Akt pathways', m.match('Akt pathways'))).toEqual([
      ['Akt pathways', 'akt-pathway'],
    ]);
  });

  test('empty forms are ignored', () => {
    const m = compileMatcher([{ id: 'e', forms: ['', ' - '], caseSensitive: false }]);
    expect(m.pattern()).toBeNull();
    expect(m.match('anything')).toEqual([]);
  });
});

describe('sanity on hostile text (no timing assertions: a catastrophic pattern would hang here)', () => {
  const cases: Array<[string, string, number]> = [
    ['a long run of slash-joined acronyms', 'VDR/'.repeat(20_000), 20_000],
    ['long whitespace after a first word', `${'vitamin' + ' '.repeat(5_000)}x `.repeat(20), 0],
    ['long whitespace after a hyphen', `${'vitamin-' + ' '.repeat(5_000)}`.repeat(20), 0],
    ['a URL longer than the look-back', `https://${'a/'.repeat(50_000)}VDR`, 1],
    ['soft hyphens everywhere', 'sarco\u00AD'.repeat(20_000), 0],
    ['prefixes that never complete', 'vitamin vitaminD '.repeat(20_000), 0],
    ['dotted chains', `${'a.'.repeat(50_000)}VDR`, 0],
  ];
  test.each(cases)('%s', (_, text, count) => {
    expect(matcher.match(text)).toHaveLength(count);
  });

  test('a glossary-sized pattern stays compact', () => {
    // Documented limit: a link longer than the look-back may still have a term marked
    // (the URL case above finds one). Size: one trie, not one alternative per variant.
    expect(matcher.pattern()!.source.length).toBeLessThan(20_000);
  });
});
