// @vitest-environment happy-dom
/**
 * The contract with the highlighter, checked with mark.js itself: `markRegExp` given
 * `pattern()` wraps exactly the spans `match()` reports, for every case in the table.
 */
import Mark from 'mark.js';
import { expect, test } from 'vitest';
import { compileMatcher, type Span } from '@/lib/matcher';
import { CASES, GLOSSARY } from './matcher-cases';

const matcher = compileMatcher(GLOSSARY);

/** Spans of the <mark> elements inside `root`, as offsets into its text. */
function markedSpans(root: Element): Omit<Span, 'termId'>[] {
  const spans: Omit<Span, 'termId'>[] = [];
  let offset = 0;
  for (const child of root.childNodes) {
    const length = child.textContent?.length ?? 0;
    if (child.nodeName === 'MARK') spans.push({ start: offset, end: offset + length });
    offset += length;
  }
  return spans;
}

test.each(CASES.map((c) => [JSON.stringify(c.text), c] as const))(
  'mark.js marks what match() finds: %s',
  (_, c) => {
    const active = matcher.activeIds(c.page ?? c.text);
    const p = document.createElement('p');
    p.textContent = c.text;
    const re = matcher.pattern(active);
    if (re) new Mark(p).markRegExp(re);
    const expected = matcher.match(c.text, active).map(({ start, end }) => ({ start, end }));
    expect(markedSpans(p)).toEqual(expected);
    expect(p.textContent).toBe(c.text);
  },
);

test.each(CASES.map((c) => [JSON.stringify(c.text), c] as const))(
  'with a filter that skips some terms, mark.js marks the rest of match(): %s',
  (_, c) => {
    const active = matcher.activeIds(c.page ?? c.text);
    const skipped = new Set(['vitamin-d', 'sarcopenia']);
    const p = document.createElement('p');
    p.textContent = c.text;
    const re = matcher.pattern(active);
    if (re) {
      new Mark(p).markRegExp(re, {
        filter: (_node, surface) => !skipped.has(matcher.termIdOf(surface) ?? ''),
      });
    }
    const expected = matcher
      .match(c.text, active)
      .filter((s) => !skipped.has(s.termId))
      .map(({ start, end }) => ({ start, end }));
    expect(markedSpans(p)).toEqual(expected);
  },
);
