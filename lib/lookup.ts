/**
 * Looking up a selection: the query it becomes and the glossary term it names. Nothing
 * here loads the search index (the content script imports this; lookup-results.ts is the
 * background's half).
 */
import type { Matcher } from './matcher';

/** Longest query a selection becomes (a selection can be a whole page). */
export const MAX_LOOKUP_QUERY = 100;
/** Most results the selection bubble lists (four fit below a selection on a laptop screen). */
export const MAX_LOOKUP_HITS = 4;

/** The search a selection becomes: whitespace folded, cut at a word near MAX_LOOKUP_QUERY. */
export function lookupQuery(selection: string | undefined): string {
  const text = (selection ?? '').replace(/\s+/g, ' ').trim();
  if (text.length <= MAX_LOOKUP_QUERY) return text;
  const cut = text.slice(0, MAX_LOOKUP_QUERY);
  const space = cut.lastIndexOf(' ');
  return space > MAX_LOOKUP_QUERY / 2 ? cut.slice(0, space) : cut;
}

// What may stand around a selected term and still name it: "sarcopenia," or "(VDR)".
const EDGE_PUNCTUATION = /^[\s\p{P}]+|[\s\p{P}]+$/gu;

/**
 * The glossary term a selected text is, alternative forms and plurals included: one of
 * the matcher's spans must cover the whole text, but for punctuation at its ends. Every
 * term counts, the context-bound acronyms too: the reader chose the text.
 */
export function termOfText(matcher: Matcher, text: string): string | undefined {
  const inner = lookupQuery(text).replace(EDGE_PUNCTUATION, '');
  if (inner === '') return undefined;
  const spans = matcher.match(inner);
  const only = spans.length === 1 ? spans[0]! : undefined;
  return only && only.start === 0 && only.end === inner.length ? only.termId : undefined;
}
