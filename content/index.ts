/**
 * Typed access to the knowledge base for the popup, the guide page and the background.
 * The content script imports content/glossary-index.ts instead, to stay small.
 */
import { faq } from './generated/faq';
import { guide } from './generated/guide';
import type { FaqEntry, GuideSection } from './schema';
import { flattenSections } from './tree';

export { guide, faq };
export { glossary, termById } from './glossary-index';
export { CATEGORIES, CATEGORY_LABELS } from './categories';
export { anchorTitles, blockText, blocksText, flattenSections, guideText, plainText } from './tree';
export type {
  Block,
  Category,
  FaqEntry,
  GlossaryTerm,
  Guide,
  GuideSection,
  Inline,
} from './schema';

const sections = new Map(flattenSections(guide).map((section) => [section.id, section]));
const faqEntries = new Map(faq.map((entry) => [entry.id, entry]));

/** The guide section (intro, section, subsection or disclaimer) with this id, if any. */
export function sectionById(id: string): GuideSection | undefined {
  return sections.get(id);
}

/** The FAQ entry with this id, if any. */
export function faqById(id: string): FaqEntry | undefined {
  return faqEntries.get(id);
}
