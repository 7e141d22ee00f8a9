/**
 * From a glossary form to the tokens the trie stores: character sets (a letter in every
 * case it may appear in) and word separators; plus the regular plurals the matcher adds.
 */
import { isSeparatorChar } from './chars';

/** One step of a form: a set of interchangeable characters, or a separator between words. */
export type Token = { kind: 'sep' } | { kind: 'chars'; chars: readonly string[] };

// Typographic and typewriter apostrophes are the same to a reader ("Alzheimer’s").
const APOSTROPHES = ["'", '\u2019'];

const single = (s: string): boolean => s.length > 0 && [...s].length === 1;

/**
 * The characters `ch` stands for. Case-insensitive letters expand to their other case;
 * a letter whose other case is several characters ("ß" → "SS") stays as written, because
 * a class cannot hold a sequence.
 */
export function charVariants(ch: string, caseSensitive: boolean): string[] {
  if (APOSTROPHES.includes(ch)) return APOSTROPHES;
  if (caseSensitive) return [ch];
  let variants = VARIANTS.get(ch);
  if (!variants) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    const all = [ch, lower, upper, upper.toLowerCase(), lower.toUpperCase()].filter(single);
    VARIANTS.set(ch, (variants = [...new Set(all)].sort()));
  }
  return variants;
}

/** Case variants by character: a glossary has a few dozen distinct letters. */
const VARIANTS = new Map<string, string[]>();

/**
 * A form as tokens: separator runs collapse to one token, leading and trailing ones drop.
 * A case-sensitive form whose first word is an ordinary lower-case word ("vitamin D
 * receptor") may still be capitalised at the start of a sentence; one that starts like
 * "mTOR" or "pH" may not.
 */
export function tokenize(form: string, caseSensitive: boolean): Token[] {
  const tokens: Token[] = [];
  const trimmed = form.trim();
  const capital =
    caseSensitive && /^\p{Ll}+(?![\p{L}\p{M}\p{N}])/u.test(trimmed)
      ? [...trimmed][0]!.toUpperCase()
      : '';
  for (const ch of trimmed) {
    if (isSeparatorChar(ch)) {
      if (tokens.length && tokens[tokens.length - 1]!.kind !== 'sep') tokens.push({ kind: 'sep' });
    } else {
      tokens.push({ kind: 'chars', chars: charVariants(ch, caseSensitive) });
    }
  }
  const first = tokens[0];
  if (single(capital) && first?.kind === 'chars')
    tokens[0] = { kind: 'chars', chars: [...new Set([...first.chars, capital])].sort() };
  if (tokens[tokens.length - 1]?.kind === 'sep') tokens.pop();
  return tokens;
}

/**
 * The regular plural of a form, by its last Latin word: -es after s/x/z/ch/sh sounds,
 * -ies after consonant + y, none after another final s (already plural: "species",
 * "ROS"), none for one-letter words ("vitamin D"), -s otherwise; an upper-case acronym of
 * a case-sensitive term takes a lower-case -s ("VDRs"). Irregular plurals are the
 * glossary's job.
 */
export function regularPlural(form: string, caseSensitive: boolean): string | undefined {
  const word = /\p{sc=Latin}+$/u.exec(form)?.[0];
  if (!word || word.length < 2) return undefined;
  const lower = word.toLowerCase();
  if (caseSensitive && word === word.toUpperCase())
    return lower.endsWith('s') ? undefined : `${form}s`;
  if (/(?:ss|x|z|ch|sh)$/.test(lower)) return `${form}es`;
  if (lower.endsWith('s')) return undefined;
  if (/[^aeiou]y$/.test(lower)) return `${form.slice(0, -1)}ies`;
  return `${form}s`;
}
