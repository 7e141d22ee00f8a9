/**
 * The knowledge base as search documents: one per glossary term, guide section and FAQ
 * entry. The build step indexes them; the popup keeps them for titles and snippets, so
 * the serialized index stores no text of its own.
 */
import type { FaqEntry, GlossaryTerm, Guide } from '../../content/schema';
import { blocksText, flattenSections } from '../../content/tree';
import { processTerm, tokenize } from './text';

/** What a search result points to. */
export type SearchKind = 'term' | 'section' | 'faq';

/** One searchable unit. Field values a kind does not have are left out. */
export interface SearchDocument {
  /** Unique across kinds: `term:<id>`, `section:<id>`, `faq:<id>`. */
  id: string;
  kind: SearchKind;
  /** The term, section or FAQ id the result opens. */
  targetId: string;
  /** What a result shows as its title. */
  title: string;
  /** Glossary: the term's label. */
  label?: string;
  /** Glossary: the words of its other surface forms and of its lay search aliases, each once. */
  aliases?: string;
  /** FAQ: the question. */
  question?: string;
  /** Guide: the section heading. */
  heading?: string;
  /** Summary, section text or answer: the text snippets are cut from. */
  body: string;
}

/** The parts of the knowledge base that are searched. */
export interface SearchContent {
  guide: Guide;
  faq: readonly FaqEntry[];
  glossary: readonly GlossaryTerm[];
  /**
   * Lay search aliases by term id (content/aliases.yaml). Only the build step passes them:
   * the index holds their words, and nothing at run time needs their text.
   */
  aliases?: Readonly<Record<string, readonly string[]>>;
}

// Each word once, and none of the label's: forms repeat words ("vitamin D deficiency",
// "vitamin D insufficiency", "low vitamin D"), and counting every repeat would rank the
// terms with the most forms above the term a query names ("vitamin d" → Vitamin D).
function aliasesOf(term: GlossaryTerm, lay: readonly string[]): string {
  const seen = new Set(tokenize(term.label).map((word) => processTerm(word)));
  const out: string[] = [];
  for (const word of [...term.forms, ...lay].flatMap(tokenize)) {
    const key = processTerm(word);
    if (key === null || seen.has(key)) continue;
    seen.add(key);
    out.push(word);
  }
  return out.join(' ');
}

/** Every search document, glossary first, then guide sections in reading order, then the FAQ. */
export function searchDocuments(content: SearchContent): SearchDocument[] {
  const terms = content.glossary.map((term): SearchDocument => ({
    id: `term:${term.id}`,
    kind: 'term',
    targetId: term.id,
    title: term.label,
    label: term.label,
    aliases: aliasesOf(term, content.aliases?.[term.id] ?? []),
    body: term.summary,
  }));
  const sections = flattenSections(content.guide).map((section): SearchDocument => ({
    id: `section:${section.id}`,
    kind: 'section',
    targetId: section.id,
    // The intro's heading is the guide's title.
    title: section.level === 1 ? content.guide.title : section.title,
    heading: section.title,
    body: blocksText(section.blocks),
  }));
  const faq = content.faq.map((entry): SearchDocument => ({
    id: `faq:${entry.id}`,
    kind: 'faq',
    targetId: entry.id,
    title: entry.question,
    question: entry.question,
    body: blocksText(entry.answer),
  }));
  return [...terms, ...sections, ...faq];
}
