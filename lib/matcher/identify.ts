/**
 * Which term owns a surface the pattern matched, by walking the trie the pattern was
 * rendered from. A second, pattern-sized RegExp with named groups did the same, but V8
 * compiled it on each page's first mark (10-25 ms, measured); the walk takes microseconds.
 */
import type { TrieNode } from './trie';

const SPACE = /\s/u;
const HYPHENS = '-\u2010\u2011\u00AD';

/**
 * The owner of the path that spells all of `surface`, or undefined. A separator edge
 * takes a run of whitespace, or one hyphen and the whitespace after it: the SEPARATOR of
 * the pattern (no form's character is whitespace or a hyphen, so greedy is exact).
 */
export function ownerOf(root: TrieNode, surface: string): string | undefined {
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
