import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildContent } from '../../content/build/build';
import { findForm, formsCollide } from '../../content/build/forms';
import { readContentSources } from '../../content/build/read-sources';
import { SOURCE_ARTICLE, sourceUnits } from '../../content/build/source-article';
import type { Block, Inline } from '../../content/schema';
import { blocksText, flattenSections, guideText, plainText } from '../../content/tree';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const built = buildContent(readContentSources(path.join(repoRoot, 'content')));
if (!built.guide || !built.faq || !built.glossary) throw new Error(built.errors.join('\n'));
const { guide, faq, glossary } = built;
const units = sourceUnits(readFileSync(path.resolve(repoRoot, SOURCE_ARTICLE), 'utf8'));
const faqStart = units.indexOf('Frequently Asked Questions');
const sourceAnswers = units.slice(faqStart + 1, units.indexOf('Medical Disclaimer'));

const sectionIds = flattenSections(guide).map((section) => section.id);
const faqIds = faq.map((entry) => entry.id);
const articleText = guideText(guide);
const faqText = faq.map((entry) => blocksText(entry.answer)).join('\n\n');

describe('guide', () => {
  test('has the agreed section ids, in reading order', () => {
    expect(sectionIds).toEqual([
      'intro',
      'quick-summary',
      'key-points',
      'proven-link',
      'mechanisms',
      'vitamin-d-receptor',
      'intracellular-calcium',
      'mitochondria-oxidative-stress',
      'anabolic-catabolic-pathways',
      'synergistic-strategies',
      'comparison',
      'conclusion',
      'disclaimer',
    ]);
    expect(guide.sections.find((section) => section.id === 'mechanisms')?.children).toHaveLength(4);
  });

  test('title, reading time and every heading come from the source', () => {
    expect(guide.title).toBe('Can vitamin D help muscle atrophy?');
    expect(guide.readingTime).toBe('4 min read');
    for (const section of flattenSections(guide)) expect(units).toContain(section.title);
  });

  test('the comparison is a table of three columns and six body rows', () => {
    const table = guide.sections.find((section) => section.id === 'comparison')?.blocks[0];
    expect(table?.type).toBe('table');
    if (table?.type !== 'table') return;
    expect(table.head).toEqual(['Feature', 'Sufficient Vitamin D', 'Deficient Vitamin D']);
    expect(table.rows).toHaveLength(6);
    for (const row of table.rows) expect(row).toHaveLength(3);
    expect(table.rows.map((row) => row[0])).toEqual([
      'Muscle Strength',
      'Muscle Mass',
      'Mitochondrial Function',
      'Neuromuscular Function',
      'Inflammation',
      'Recovery from Injury',
    ]);
  });

  test('key points are six items with a bold lead-in', () => {
    const list = guide.sections.find((section) => section.id === 'key-points')?.blocks[0];
    expect(list?.type).toBe('list');
    if (list?.type !== 'list') return;
    expect(list.items).toHaveLength(6);
    for (const item of list.items) {
      expect(item[0]?.type).toBe('strong');
      expect(plainText(item.slice(0, 1))).toMatch(/:$/);
    }
  });

  test('has no links: the source gives no URLs, so none are invented', () => {
    const allBlocks = [
      ...flattenSections(guide).flatMap((section) => section.blocks),
      ...faq.flatMap((entry) => entry.answer),
    ];
    expect(allBlocks.flatMap(inlinesOf).some(hasLink)).toBe(false);
    expect(articleText).toContain('articles from the National Institutes of Health.');
  });
});

describe('FAQ', () => {
  test('has seven entries with ids and questions', () => {
    expect(faqIds).toEqual([
      'faq-mechanism',
      'faq-deficiency-effects',
      'faq-supplement-effect',
      'faq-dosage',
      'faq-sources',
      'faq-recovery',
      'faq-toxicity',
    ]);
    for (const entry of faq) expect(entry.question).toMatch(/^[A-Z].*\?$/);
    expect(new Set([...faqIds, ...sectionIds]).size).toBe(faqIds.length + sectionIds.length);
  });

  test('answers are the source answers verbatim, in order', () => {
    expect(sourceAnswers).toHaveLength(7);
    expect(faq.map((entry) => blocksText(entry.answer))).toEqual(sourceAnswers);
  });

  test('answers that begin "Yes," answer yes/no questions', () => {
    for (const entry of faq.filter((item) => blocksText(item.answer).startsWith('Yes,'))) {
      expect(entry.question).toMatch(/^(Does|Do|Can|Is|Are|Should|Will)\b/);
    }
    expect(faq.find((entry) => entry.id === 'faq-dosage')?.question).toBe(
      'How much vitamin D should I take for muscle health?',
    );
  });
});

describe('glossary', () => {
  const REQUIRED = [
    'sarcopenia',
    'dynapenia',
    'muscle-atrophy',
    'vitamin-d-deficiency',
    'vdr',
    'active-vitamin-d',
    'type-ii-muscle-fibers',
    'sarcoplasmic-reticulum',
    'intracellular-calcium',
    'mitochondria',
    'mitochondrial-dysfunction',
    'oxidative-stress',
    'ros',
    'oxidative-phosphorylation',
    'igf-1-akt-foxo-pathway',
    'igf-1',
    'akt',
    'foxo',
    'muscle-protein-synthesis',
    'anabolism',
    'catabolism',
    'leucine',
    'resistance-exercise',
    'hypercalcemia',
    'vitamin-d-toxicity',
    'frailty',
    'inflammation',
    'fortified-foods',
    'fatty-fish',
    'vitamin-d',
  ];

  test('has at least 30 terms, including the required ones, with unique ids', () => {
    const ids = glossary.map((term) => term.id);
    expect(ids.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(REQUIRED));
  });

  test('every term occurs in the guide; only the toxicity terms need the FAQ', () => {
    const onlyInFaq: string[] = [];
    for (const term of glossary) {
      const inGuide = findForm(articleText, term.forms, term.caseSensitive);
      const inFaq = findForm(faqText, term.forms, term.caseSensitive);
      expect(inGuide ?? inFaq, term.id).toBeDefined();
      if (!inGuide) onlyInFaq.push(term.id);
    }
    expect(onlyInFaq.sort()).toEqual(['hypercalcemia', 'vitamin-d-toxicity']);
  });

  test('every section a term points to exists; only FAQ-drawn terms point into the FAQ', () => {
    for (const term of glossary)
      expect([...sectionIds, ...faqIds], term.id).toContain(term.section);
    expect(
      glossary
        .filter((term) => faqIds.includes(term.section))
        .map((term) => term.id)
        .sort(),
    ).toEqual(['active-vitamin-d', 'hypercalcemia', 'vitamin-d-toxicity']);
  });

  test('related ids exist, are not the term itself, and number at most three', () => {
    const ids = new Set(glossary.map((term) => term.id));
    for (const term of glossary) {
      expect(term.related.length).toBeLessThanOrEqual(3);
      for (const id of term.related) {
        expect(ids.has(id), `${term.id} → ${id}`).toBe(true);
        expect(id).not.toBe(term.id);
      }
    }
  });

  test('no surface form is claimed by two terms', () => {
    for (const [index, term] of glossary.entries()) {
      for (const other of glossary.slice(index + 1)) {
        for (const form of term.forms) {
          for (const otherForm of other.forms) {
            const collides = formsCollide(
              { form, caseSensitive: term.caseSensitive },
              { form: otherForm, caseSensitive: other.caseSensitive },
            );
            expect(collides, `${term.id} "${form}" vs ${other.id} "${otherForm}"`).toBe(false);
          }
        }
      }
    }
  });

  test('acronyms are case-sensitive, and ambiguous ones need context', () => {
    const byId = new Map(glossary.map((term) => [term.id, term]));
    for (const id of ['vdr', 'ros', 'foxo', 'akt', 'igf-1'])
      expect(byId.get(id)?.caseSensitive, id).toBe(true);
    for (const id of ['ros', 'akt']) expect(byId.get(id)?.context?.length, id).toBeGreaterThan(0);
    expect(byId.get('ros')?.forms).toEqual(
      expect.arrayContaining(['ROS', 'reactive oxygen species']),
    );
    expect(byId.get('type-ii-muscle-fibers')?.forms).toEqual(
      expect.arrayContaining(['type II muscle fibre', 'type II muscle fiber']),
    );
    expect(byId.get('hypercalcemia')?.forms).toEqual(
      expect.arrayContaining(['hypercalcemia', 'hypercalcaemia']),
    );
    for (const term of glossary.filter((item) => !item.caseSensitive))
      expect(term.context, term.id).toBeUndefined();
  });

  test('summaries are at most 240 characters and end in a full stop', () => {
    for (const term of glossary) {
      expect(term.summary.length, term.id).toBeLessThanOrEqual(240);
      expect(term.summary, term.id).toMatch(/\.$/);
    }
  });
});

function inlinesOf(block: Block): Inline[] {
  if (block.type === 'paragraph') return block.children;
  if (block.type === 'list') return block.items.flat();
  return [];
}

function hasLink(node: Inline): boolean {
  return node.type === 'link' || (node.type !== 'text' && node.children.some(hasLink));
}
