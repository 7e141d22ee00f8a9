import type { Matcher } from '@/lib/matcher';
import { overlaps, wordChar } from '@/lib/matcher/overlaps';
import type { Occurrence } from './occurrences';

/**
 * Adds to one text node's mentions (`list`: match's, by start) the terms that overlap
 * them, so each part of "skeletal muscle atrophy" opens a term. An overlapping term is
 * never painted (the underlines stay leftmost-longest): it is hit-tested on its own
 * words, those after its host and before the next mention, so it never shares a
 * character with another occurrence, and a renderer that splits the node (wrap) finds
 * it in one piece. The mentions it shares words with name it in `also`, and it names
 * them: the tooltip offers each the others. A term whose words are all covered by
 * mentions has no occurrence of its own (nothing to point at, nothing counted); the
 * tooltips of the mentions it overlaps still name it.
 */
export function addOverlaps(
  matcher: Pick<Matcher, 'pattern' | 'termIdOf'>,
  node: Text,
  list: Occurrence[],
  accept: (termId: string, surface: string) => boolean,
): void {
  const data = node.data;
  const painted = list.slice();
  const own: [Occurrence, Occurrence[]][] = [];
  let from = 0;
  for (const { start, end, termId, host } of overlaps(matcher, data, painted)) {
    if (!accept(termId, data.slice(start, end))) continue;
    const shares = painted.filter((o, i) => i >= host && o.start < end);
    for (const o of shares)
      if (o.termId !== termId && !o.also?.includes(termId)) (o.also ??= []).push(termId);
    let at = Math.max(from, painted[host]!.end);
    const stop = Math.min(end, painted[host + 1]?.start ?? end);
    while (at < stop && !wordChar.test(data[at]!)) at++;
    if (at >= stop) continue;
    from = stop;
    const o: Occurrence = {
      node,
      start: at,
      end: stop,
      termId,
      shown: false,
      section: painted[host]!.section,
      overlap: true,
    };
    list.push(o);
    own.push([o, shares]);
  }
  for (const [o, shares] of own) {
    const ids = new Set(shares.flatMap((p) => [p.termId, ...(p.also ?? [])]));
    ids.delete(o.termId);
    o.also = [...ids];
  }
  if (own.length) list.sort((a, b) => a.start - b.start);
}
