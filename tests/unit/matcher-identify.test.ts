/**
 * termIdOf looks surfaces up by key (lib/matcher/identify.ts). The oracle here is the
 * trie the pattern is rendered from, walked character by character: both must name the
 * same owner for every surface the pattern can match, for the real glossary and for the
 * fixture glossary with its conflicts.
 */
import { describe, expect, test } from 'vitest';
import { glossary } from '@/content/glossary-index';
import { compileMatcher, type MatchableTerm } from '@/lib/matcher';
import { charVariants, regularPlural, tokenize } from '@/lib/matcher/forms';
import { emptyNode, insert, type TrieNode } from '@/lib/matcher/trie';
import { GLOSSARY } from './matcher-cases';

/** The trie in claim order: listed forms of every term, then their regular plurals. */
function trieOf(terms: readonly MatchableTerm[]): TrieNode {
  const root = emptyNode();
  const add = (form: string, t: MatchableTerm) => {
    const tokens = tokenize(form, t.caseSensitive);
    if (tokens.length) insert(root, tokens, t.id);
  };
  for (const t of terms) for (const f of t.forms) add(f, t);
  for (const t of terms)
    for (const f of t.forms) {
      const p = regularPlural(f.trim(), t.caseSensitive);
      if (p) add(p, t);
    }
  return root;
}

const SPACE = /\s/u;
const HYPHENS = '-\u2010\u2011\u00AD';

/** The owner of the trie path that spells all of `surface` (the pattern's SEPARATOR rule). */
function trieOwner(root: TrieNode, surface: string): string | undefined {
  const s = [...surface];
  const walk = (node: TrieNode, i: number): string | undefined => {
    if (i === s.length) return node.owner;
    const ch = s[i]!;
    for (const edge of node.edges) {
      let next = -1;
      if (edge.token.kind === 'sep') {
        if (SPACE.test(ch)) for (next = i; next < s.length && SPACE.test(s[next]!); next++);
        else if (HYPHENS.includes(ch))
          for (next = i + 1; next < s.length && SPACE.test(s[next]!); next++);
      } else if (edge.token.chars.includes(ch)) {
        next = i + 1;
      }
      if (next === -1) continue;
      const found = walk(edge.node, next);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk(root, 0);
}

/** Spellings a page may use for a form: cases, separators, apostrophes, and near misses. */
function spellingsOf(form: string): string[] {
  const out = new Set<string>();
  const title = (s: string) =>
    s.replace(/(^|\s)(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
  for (const base of [form, form.toLowerCase(), form.toUpperCase(), title(form)]) {
    out.add(base);
    for (const sep of ['-', '\u2010', '\u00AD', '\n', '- ', '-\n', '\u00A0', '  ', ' -', '--'])
      out.add(base.replace(/[\s-]+/gu, sep));
    out.add(base.replace(/'/g, '\u2019'));
    out.add(base.replace(/\u2019/g, "'"));
    out.add(` ${base}`);
    out.add(`${base} `);
    out.add(`${base}s`);
    out.add(base.slice(0, -1));
    out.add(base.slice(1));
  }
  return [...out];
}

function check(terms: readonly MatchableTerm[]): number {
  const matcher = compileMatcher(terms);
  const root = trieOf(terms);
  let named = 0;
  for (const t of terms) {
    for (const f of t.forms) {
      for (const form of [f, regularPlural(f.trim(), t.caseSensitive) ?? f]) {
        for (const surface of spellingsOf(form)) {
          const expected = trieOwner(root, surface);
          expect(matcher.termIdOf(surface), JSON.stringify(surface)).toBe(expected);
          if (expected !== undefined) named++;
        }
      }
    }
  }
  return named;
}

describe('termIdOf agrees with a walk of the trie', () => {
  test('for every spelling of every form of the guide’s glossary', () => {
    expect(check(glossary)).toBeGreaterThan(1000);
  });

  test('for the fixture glossary', () => {
    expect(check(GLOSSARY)).toBeGreaterThan(100);
  });

  test('where forms of two terms collide (first claim wins, listed before plural)', () => {
    const terms: MatchableTerm[] = [
      { id: 'akt', forms: ['Akt', 'protein kinase B'], caseSensitive: true },
      { id: 'akt-any', forms: ['akt', 'AKT pathway'], caseSensitive: false },
      { id: 'fib', forms: ['fibre'], caseSensitive: false },
      { id: 'fibs', forms: ['fibres', 'Fibre'], caseSensitive: false },
      { id: 'alz', forms: ['Alzheimer’s disease'], caseSensitive: true },
      { id: 'alz-lower', forms: ["alzheimer's"], caseSensitive: false },
      { id: 'ss', forms: ['Straße'], caseSensitive: false },
    ];
    check(terms);
    const m = compileMatcher(terms);
    expect(m.termIdOf('Akt')).toBe('akt');
    expect(m.termIdOf('AKT')).toBe('akt-any');
    expect(m.termIdOf('Protein kinase B')).toBe('akt');
    expect(m.termIdOf('protein Kinase B')).toBeUndefined();
    expect(m.termIdOf('fibres')).toBe('fibs');
    expect(m.termIdOf("Alzheimer's disease")).toBe('alz');
    expect(m.termIdOf('ALZHEIMER’S')).toBe('alz-lower');
    expect(m.termIdOf('STRASSE')).toBeUndefined();
    expect(m.termIdOf('STRAßE')).toBe('ss');
  });
});

describe('case folding', () => {
  test('every character of a glossary form shares its fold with each of its variants', () => {
    for (const t of glossary) {
      for (const ch of t.forms.join('')) {
        const fold = charVariants(ch, false)[0];
        for (const v of charVariants(ch, false)) expect(charVariants(v, false)[0]).toBe(fold);
      }
    }
  });
});
