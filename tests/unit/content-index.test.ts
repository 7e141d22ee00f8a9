import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildContent, shippedGlossary } from '../../content/build/build';
import { readContentSources } from '../../content/build/read-sources';
import * as glossaryIndex from '../../content/glossary-index';
import {
  anchorTitles,
  blockText,
  faq,
  faqById,
  flattenSections,
  glossary,
  guide,
  plainText,
  sectionById,
  termById,
} from '../../content/index';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('content/index', () => {
  test('the generated modules match the authored sources (run content/build/cli.ts after editing content/)', () => {
    const built = buildContent(readContentSources(path.join(repoRoot, 'content')));
    expect(guide).toEqual(built.guide);
    expect(faq).toEqual(built.faq);
    // The shipped glossary is the built one without the authors' fields (formNotes, alsoFrom).
    expect(glossary).toEqual(shippedGlossary(built.glossary ?? []));
    expect(glossary.some((term) => 'formNotes' in term || 'alsoFrom' in term)).toBe(false);
  });

  test('looks up sections (subsections and disclaimer included), terms and FAQ entries by id', () => {
    expect(sectionById('vitamin-d-receptor')?.title).toBe('The Vitamin D Receptor (VDR)');
    expect(sectionById('disclaimer')?.title).toBe('Medical Disclaimer');
    expect(sectionById('intro')?.title).toBe('Can vitamin D help muscle atrophy?');
    expect(sectionById('nope')).toBeUndefined();
    expect(termById('vdr')?.label).toBe('VDR (vitamin D receptor)');
    expect(termById('nope')).toBeUndefined();
    expect(faqById('faq-dosage')?.question).toBe(
      'How much vitamin D should I take for muscle health?',
    );
  });

  test('the content-script entry exposes the same glossary', () => {
    expect(glossaryIndex.glossary).toBe(glossary);
    expect(glossaryIndex.termById('ros')?.id).toBe('ros');
  });

  test('anchorTitles covers every section and FAQ entry', () => {
    const titles = anchorTitles(guide, faq);
    expect(titles.size).toBe(flattenSections(guide).length + faq.length);
    expect(titles.get('faq-toxicity')).toBe('Can you take too much vitamin D?');
  });
});

describe('tree helpers', () => {
  test('plainText drops formatting, blockText joins list items and table cells', () => {
    expect(
      plainText([
        { type: 'strong', children: [{ type: 'text', text: 'A:' }] },
        { type: 'text', text: ' b' },
      ]),
    ).toBe('A: b');
    expect(
      blockText({
        type: 'list',
        ordered: false,
        items: [[{ type: 'text', text: 'x' }], [{ type: 'text', text: 'y' }]],
      }),
    ).toBe('x\ny');
    expect(blockText({ type: 'table', head: ['h1', 'h2'], rows: [['a', 'b']] })).toBe(
      'h1\th2\na\tb',
    );
  });
});
