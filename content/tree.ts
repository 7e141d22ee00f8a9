/**
 * Pure helpers over the content tree, shared by the build step and the app.
 * Type-only imports keep valibot out of whatever bundle imports this.
 */
import type { Block, FaqEntry, Guide, GuideSection, Inline } from './schema';

/** The visible text of inline nodes, formatting dropped. */
export function plainText(inlines: readonly Inline[]): string {
  return inlines
    .map((node) => (node.type === 'text' ? node.text : plainText(node.children)))
    .join('');
}

/** The visible text of one block; list items and table rows become lines, cells are tab-separated. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return plainText(block.children);
    case 'list':
      return block.items.map(plainText).join('\n');
    case 'table':
      return [block.head, ...block.rows].map((row) => row.join('\t')).join('\n');
  }
}

/** The visible text of several blocks, one block per paragraph. */
export function blocksText(blocks: readonly Block[]): string {
  return blocks.map(blockText).join('\n\n');
}

/** Every section in reading order: intro, sections depth-first, disclaimer. */
export function flattenSections(guide: Guide): GuideSection[] {
  const out: GuideSection[] = [];
  const walk = (section: GuideSection): void => {
    out.push(section);
    section.children.forEach(walk);
  };
  walk(guide.intro);
  guide.sections.forEach(walk);
  walk(guide.disclaimer);
  return out;
}

/** A section's text with its subsections' (titles and blocks), as a reader meets it. */
export function sectionText(section: GuideSection): string {
  return [section.title, blocksText(section.blocks), ...section.children.map(sectionText)].join(
    '\n\n',
  );
}

/** The whole guide as plain text (headings and blocks), for searching and checks. */
export function guideText(guide: Guide): string {
  return flattenSections(guide)
    .map((section) => [section.title, blocksText(section.blocks)].join('\n\n'))
    .join('\n\n');
}

/**
 * Every id a term may point to, with the title a link to it should show: guide sections
 * and FAQ entries (both are rendered on the guide page, so `#id` lands on either).
 */
export function anchorTitles(guide: Guide, faq: readonly FaqEntry[]): Map<string, string> {
  const titles = new Map<string, string>();
  for (const section of flattenSections(guide)) titles.set(section.id, section.title);
  for (const entry of faq) titles.set(entry.id, entry.question);
  return titles;
}
