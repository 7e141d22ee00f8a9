/**
 * Which term owns a surface the pattern matched, by key lookup. The pattern is rendered
 * from a trie whose paths are the forms' token sequences; a surface the pattern matched
 * spells one such path, and its owner is the first form (in insertion order) that spells
 * it. Every token is a separator, a single character, the apostrophes, or a letter in
 * its cases, so a surface reduces to a key:
 * - separators (a whitespace run, or a hyphen and the whitespace after it) become " ",
 *   both apostrophes "'";
 * - for case-insensitive forms every character is folded to its case class's first
 *   member; for case-sensitive forms the characters stay as written (the one class they
 *   have, a capital first letter, is registered in both spellings).
 * Building two maps takes a fraction of a millisecond; the trie it replaces here took
 * 8-12 ms on a cold start (measured in the benchmark), which every page with a term paid
 * before its first mark. A unit test holds this equal to a trie walk for the glossary.
 */
import { SEPARATOR } from './chars';
import { charVariants, type Token } from './forms';

/** A SurfaceIndex as plain data, for rendering at build time: [key, rank, owner] rows. */
export interface SurfaceIndexData {
  exact: [string, number, string][];
  folded: [string, number, string][];
}

/** The index as data (content/build/pattern.ts writes it into the bundle). */
export function surfaceData(index: SurfaceIndex): SurfaceIndexData {
  const rows = (map: Map<string, Claim>) =>
    [...map].map(([key, c]): [string, number, string] => [key, c.rank, c.owner]);
  return { exact: rows(index.exact), folded: rows(index.folded) };
}

/** The index from data written at build time. */
export function surfaceIndexOf(data: SurfaceIndexData): SurfaceIndex {
  const map = (rows: SurfaceIndexData['exact']) =>
    new Map(rows.map(([key, rank, owner]): [string, Claim] => [key, { rank, owner }]));
  return { exact: map(data.exact), folded: map(data.folded) };
}

/** One form to register: its tokens, case rule and owner, in insertion (claim) order. */
export interface OwnedForm {
  tokens: readonly Token[];
  caseSensitive: boolean;
  owner: string;
}

/** Surface keys to owners, case-sensitive and folded; the earlier claim is kept. */
export interface SurfaceIndex {
  exact: Map<string, Claim>;
  folded: Map<string, Claim>;
}

interface Claim {
  rank: number;
  owner: string;
}

/** The pattern's own SEPARATOR, each run of it read as one. */
const SEPARATORS = new RegExp(SEPARATOR, 'gu');
const APOSTROPHES = /\u2019/gu;
const SEP = ' ';

/** A character's case class, as one representative (the class is charVariants'). */
const fold = (ch: string): string => charVariants(ch, false)[0]!;

/** Largest number of spellings registered for one case-sensitive form. */
const MAX_SPELLINGS = 64;

/** Indexes forms in claim order: the first form that spells a surface owns it. */
export function indexSurfaces(forms: Iterable<OwnedForm>): SurfaceIndex {
  const index: SurfaceIndex = { exact: new Map(), folded: new Map() };
  let rank = 0;
  const claim = (map: Map<string, Claim>, key: string, owner: string) => {
    if (!map.has(key)) map.set(key, { rank, owner });
  };
  for (const { tokens, caseSensitive, owner } of forms) {
    if (!tokens.length) continue;
    if (caseSensitive) {
      for (const key of spellings(tokens)) claim(index.exact, key, owner);
    } else {
      let key = '';
      for (const t of tokens) key += t.kind === 'sep' ? SEP : fold(t.chars[0]!);
      claim(index.folded, key, owner);
    }
    rank++;
  }
  return index;
}

/** Every key a case-sensitive token sequence spells (a class is a capital first letter). */
function spellings(tokens: readonly Token[]): string[] {
  let keys = [''];
  for (const t of tokens) {
    const chars = t.kind === 'sep' ? [SEP] : t.chars.includes("'") ? ["'"] : t.chars;
    const next: string[] = [];
    for (const k of keys) for (const c of chars) next.push(k + c);
    keys = next.slice(0, MAX_SPELLINGS);
  }
  return keys;
}

/** The owner of a surface the pattern matched, or undefined when no form spells it. */
export function ownerOf(index: SurfaceIndex, surface: string): string | undefined {
  const exact = surface.replace(SEPARATORS, SEP).replace(APOSTROPHES, "'");
  let folded = '';
  for (const ch of exact) folded += ch === SEP ? SEP : fold(ch);
  const a = index.exact.get(exact);
  const b = index.folded.get(folded);
  if (a && b) return a.rank < b.rank ? a.owner : b.owner;
  return (a ?? b)?.owner;
}
