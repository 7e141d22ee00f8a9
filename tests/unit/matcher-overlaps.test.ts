import { describe, expect, test } from 'vitest';
import { glossary } from '@/content/glossary-index';
import { compileMatcher, type Matcher, type MatchableTerm } from '@/lib/matcher';
import { overlaps } from '@/lib/matcher/overlaps';

const term = (id: string, forms: string[], caseSensitive = false): MatchableTerm => ({
  id,
  forms,
  caseSensitive,
});

/** Small glossaries where each overlap is made on purpose. */
const SMALL = compileMatcher([
  term('skeletal-muscle', ['skeletal muscle']),
  term('muscle-atrophy', ['muscle atrophy']),
  term('muscle-strength', ['muscle strength']),
  term('strength-training', ['strength training']),
  term('atrophy', ['atrophy']),
  term('xyz', ['x y z']),
  term('yzw', ['y z w']),
  term('zwv', ['z w v']),
  term('zw', ['z w']),
  term('cell-vdr', ['cell VDR']),
  term('vdr-activity', ['VDR activity'], true),
]);
const REAL = compileMatcher(glossary);

/** The spans and the overlaps of a text, as [surface, term] pairs (overlaps with their host's). */
function found(m: Matcher, text: string) {
  const spans = m.match(text);
  const show = (s: { start: number; end: number; termId: string }) =>
    [text.slice(s.start, s.end), s.termId] as const;
  return {
    spans: spans.map(show),
    overlaps: overlaps(m, text, spans).map((o) => [...show(o), show(spans[o.host]!)[0]]),
  };
}

describe('overlaps of the spans match finds', () => {
  test('skeletal muscle atrophy: the span takes "skeletal muscle", the overlap is "muscle atrophy"', () => {
    expect(found(REAL, 'Signs of skeletal muscle atrophy appear.')).toEqual({
      spans: [['skeletal muscle', 'skeletal-muscle']],
      overlaps: [['muscle atrophy', 'muscle-atrophy', 'skeletal muscle']],
    });
    // Where the rest of it is a term of its own, that is a span, and the overlap is still found.
    expect(found(SMALL, 'Signs of skeletal muscle atrophy appear.')).toEqual({
      spans: [
        ['skeletal muscle', 'skeletal-muscle'],
        ['atrophy', 'atrophy'],
      ],
      overlaps: [['muscle atrophy', 'muscle-atrophy', 'skeletal muscle']],
    });
  });

  test('plurals the matcher adds count for overlaps too; a plural host has no such form', () => {
    expect(found(SMALL, 'skeletal muscle atrophies').overlaps).toEqual([
      ['muscle atrophies', 'muscle-atrophy', 'skeletal muscle'],
    ]);
    // "skeletal muscles" is the span; "muscles atrophy" is no form.
    expect(found(SMALL, 'skeletal muscles atrophy')).toEqual({
      spans: [
        ['skeletal muscles', 'skeletal-muscle'],
        ['atrophy', 'atrophy'],
      ],
      overlaps: [],
    });
  });

  test('no overlap where the term would end or start inside a word, or in a link', () => {
    for (const text of [
      'skeletal muscle atrophying',
      'skeletal muscle atrophy_x',
      'skeletal muscle atrophy.org',
      'skeletal muscle-atrophy@example.org',
      'skeletal musclea atrophy',
    ])
      expect(found(SMALL, text).overlaps, text).toEqual([]);
    // Hyphens and line breaks separate words, as in match.
    expect(found(SMALL, 'skeletal muscle-\natrophy').overlaps).toEqual([
      ['muscle-\natrophy', 'muscle-atrophy', 'skeletal muscle'],
    ]);
  });

  test('a term nested in the span is no overlap (the span is the more specific term)', () => {
    // "muscle" alone is no term here; "x y z" holds "y z" only if it ran on.
    expect(found(SMALL, 'x y z.').overlaps).toEqual([]);
    expect(found(REAL, 'loss of skeletal muscle.').overlaps).toEqual([]);
  });

  test('an overlap that runs into the next span: it overlaps both ends', () => {
    expect(found(SMALL, 'skeletal muscle strength training')).toEqual({
      spans: [
        ['skeletal muscle', 'skeletal-muscle'],
        ['strength training', 'strength-training'],
      ],
      overlaps: [['muscle strength', 'muscle-strength', 'skeletal muscle']],
    });
    // And overlaps at each end of a phrase: the first span's, then the second's.
    expect(found(SMALL, 'skeletal muscle atrophy and muscle strength training').overlaps).toEqual([
      ['muscle atrophy', 'muscle-atrophy', 'skeletal muscle'],
      ['strength training', 'strength-training', 'muscle strength'],
    ]);
  });

  test('three-way: each start inside the span gives its longest; one nested in an earlier overlap gives none', () => {
    expect(found(SMALL, 'x y z w v')).toEqual({
      spans: [['x y z', 'xyz']],
      overlaps: [
        ['y z w', 'yzw', 'x y z'],
        ['z w v', 'zwv', 'x y z'],
      ],
    });
    // "z w" ends where "y z w" ends: nested in it, not offered again.
    expect(found(SMALL, 'x y z w').overlaps).toEqual([['y z w', 'yzw', 'x y z']]);
  });

  test('case-sensitive forms keep their case rule in overlaps', () => {
    expect(found(SMALL, 'cell VDR activity').overlaps).toEqual([
      ['VDR activity', 'vdr-activity', 'cell VDR'],
    ]);
    // The host is case-insensitive and matches; the acronym's form does not.
    expect(found(SMALL, 'cell vdr activity')).toEqual({
      spans: [['cell vdr', 'cell-vdr']],
      overlaps: [],
    });
  });

  test("a span's own term again is no overlap", () => {
    // "low vitamin D" and "vitamin D deficiency" are both forms of vitamin-d-deficiency.
    expect(found(REAL, 'low vitamin D deficiency').overlaps).toEqual([]);
  });

  test('each overlap is what match finds when it reads from there (same rules)', () => {
    const texts = [
      'skeletal muscle atrophy, skeletal muscle strength training and skeletal muscle wasting',
      'active vitamin D receptor signalling and intracellular calcium homeostasis',
      'Gene transcription factor binding; skeletal muscle protein synthesis.',
      'Muscle strength training improves dietary protein synthesis rates.',
    ];
    let n = 0;
    for (const text of texts) {
      const spans = REAL.match(text);
      for (const o of overlaps(REAL, text, spans)) {
        n++;
        expect(REAL.match(text.slice(o.start))[0]).toEqual({
          start: 0,
          end: o.end - o.start,
          termId: o.termId,
        });
        const host = spans[o.host]!;
        expect(o.start > host.start && o.start < host.end && o.end > host.end).toBe(true);
      }
    }
    expect(n).toBeGreaterThanOrEqual(8);
  });

  test('no spans, no overlaps', () => {
    expect(overlaps(SMALL, 'nothing here', [])).toEqual([]);
    expect(overlaps(compileMatcher([]), 'skeletal muscle atrophy', [])).toEqual([]);
  });
});
