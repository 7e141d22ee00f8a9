/**
 * Highlighting for search results as plain segments (text, and whether it matched), which
 * components render as text and <mark> elements: no HTML string is ever built.
 */
import { processTerm, words } from './text';

/** A run of text; `match` runs are the words the query found. */
export interface Segment {
  text: string;
  match: boolean;
}

/** Longest snippet, in characters, before the ellipses. */
export const SNIPPET_LENGTH = 150;
// How much text a snippet keeps before the first match, so it reads as a sentence.
const LEAD = 40;

type Span = { start: number; end: number };

/** The spans of the words in `text` whose index term is one of `terms`, adjacent ones merged. */
function matchSpans(text: string, terms: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  for (const { word, start, end } of words(text)) {
    const term = processTerm(word);
    if (term === null || !terms.has(term)) continue;
    const last = spans.at(-1);
    // "fast-twitch" reads as one highlight, not two with an unmarked hyphen between.
    if (last && /^[\s\-\u2010\u2011]*$/u.test(text.slice(last.end, start))) last.end = end;
    else spans.push({ start, end });
  }
  return spans;
}

function toSegments(text: string, spans: readonly Span[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (const span of spans) {
    if (span.end <= from || span.start >= to) continue;
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    if (start > at) out.push({ text: text.slice(at, start), match: false });
    out.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < to) out.push({ text: text.slice(at, to), match: false });
  return out;
}

/** The whole text as segments, the words matching `terms` (index terms) marked. */
export function highlight(text: string, terms: Iterable<string>): Segment[] {
  return toSegments(text, matchSpans(text, new Set(terms)), 0, text.length);
}

/**
 * A window of about `length` characters around the first matching word (or the start,
 * when none matches), cut at word boundaries, with ellipses where text was cut.
 */
export function snippet(text: string, terms: Iterable<string>, length = SNIPPET_LENGTH): Segment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const spans = matchSpans(flat, new Set(terms));
  if (flat.length <= length) return toSegments(flat, spans, 0, flat.length);
  const first = spans[0]?.start ?? 0;
  let start = Math.max(0, Math.min(first - LEAD, flat.length - length));
  // Begin at a word's start and end after a word, never inside one.
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  let end = Math.min(flat.length, start + length);
  if (end < flat.length)
    end = flat.lastIndexOf(' ', end) > start ? flat.lastIndexOf(' ', end) : end;
  const segments = toSegments(flat, spans, start, end);
  if (start > 0) segments.unshift({ text: '… ', match: false });
  if (end < flat.length) segments.push({ text: ' …', match: false });
  return segments;
}
