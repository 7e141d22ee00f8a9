/**
 * Terms that overlap the spans `match` found. Leftmost-longest takes "skeletal muscle" in
 * "skeletal muscle atrophy", and the text goes on where it ended, so "muscle atrophy" is
 * never seen. This looks again, inside each span only: a term that starts at one of its
 * word starts and runs on past its end, by the same pattern (case rules, plurals, word
 * boundaries, URL guards). Nothing here paints: the content script decides what to show.
 */
import { WORD } from './chars';
import type { Matcher, Span } from './index';

/** A term found inside a span that runs on past its end. */
export interface Overlap extends Span {
  /** The index, in the spans searched, of the span it starts in. */
  host: number;
}

// The same source as match's, sticky: a try at one offset looks at that offset only.
const sticky = new WeakMap<object, RegExp | null>();
/** A character that continues a word (the pattern's own class). */
export const wordChar = new RegExp(`[${WORD}]`, 'u');

/**
 * The overlapping terms of `spans` (match's for `text`: sorted, disjoint), in text order.
 * At each word start inside a span after its first, the longest match there; one that
 * ends within the span (nested: the span is the more specific term), within an earlier
 * overlap of the same span (leftmost-longest among them too), or that is the span's own
 * term again is none.
 */
export function overlaps(
  matcher: Pick<Matcher, 'pattern' | 'termIdOf'>,
  text: string,
  spans: readonly Span[],
): Overlap[] {
  let re = sticky.get(matcher);
  if (re === undefined) {
    const all = matcher.pattern();
    sticky.set(matcher, (re = all && new RegExp(all.source, 'uy')));
  }
  const out: Overlap[] = [];
  spans.forEach((span, host) => {
    let reach = span.end;
    for (let at = span.start + 1; re && at < span.end; at++) {
      // A word starts here (the pattern checks it again, with scripts and guards).
      if (wordChar.test(text[at - 1]!) || !wordChar.test(text[at]!)) continue;
      re.lastIndex = at;
      const end = at + (re.exec(text)?.[0].length ?? 0);
      if (end <= reach) continue;
      reach = end;
      const termId = matcher.termIdOf(text.slice(at, end));
      if (termId !== undefined && termId !== span.termId)
        out.push({ start: at, end, termId, host });
    }
  });
  return out;
}
