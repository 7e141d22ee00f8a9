import { describe, expect, test } from 'vitest';
import { glossary } from '@/content/glossary-index';
import { compileMatcher } from '@/lib/matcher';
import { ContextGate } from '@/entrypoints/highlighter.content/context-gate';

const matcher = compileMatcher(glossary);

/** A gate over a page of `page` text, with `pending` as the walk's found texts. */
function gate(page: string, pending: string[] = []) {
  let pageReads = 0;
  const g = new ContextGate(matcher, {
    page: () => {
      pageReads++;
      return page;
    },
    pending: () => pending,
  });
  return { g, reads: () => pageReads };
}

/** Runs the gate over `text` as the scanner does: every match, in order. */
function shown(g: ContextGate, text: string): string[] {
  const out: string[] = [];
  for (const span of matcher.match(text)) {
    const surface = text.slice(span.start, span.end);
    if (g.allows(span.termId, surface)) out.push(surface);
  }
  return out;
}

describe('ContextGate', () => {
  test('an acronym with its context word on the page is shown', () => {
    const page = 'The VDR binds calcitriol in muscle cells.';
    expect(shown(gate(page).g, page)).toContain('VDR');
  });

  test('an acronym on a page without any context word is dropped', () => {
    const page = 'The VDR committee met on Tuesday to discuss the budget.';
    expect(shown(gate(page).g, page)).not.toContain('VDR');
  });

  test('terms without context rules are never gated', () => {
    const page = 'Sarcopenia, on a page about nothing else.';
    expect(shown(gate(page).g, page)).toEqual(['Sarcopenia']);
  });

  test('a matched surface that spells a context word vouches for the acronym', () => {
    // "vitamin D" comes first and spells "vitamin": the page text is never read.
    const text = 'Vitamin D acts through the VDR.';
    const { g, reads } = gate('(not read)');
    expect(shown(g, text)).toEqual(['Vitamin D', 'VDR']);
    expect(reads()).toBe(0);
  });

  test('the walk’s pending texts are read before the whole page', () => {
    const { g, reads } = gate('(the whole page has no context word)', [
      'A note on vitamin D and muscle.',
    ]);
    expect(g.allows('vdr', 'VDR')).toBe(true);
    expect(reads()).toBe(0);
  });

  test('the page is read once for every undecided contextual term', () => {
    const { g, reads } = gate('Nothing about the topic here.');
    expect(g.allows('vdr', 'VDR')).toBe(false);
    expect(g.allows('ros', 'ROS')).toBe(false);
    expect(g.allows('vdr', 'VDR')).toBe(false);
    expect(reads()).toBe(1);
    expect(g.waiting).toBe(true);
  });

  test('context arriving later in new text re-opens a dropped term', () => {
    const { g } = gate('The VDR committee met.');
    expect(g.allows('vdr', 'VDR')).toBe(false);
    expect(g.arrived('An unrelated paragraph.')).toBe(false);
    expect(g.arrived('Calcitriol binds its receptor in muscle.')).toBe(true);
    expect(g.allows('vdr', 'VDR')).toBe(true);
  });

  test('with no term dropped, new text is not read at all', () => {
    const { g } = gate('Vitamin D and the VDR.');
    expect(shown(g, 'Vitamin D and the VDR.')).toEqual(['Vitamin D', 'VDR']);
    expect(g.waiting).toBe(false);
    expect(g.arrived('Oxidative stress and ROS in muscle.')).toBe(false);
  });

  test('a later surface vouching for a dropped term asks for one more read', () => {
    const { g } = gate('The VDR committee met.');
    expect(g.allows('vdr', 'VDR')).toBe(false);
    expect(g.takeLate()).toBe(false);
    g.allows('vitamin-d', 'vitamin D');
    expect(g.takeLate()).toBe(true);
    expect(g.takeLate()).toBe(false);
    expect(g.allows('vdr', 'VDR')).toBe(true);
  });

  test('reset forgets every decision', () => {
    const { g, reads } = gate('Nothing about the topic here.');
    g.allows('vdr', 'VDR');
    g.reset();
    expect(g.waiting).toBe(false);
    g.allows('vdr', 'VDR');
    expect(reads()).toBe(2);
  });
});
