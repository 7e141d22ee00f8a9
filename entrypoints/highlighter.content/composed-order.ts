/** Something that lives in a text node of some root. */
interface InNode {
  node: Node;
}

/** Does `node` come after `host`'s place (after it, or inside its light children)? */
function atOrAfter(host: Element, node: Node): boolean {
  const pos = host.compareDocumentPosition(node);
  return (pos & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY)) !== 0;
}

/** The first index of `list` whose node is at or after `host` (the list is in document order). */
function placeOf<T extends InNode>(list: readonly T[], host: Element): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (atOrAfter(host, list[mid]!.node)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Each root's items (each list in its root's document order) merged in composed tree
 * order, from `top` down: a shadow root's items stand where its host is, before the
 * host's light children (which a slot shows somewhere in that root). Lists of roots not
 * reached from `top` (a reader's text layer) follow at the end, as they were.
 */
export function inComposedOrder<T extends InNode>(
  top: Node,
  lists: ReadonlyMap<Node, readonly T[]>,
): T[] {
  if (lists.size === 1 && lists.has(top)) return [...lists.get(top)!];
  const under = new Map<Node, ShadowRoot[]>();
  for (const root of lists.keys()) {
    if (root.nodeType !== 11) continue;
    const parent = (root as ShadowRoot).host.getRootNode();
    let children = under.get(parent);
    if (!children) under.set(parent, (children = []));
    children.push(root as ShadowRoot);
  }
  const reached = new Set<Node>();
  const merge = (root: Node): T[] => {
    reached.add(root);
    const own = lists.get(root) ?? [];
    const children = under.get(root);
    if (!children) return [...own];
    children.sort((a, b) => (atOrAfter(a.host, b.host) ? -1 : 1));
    const out: T[] = [];
    let i = 0;
    for (const child of children) {
      const at = placeOf(own, child.host);
      while (i < at) out.push(own[i++]!);
      for (const item of merge(child)) out.push(item);
    }
    while (i < own.length) out.push(own[i++]!);
    return out;
  };
  const out = merge(top);
  for (const [root, list] of lists) if (!reached.has(root)) for (const item of list) out.push(item);
  return out;
}
