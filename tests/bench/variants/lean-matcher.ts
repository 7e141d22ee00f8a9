/**
 * Experiment: the same matcher with cheaper fixed costs, behind the product's Matcher
 * interface. Each change is a proposal for lib/matcher:
 *  1. termIdOf by walking the trie instead of a second pattern-sized RegExp with named
 *     groups (compiled on the first mark of every page).
 *  2. activeIds stops once every term that needs context has found one of its words,
 *     not once every context word was seen (which on most pages means never).
 *  3. (Until commit 517e427 also `\xAD*` for `\xAD?`; the product now has no soft hyphen
 *     inside words, so `leanSource` changes nothing there.)
 */
import { compileMatcher, type Matcher, type MatchableTerm } from '@/lib/matcher';
import { isWordChar } from '@/lib/matcher/chars';
import { regularPlural, tokenize } from '@/lib/matcher/forms';
import { emptyNode, insert, type TrieNode } from '@/lib/matcher/trie';

/** The pattern source with the cheap soft-hyphen form. */
export const leanSource = (source: string) => source.replaceAll('\\xAD?', '\\xAD*');

/** lib/matcher's buildTrie, rebuilt from its exported parts (listed forms first, then plurals). */
function buildTrie(terms: readonly MatchableTerm[]): TrieNode {
  const root = emptyNode();
  const add = (form: string, term: MatchableTerm) => {
    const tokens = tokenize(form, term.caseSensitive);
    if (tokens.length) insert(root, tokens, term.id);
  };
  for (const term of terms) for (const form of term.forms) add(form, term);
  for (const term of terms) {
    for (const form of term.forms) {
      const plural = regularPlural(form.trim(), term.caseSensitive);
      if (plural) add(plural, term);
    }
  }
  return root;
}

const SPACE = /\s/u;
const HYPHENS = '-\u2010\u2011\u00AD';

/** The owner of the form that spells `s` exactly, walking the trie as the regex would. */
function ownerOf(
  node: TrieNode,
  s: readonly string[],
  i: number,
  inWord: boolean,
): string | undefined {
  if (i === s.length) return node.owner;
  const ch = s[i]!;
  for (const edge of node.edges) {
    if (edge.token.kind === 'sep') {
      // SEPARATOR: whitespace, or one hyphen and optional whitespace.
      let j = i;
      if (SPACE.test(ch)) while (j < s.length && SPACE.test(s[j]!)) j++;
      else if (HYPHENS.includes(ch)) for (j++; j < s.length && SPACE.test(s[j]!); j++);
      else continue;
      const found = ownerOf(edge.node, s, j, false);
      if (found !== undefined) return found;
    } else if (edge.token.chars.includes(ch)) {
      const found = ownerOf(edge.node, s, i + 1, isWordChar(ch));
      if (found !== undefined) return found;
    }
  }
  // A soft hyphen inside a word.
  if (ch === '\u00AD' && inWord) return ownerOf(node, s, i + 1, inWord);
  return undefined;
}

/**
 * The product matcher with the three changes above. `match()` is the product's own, and
 * so is `prefilter` unless another is given.
 */
export function leanMatcher(terms: readonly MatchableTerm[], prefilter?: RegExp): Matcher {
  const base = compileMatcher(terms);
  const root = buildTrie(terms);
  const surfaces = new Map<string, string | undefined>();
  const termIdOf = (surface: string) => {
    if (surfaces.has(surface)) return surfaces.get(surface);
    const id = ownerOf(root, [...surface], 0, false);
    surfaces.set(surface, id);
    return id;
  };
  const needContext = terms.filter((t) => t.context?.length);
  const words = [...new Set(needContext.flatMap((t) => t.context!.map((w) => w.toLowerCase())))];
  const finder = compileMatcher(words.map((w) => ({ id: w, forms: [w], caseSensitive: false })));
  const termsOfWord = new Map(
    words.map((w) => [w, needContext.filter((t) => t.context!.some((c) => c.toLowerCase() === w))]),
  );
  const sources = new Map<string, string>();
  const pattern = (active?: ReadonlySet<string>) => {
    const re = base.pattern(active);
    if (!re) return null;
    let source = sources.get(re.source);
    if (source === undefined) sources.set(re.source, (source = leanSource(re.source)));
    return new RegExp(source, 'gu');
  };
  return {
    size: base.size,
    prefilter: prefilter ?? base.prefilter,
    activeIds(pageText) {
      const pending = new Set(needContext.map((t) => t.id));
      const re = finder.pattern();
      for (let m = re?.exec(pageText); m && pending.size; m = re!.exec(pageText)) {
        for (const t of termsOfWord.get(finder.termIdOf(m[0]) ?? '') ?? []) pending.delete(t.id);
      }
      return new Set(terms.filter((t) => !pending.has(t.id)).map((t) => t.id));
    },
    pattern,
    termIdOf,
    match: base.match,
    // One compiled RegExp for test and scan: same source and flags hit V8's regexp cache.
    test(text, active) {
      const re = pattern(active);
      return re !== null && re.test(text);
    },
  };
}
