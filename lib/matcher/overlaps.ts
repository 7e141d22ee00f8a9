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

// The pattern match uses, one instance per matcher (its lastIndex is ours): the same
// source and flags, so V8 compiles it once for both (a sticky copy was a second compile
// of the whole glossary's pattern, tens of ms on a page's first mention).
const patterns = new WeakMap<object, RegExp | null>();
/** A character that continues a word (the pattern's own class). */
export const wordChar = new RegExp(`[${WORD}]`, 'u');
const notWord = new RegExp(`[^${WORD}]`, 'gu');

/**
 * The overlapping terms of `spans` (match's for `text`: sorted, disjoint), in text order.
 * At each place inside a span after its first character where the pattern matches (a
 * word start), the longest match there; one that ends within the span (nested: the span
 * is the more specific term), within an earlier overlap of the same span
 * (leftmost-longest among them too), or that is the span's own term again is none.
 */
export function overlaps(
  matcher: Pick<Matcher, 'pattern' | 'termIdOf'>,
  text: string,
  spans: readonly Span[],
): Overlap[] {
  let re = patterns.get(matcher);
  if (re === undefined) patterns.set(matcher, (re = matcher.pattern()));
  const out: Overlap[] = [];
  spans.forEach((span, host) => {
    let reach = span.end;
    // A span of one word (most spans) has no word start inside: one short look.
    notWord.lastIndex = span.start;
    // The search from inside the span finds the next place a term starts: one that
    // starts past the span's end ends the search. That is the next span's start (no
    // term starts between two spans), so all spans of a text together read it once more
    // at most, as match did.
    for (let at = notWord.exec(text)?.index ?? span.end; re && at < span.end;) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (!m || m.index >= span.end) break;
      at = m.index + 1;
      const end = m.index + m[0].length;
      if (end <= reach) continue;
      reach = end;
      const termId = matcher.termIdOf(m[0]);
      if (termId !== undefined && termId !== span.termId)
        out.push({ start: m.index, end, termId, host });
    }
  });
  return out;
}
