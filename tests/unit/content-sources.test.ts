/**
 * Where the glossary's words come from: every form of several words is the guide's (or a
 * listed spelling of it, or says why not), and every summary's key phrases are those of
 * the sections it names. The build enforces both; these tests hold the rules themselves.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildContent, sectionTexts } from '../../content/build/build';
import { formSourceIssues, spellingKey } from '../../content/build/form-sources';
import { readContentSources } from '../../content/build/read-sources';
import { phrasesFromElsewhere, wordPairs } from '../../content/build/summary-sources';
import type { GlossaryTerm } from '../../content/schema';
import { blocksText, guideText } from '../../content/tree';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const built = buildContent(readContentSources(path.join(repoRoot, 'content')));
if (!built.guide || !built.faq || !built.glossary) throw new Error(built.errors.join('\n'));
const { guide, faq, glossary } = built;
const text = [guideText(guide), ...faq.map((entry) => blocksText(entry.answer))].join('\n\n');
const sections = sectionTexts(guide, faq);
const byId = new Map(glossary.map((term) => [term.id, term]));

const term = (forms: string[], formNotes?: Record<string, string>): GlossaryTerm => ({
  id: 'x',
  label: 'X',
  forms,
  formNotes,
  caseSensitive: false,
  category: 'biology',
  summary: 'X.',
  section: 'intro',
  related: [],
});

describe('forms of two or more words', () => {
  test('every case-insensitive one occurs in the guide or the FAQ, respells one that does, or says why', () => {
    for (const t of glossary) expect(formSourceIssues(t, text), t.id).toEqual([]);
  });

  test('a form the guide never uses needs a reason beside it', () => {
    expect(formSourceIssues(term(['calcium homeostasis', 'calcium balance']), text)).toEqual([
      expect.objectContaining({
        field: 'forms',
        message: expect.stringContaining('"calcium balance"'),
      }),
    ]);
    expect(
      formSourceIssues(term(['calcium balance'], { 'calcium balance': 'a reason' }), text),
    ).toEqual([]);
  });

  test('spelling variants, spacing and "type 2" need no reason; one-word forms are judged by hand', () => {
    expect(spellingKey('type 2 fibre')).toBe(spellingKey('type II fiber'));
    expect(spellingKey('1,25-dihydroxy vitamin D')).toBe(spellingKey('1,25-dihydroxyvitamin D'));
    expect(formSourceIssues(term(['type II fiber', 'type 2 fibre', 'calcitriol']), text)).toEqual(
      [],
    );
  });

  test('a form is not found across table cells', () => {
    // The comparison's head reads "Sufficient Vitamin D<tab>Deficient Vitamin D".
    expect(formSourceIssues(term(['vitamin D deficient']), text)).toHaveLength(1);
  });

  test('a note must name a listed form that the guide does not use', () => {
    expect(
      formSourceIssues(term(['vitamin D'], { 'vitamin D': 'x', calcitriol: 'y' }), text).map(
        (issue) => issue.field,
      ),
    ).toEqual(['formNotes', 'formNotes']);
  });
});

describe('summaries', () => {
  test('every summary’s key phrases occur in the section it names (or its alsoFrom)', () => {
    for (const t of glossary)
      expect(
        phrasesFromElsewhere(t.summary, [t.section, ...(t.alsoFrom ?? [])], sections),
        t.id,
      ).toEqual([]);
  });

  test('every alsoFrom source is needed: without it a key phrase is unaccounted for', () => {
    for (const t of glossary) {
      for (const source of t.alsoFrom ?? []) {
        const rest = [t.section, ...(t.alsoFrom ?? []).filter((id) => id !== source)];
        expect(phrasesFromElsewhere(t.summary, rest, sections), `${t.id} − ${source}`).not.toEqual(
          [],
        );
      }
    }
  });

  test('catches a summary drawn from another section (the old active-vitamin-d one)', () => {
    const old =
      'The active form of vitamin D. It binds to vitamin D receptors (VDR) in muscle tissue, ' +
      'regulating gene expression involved in muscle cell proliferation and differentiation, ' +
      'and aids in calcium handling.';
    const phrases = phrasesFromElsewhere(old, ['vitamin-d-receptor'], sections);
    expect(phrases.map((p) => p.phrase)).toEqual(
      expect.arrayContaining(['cell proliferation', 'calcium handling']),
    );
    expect(phrases.find((p) => p.phrase === 'cell proliferation')?.foundIn).toEqual([
      'faq-mechanism',
    ]);
    expect(phrasesFromElsewhere(old, ['faq-mechanism'], sections)).toEqual([]);
  });

  test('word pairs skip small words, fold plurals and stop at clause ends and "and"', () => {
    expect([
      ...wordPairs('The cells of the muscles; calcium handling, mass and strength').keys(),
    ]).toEqual(['cell muscle', 'calcium handling']);
  });

  test('the hedges are kept', () => {
    expect(byId.get('supplementation')?.summary).toContain('especially in deficient individuals');
    expect(byId.get('muscle-atrophy')?.summary).toContain('best results are often seen');
  });

  test('muscle-recovery says what the comparison’s "Recovery from Injury" row says', () => {
    const t = byId.get('muscle-recovery');
    expect(t?.section).toBe('comparison');
    expect(t?.forms).toContain('recovery from injury');
    expect(t?.summary).toContain('muscle repair and regeneration after damage');
    expect(t?.summary).toContain('delayed recovery');
  });

  test('active-vitamin-d names the FAQ answer its summary comes from', () => {
    expect(byId.get('active-vitamin-d')?.section).toBe('faq-mechanism');
  });
});

describe('FAQ questions', () => {
  test('ask what the answer answers: no assumed effect, no size the answer never gives', () => {
    for (const entry of faq) expect(entry.question, entry.id).not.toMatch(/^How well\b/);
    expect(faq.find((entry) => entry.id === 'faq-supplement-effect')?.question).toBe(
      'Can vitamin D supplements improve muscle mass and strength?',
    );
  });
});
