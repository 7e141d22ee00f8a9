/**
 * Contextual terms (ambiguous acronyms) are matched by the pattern for every term; the
 * content script drops a match while the page has none of the term's context words. That
 * must give what a pattern without the term gives, and servedBy may only vouch for what
 * activeIds would find.
 */
import { describe, expect, test } from 'vitest';
import { glossary } from '@/content/glossary-index';
import { compileMatcher } from '@/lib/matcher';
import { regularPlural } from '@/lib/matcher/forms';

const matcher = compileMatcher(glossary);
const all = new Set(glossary.map((t) => t.id));

describe('dropping a contextual term’s matches equals leaving the term out', () => {
  // A form that spells one of its own term's context words ("vitamin D receptor" for VDR)
  // is never dropped: the surface itself shows the context (servedBy). The others are.
  const contextual = glossary.filter((t) => t.context?.length);
  const droppable = (id: string) => {
    const t = contextual.find((c) => c.id === id)!;
    return t.forms
      .flatMap((f) => [f, regularPlural(f, t.caseSensitive) ?? f])
      .filter((form) => !matcher.servedBy(form).includes(id));
  };
  const around = (form: string) => [
    form,
    `the ${form} of muscle`,
    `${form}-related`,
    `vitamin D ${form} levels`,
    `IGF-1/${form}/FOXO pathway`,
    `(${form})`,
    `${form} and sarcopenia`,
  ];

  test.each(contextual.map((t) => [t.id]))('without %s', (id) => {
    const forms = droppable(id);
    expect(forms.length).toBeGreaterThan(0);
    const active = new Set([...all].filter((x) => x !== id));
    for (const text of forms.flatMap(around)) {
      const dropped = matcher.match(text).filter((s) => s.termId !== id);
      expect(dropped, text).toEqual(matcher.match(text, active));
    }
  });

  test('without every contextual term', () => {
    const active = new Set(glossary.filter((t) => !t.context?.length).map((t) => t.id));
    for (const text of contextual.flatMap((t) => droppable(t.id)).flatMap(around)) {
      const dropped = matcher.match(text).filter((s) => active.has(s.termId));
      expect(dropped, text).toEqual(matcher.match(text, active));
    }
  });

  test('the forms that are never dropped spell their own context', () => {
    expect(droppable('vdr')).not.toContain('vitamin D receptor');
    expect(droppable('vdr')).toContain('VDR');
    expect(droppable('akt')).not.toContain('protein kinase B');
  });
});

describe('servedBy', () => {
  test('names the contextual terms a surface’s own words serve', () => {
    expect(matcher.servedBy('vitamin D')).toEqual(expect.arrayContaining(['vdr', 'akt']));
    expect(matcher.servedBy('Akt')).toContain('foxo');
    expect(matcher.servedBy('oxidative stress')).toEqual(['ros']);
    expect(matcher.servedBy('skeletal muscles')).toEqual(
      expect.arrayContaining(['vdr', 'akt', 'foxo']),
    );
    // A review of systems speaks of muscle too: "muscle" is no context for ROS.
    expect(matcher.servedBy('skeletal muscles')).not.toContain('ros');
    expect(matcher.servedBy('reactive oxygen species')).toEqual(['ros']);
  });

  test('vouches for nothing a surface does not spell as a whole word', () => {
    expect(matcher.servedBy('1,25-dihydroxyvitamin D')).toEqual([]);
    expect(matcher.servedBy('sarcopenia')).toEqual([]);
    expect(matcher.servedBy('VDR')).toEqual([]);
  });

  test('only vouches for what activeIds finds in the same text, for every form', () => {
    let vouched = 0;
    for (const t of glossary) {
      for (const f of t.forms) {
        for (const form of [f, f.toUpperCase(), regularPlural(f, t.caseSensitive) ?? f]) {
          const active = matcher.activeIds(form);
          for (const id of matcher.servedBy(form)) {
            vouched++;
            expect(active.has(id), `${form} → ${id}`).toBe(true);
          }
        }
      }
    }
    expect(vouched).toBeGreaterThan(20);
  });
});
