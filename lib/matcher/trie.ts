/**
 * The trie of all forms. Sibling edges never share a character, so along any text at most
 * one path goes on: the regex built from it never has two branches racing for the same
 * input, and "longer first" at each node is the longest match overall.
 */
import type { Token } from './forms';

/** A trie node: its outgoing edges and, when a form ends here, the term that owns it. */
export interface TrieNode {
  edges: Edge[];
  owner?: string;
  /** Every owner at or below this node, for pruning inactive terms. */
  owners: Set<string>;
}

/** An edge: one token of a form, and where it leads. */
export interface Edge {
  token: Token;
  node: TrieNode;
}

/** An empty trie. */
export function emptyNode(): TrieNode {
  return { edges: [], owners: new Set() };
}

function clone(node: TrieNode): TrieNode {
  return {
    edges: node.edges.map((e) => ({ token: e.token, node: clone(e.node) })),
    owner: node.owner,
    owners: new Set(node.owners),
  };
}

/**
 * Adds a form for `owner`. A path already owned keeps its owner (first claim wins), so a
 * text is never claimed by two terms. Where the form's character set only partly overlaps
 * an edge ("A" of case-sensitive "Akt" vs "[aA]" of another term), the edge is split so
 * siblings stay disjoint.
 */
export function insert(node: TrieNode, tokens: readonly Token[], owner: string): void {
  claim(node, tokens, owner, 0);
}

/** Inserts from token `at` on; true when `owner` now owns some path below `node`. */
function claim(node: TrieNode, tokens: readonly Token[], owner: string, at: number): boolean {
  const claimed = descend(node, tokens, owner, at);
  if (claimed) node.owners.add(owner);
  return claimed;
}

function descend(node: TrieNode, tokens: readonly Token[], owner: string, at: number): boolean {
  if (at === tokens.length) {
    node.owner ??= owner;
    return node.owner === owner;
  }
  const token = tokens[at]!;
  if (token.kind === 'sep') {
    let edge = node.edges.find((e) => e.token.kind === 'sep');
    if (!edge) node.edges.push((edge = { token, node: emptyNode() }));
    return claim(edge.node, tokens, owner, at + 1);
  }
  let claimed = false;
  let rest = token.chars;
  for (const edge of [...node.edges]) {
    if (edge.token.kind !== 'chars' || !rest.length) continue;
    const have = edge.token.chars;
    const both = rest.filter((c) => have.includes(c));
    if (!both.length) continue;
    rest = rest.filter((c) => !both.includes(c));
    let target = edge;
    if (both.length < have.length) {
      edge.token = { kind: 'chars', chars: have.filter((c) => !both.includes(c)) };
      target = { token: { kind: 'chars', chars: both }, node: clone(edge.node) };
      node.edges.push(target);
    }
    claimed = claim(target.node, tokens, owner, at + 1) || claimed;
  }
  if (rest.length) {
    const edge: Edge = { token: { kind: 'chars', chars: rest }, node: emptyNode() };
    node.edges.push(edge);
    claimed = claim(edge.node, tokens, owner, at + 1) || claimed;
  }
  return claimed;
}
