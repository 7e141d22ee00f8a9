/**
 * RegExp source from the trie. Each node becomes "(?:longer continuations|end here)",
 * greedy, so the engine tries the longest form first and falls back to a shorter one only
 * when the longer one fails its word-end check ("vitamin D receptorial" → "vitamin D").
 */
import {
  SEPARATOR,
  MATCH_END,
  WORD_START,
  escapeChar,
  escapeClassChar,
  needsBoundary,
} from './chars';
import type { Token } from './forms';
import { BEFORE_MATCH } from './guards';
import type { TrieNode } from './trie';

/** How to render the trie: which terms to include. */
export interface RenderOptions {
  isActive: (id: string) => boolean;
}

/** The rendered alternation (which term matched is told by identify.ts's trie walk). */
export interface Rendered {
  source: string;
}

const atom = (token: Token): string => {
  if (token.kind === 'sep') return SEPARATOR;
  const [first, ...more] = token.chars;
  return more.length ? `[${token.chars.map(escapeClassChar).join('')}]` : escapeChar(first!);
};

const alternation = (alts: readonly string[]): string =>
  alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;

/** The trie as one alternation, or null when no active term has a form in it. */
export function renderTrie(root: TrieNode, options: RenderOptions): Rendered | null {
  const render = (node: TrieNode): string | null => {
    if (![...node.owners].some(options.isActive)) return null;
    const alts: string[] = [];
    for (const edge of node.edges) {
      const rest = render(edge.node);
      if (rest !== null) alts.push(atom(edge.token) + rest);
    }
    const stop = node.owner !== undefined && options.isActive(node.owner) ? '' : null;
    if (stop === null) return alts.length ? alternation(alts) : null;
    if (!alts.length) return stop;
    return stop === '' ? `(?:${alts.join('|')})?` : `(?:${alts.join('|')}|${stop})`;
  };

  const bounded: string[] = [];
  const free: string[] = [];
  for (const edge of root.edges) {
    const rest = render(edge.node);
    if (rest === null) continue;
    const startsWord = edge.token.kind === 'chars' && needsBoundary(edge.token.chars[0]!);
    (startsWord ? bounded : free).push(atom(edge.token) + rest);
  }
  if (!bounded.length && !free.length) return null;
  const alts = bounded.length
    ? [`${WORD_START}${BEFORE_MATCH}${alternation(bounded)}`, ...free]
    : free;
  // One word-end check after the whole alternation: when it fails the engine backtracks
  // into the trie and tries the next shorter form, the same as a check at every end.
  return { source: alternation(alts) + MATCH_END };
}
