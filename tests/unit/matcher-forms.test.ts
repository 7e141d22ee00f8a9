import { describe, expect, test } from 'vitest';
import { compileMatcher } from '@/lib/matcher';
import { charVariants, regularPlural, tokenize } from '@/lib/matcher/forms';
import { emptyNode, insert, type TrieNode } from '@/lib/matcher/trie';

describe('regularPlural', () => {
  test.each([
    ['sarcopenia', false, 'sarcopenias'],
    ['fast-twitch fibre', false, 'fast-twitch fibres'],
    ['oxidative stress', false, 'oxidative stresses'],
    ['fatty fish', false, 'fatty fishes'],
    ['myopathy', false, 'myopathies'],
    ['day', false, 'days'],
    ['reactive oxygen species', true, undefined],
    ['VDR', true, 'VDRs'],
    ['ROS', true, undefined],
    ['Akt', true, 'Akts'],
    ['IGF-1', true, undefined],
    ['vitamin D', false, undefined],
    ['维生素', false, undefined],
  ] as const)('%s (case-sensitive: %s) → %s', (form, caseSensitive, plural) => {
    expect(regularPlural(form, caseSensitive)).toBe(plural);
  });
});

describe('charVariants', () => {
  test('expands case only for case-insensitive terms', () => {
    expect(charVariants('a', false)).toEqual(['A', 'a']);
    expect(charVariants('a', true)).toEqual(['a']);
  });

  test('keeps letters whose other case is several characters as written', () => {
    expect(charVariants('ß', false)).toEqual(['ß']);
    expect(charVariants('ﬁ', false)).toEqual(['ﬁ']);
  });

  test('collects every single-character case of a letter', () => {
    expect(charVariants('ς', false)).toEqual(['Σ', 'ς', 'σ']);
  });

  test('treats both apostrophes alike, whatever the case rule', () => {
    expect(charVariants('’', true)).toEqual(["'", '’']);
  });
});

describe('tokenize', () => {
  test('collapses separators and drops them at the ends', () => {
    const kinds = tokenize(' Fast -\u2011 twitch- ', true).map((t) =>
      t.kind === 'sep' ? ' ' : t.chars.join(''),
    );
    expect(kinds.join('')).toBe('Fast twitch');
  });

  test('lets a case-sensitive lower-case word start with a capital', () => {
    expect(tokenize('vitamin D receptor', true)[0]).toEqual({ kind: 'chars', chars: ['V', 'v'] });
    expect(tokenize('mTOR', true)[0]).toEqual({ kind: 'chars', chars: ['m'] });
    expect(tokenize('pH', true)[0]).toEqual({ kind: 'chars', chars: ['p'] });
  });
});

describe('the trie', () => {
  const siblingsDisjoint = (node: TrieNode): boolean => {
    const seen = new Set<string>();
    for (const edge of node.edges) {
      const keys = edge.token.kind === 'sep' ? ['<sep>'] : edge.token.chars;
      if (keys.some((k) => seen.has(k))) return false;
      keys.forEach((k) => seen.add(k));
    }
    return node.edges.every((e) => siblingsDisjoint(e.node));
  };

  test('splits edges so that siblings never share a character', () => {
    const root = emptyNode();
    insert(root, tokenize('Akt', true), 'akt');
    insert(root, tokenize('akt pathway', false), 'pathway');
    insert(root, tokenize('AKT', true), 'akt');
    expect(siblingsDisjoint(root)).toBe(true);
    expect(
      root.edges.map((e) => e.token.kind === 'chars' && e.token.chars.join('')).sort(),
    ).toEqual(['A', 'a']);
  });
});

describe('case rules through the matcher', () => {
  test('mixed-case acronyms are never capitalised', () => {
    const m = compileMatcher([{ id: 'mtor', forms: ['mTOR'], caseSensitive: true }]);
    expect(m.match('mTOR and MTOR').map((s) => s.start)).toEqual([0]);
  });

  test('letters with multi-character case mappings stay literal', () => {
    const m = compileMatcher([{ id: 'gross', forms: ['Größe'], caseSensitive: false }]);
    expect(m.match('GRÖßE, größe, GRÖSSE').map((s) => s.start)).toEqual([0, 7]);
  });
});

describe('forms with RegExp syntax', () => {
  test('are matched literally', () => {
    const m = compileMatcher([
      { id: 'calcitriol', forms: ['1,25(OH)2D'], caseSensitive: false },
      { id: 'odd', forms: ['a+b [x]^', 'c|d'], caseSensitive: true },
    ]);
    const text = '1,25(OH)2D, 1,25OH2D, a+b [x]^ and c|d but not aab x or c';
    expect(m.match(text).map((s) => [text.slice(s.start, s.end), s.termId])).toEqual([
      ['1,25(OH)2D', 'calcitriol'],
      ['a+b [x]^', 'odd'],
      ['c|d', 'odd'],
    ]);
  });
});
