import { describe, expect, test } from 'vitest';
import {
  parseGlossaryYaml,
  validateGlossary,
  type GlossaryContext,
} from '../../content/build/validate-glossary';

const FILE = 'content/glossary.yaml';
const context: GlossaryContext = {
  anchors: new Set(['vitamin-d-receptor', 'proven-link', 'faq-toxicity']),
  text:
    'Vitamin D acts through the vitamin D receptor (VDR). This age-related muscle loss, known as sarcopenia, ' +
    'is a risk factor for falls. Type II (fast-twitch) muscle fibers. High levels can lead to hypercalcemia.',
};

const vdr = () => ({
  id: 'vdr',
  label: 'VDR (vitamin D receptor)',
  forms: ['VDR', 'vitamin D receptor'],
  caseSensitive: true,
  context: ['vitamin', 'muscle'],
  category: 'biology',
  summary: 'The receptor that mediates the effects of vitamin D.',
  section: 'vitamin-d-receptor',
  related: ['sarcopenia'],
});
const sarcopenia = () => ({
  id: 'sarcopenia',
  label: 'Sarcopenia',
  forms: ['sarcopenia', 'age-related muscle loss'],
  caseSensitive: false,
  category: 'condition',
  summary: 'Age-related muscle loss.',
  section: 'proven-link',
});

const errorsFor = (terms: unknown[]): string[] => validateGlossary(terms, context, FILE).errors;

describe('validateGlossary', () => {
  test('accepts valid terms and defaults related to []', () => {
    const result = validateGlossary([vdr(), sarcopenia()], context);
    expect(result.errors).toEqual([]);
    expect(result.glossary?.map((term) => term.id)).toEqual(['vdr', 'sarcopenia']);
    expect(result.glossary?.[1]?.related).toEqual([]);
  });

  test('rejects an unknown section id, naming file, term and field', () => {
    expect(errorsFor([{ ...vdr(), section: 'receptor' }, sarcopenia()])).toEqual([
      'content/glossary.yaml: term "vdr": field "section": unknown section id "receptor"',
    ]);
  });

  test('accepts an FAQ id as section', () => {
    expect(errorsFor([{ ...sarcopenia(), section: 'faq-toxicity' }])).toEqual([]);
  });

  test('rejects a duplicate term id', () => {
    const copy = { ...sarcopenia(), forms: ['hypercalcemia'], label: 'Copy' };
    expect(errorsFor([sarcopenia(), copy])).toContain(
      'content/glossary.yaml: term "sarcopenia": field "id": duplicate id "sarcopenia"',
    );
  });

  test('rejects a form claimed by two terms, across case, hyphens and plurals', () => {
    const other = (forms: string[], caseSensitive = false) => ({
      ...sarcopenia(),
      id: 'other',
      label: 'Other',
      forms: ['hypercalcemia', ...forms],
      caseSensitive,
    });
    expect(errorsFor([sarcopenia(), other(['Age related muscle loss'])])).toEqual([
      'content/glossary.yaml: term "other": field "forms": "Age related muscle loss" is also claimed by term "sarcopenia" (as "age-related muscle loss")',
    ]);
    expect(errorsFor([sarcopenia(), other(['sarcopenias'])])).toHaveLength(1);
    // A case-insensitive "vdr" would match the case-sensitive term's "VDR".
    expect(errorsFor([vdr(), sarcopenia(), other(['vdr'])])).toHaveLength(1);
    // Two case-sensitive terms may differ by case only.
    expect(errorsFor([{ ...vdr(), related: [] }, other(['Vdr'], true)])).toEqual([]);
  });

  test('rejects a form listed twice in one term', () => {
    expect(errorsFor([{ ...sarcopenia(), forms: ['sarcopenia', 'Sarcopenia'] }])).toEqual([
      'content/glossary.yaml: term "sarcopenia": field "forms": "Sarcopenia" is listed twice (hyphens, spaces and case count as equal)',
    ]);
  });

  test('rejects a summary over 240 characters', () => {
    const errors = errorsFor([{ ...sarcopenia(), summary: 'x'.repeat(241) }]);
    expect(errors).toEqual([
      'content/glossary.yaml: term "sarcopenia": field "summary": must be at most 240 characters (has 241)',
    ]);
    expect(errorsFor([{ ...sarcopenia(), summary: 'x'.repeat(240) }])).toEqual([]);
  });

  test('rejects a term that never appears in the text', () => {
    expect(errorsFor([{ ...sarcopenia(), forms: ['dynapenia'] }])).toEqual([
      'content/glossary.yaml: term "sarcopenia": field "forms": none of the forms occurs in the guide or the FAQ',
    ]);
  });

  test('applies case-sensitivity when looking for a term in the text', () => {
    expect(errorsFor([{ ...vdr(), related: [], forms: ['Vdr'] }])).toHaveLength(1);
    expect(errorsFor([{ ...vdr(), related: [], caseSensitive: false, forms: ['Vdr'] }])).toEqual(
      [],
    );
  });

  test('rejects an unknown related id and a self-reference', () => {
    expect(errorsFor([{ ...vdr(), related: ['dynapenia', 'vdr'] }])).toEqual([
      'content/glossary.yaml: term "vdr": field "related": unknown term id "dynapenia"',
      'content/glossary.yaml: term "vdr": field "related": a term cannot be related to itself',
    ]);
  });

  test('rejects a missing field', () => {
    const { summary: _summary, ...noSummary } = sarcopenia();
    expect(errorsFor([noSummary])).toEqual([
      'content/glossary.yaml: term "sarcopenia": field "summary": is missing',
    ]);
  });

  test('rejects wrongly typed fields', () => {
    const errors = errorsFor([
      { ...sarcopenia(), caseSensitive: 'no', forms: 'sarcopenia', category: 'disease' },
    ]);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toBe(
      'content/glossary.yaml: term "sarcopenia": field "forms": must be a list',
    );
    expect(errors.join('\n')).toContain('field "caseSensitive": must be true or false');
    expect(errors.join('\n')).toContain(
      'field "category": must be one of condition, biology, nutrition, exercise, safety (got "disease")',
    );
  });

  test('rejects an unknown field, a non-kebab id, uppercase context words and too many related terms', () => {
    const errors = errorsFor([
      { ...vdr(), sumary: 'typo', context: ['Vitamin'], related: ['a', 'b', 'c', 'd'] },
      { ...sarcopenia(), id: 'Sarco_penia' },
    ]);
    expect(errors).toEqual(
      expect.arrayContaining([
        'content/glossary.yaml: term "vdr": field "sumary": unknown field',
        'content/glossary.yaml: term "vdr": field "context[0]": context words must be lowercase single words',
        'content/glossary.yaml: term "vdr": field "related": at most 3 related terms',
        'content/glossary.yaml: term "Sarco_penia": field "id": must be kebab-case (got "Sarco_penia")',
      ]),
    );
  });

  test('names entries without an id by position and rejects a non-list', () => {
    expect(errorsFor([sarcopenia(), 'oops'])).toEqual([
      'content/glossary.yaml: term #2: must be a mapping of fields',
    ]);
    expect(validateGlossary({ terms: [] }, context).errors).toEqual([
      'content/glossary.yaml: must be a list of terms',
    ]);
  });

  test('lists every error, not just the first', () => {
    const errors = errorsFor([
      { ...vdr(), section: 'nope', related: ['nope'] },
      { ...sarcopenia(), summary: 'y'.repeat(300) },
    ]);
    expect(errors).toHaveLength(3);
  });
});

describe('parseGlossaryYaml', () => {
  test('reports invalid YAML with the file name', () => {
    const { errors } = parseGlossaryYaml('- id: a\n  forms: [unclosed\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^content\/glossary\.yaml: invalid YAML: /);
  });

  test('parses a list of mappings', () => {
    expect(parseGlossaryYaml('- id: a\n  forms: [x, "1,25-dihydroxyvitamin D"]\n').data).toEqual([
      { id: 'a', forms: ['x', '1,25-dihydroxyvitamin D'] },
    ]);
  });
});
