/**
 * The reference count, computed without the DOM: the matcher's `match()` over the text
 * nodes' strings in Node, with the terms the page's text makes active.
 */
import { glossary } from '../../content/glossary-index';
import { compileMatcher } from '../../lib/matcher';

/** Expected counts: marks (text outside excluded elements) and raw matches (every text node). */
export interface Reference {
  marks: number;
  matches: number;
  textNodes: number;
}

const matcher = compileMatcher(glossary);

/** `bodyText` decides the active terms (as start() does with body.textContent). */
export function referenceCounts(
  all: readonly string[],
  markable: readonly string[],
  bodyText = all.join(''),
): Reference {
  const active = matcher.activeIds(bodyText);
  const count = (texts: readonly string[]) =>
    texts.reduce((n, t) => n + matcher.match(t, active).length, 0);
  return { marks: count(markable), matches: count(all), textNodes: all.length };
}
