/**
 * The glossary alone, for the content script: importing this (not content/index.ts) keeps
 * the article body and FAQ out of the script injected into every page.
 */
import { glossary } from './generated/glossary';
import type { GlossaryTerm } from './schema';

export { glossary };
export type { GlossaryTerm };

const byId = new Map(glossary.map((term) => [term.id, term]));

/** The glossary term with this id, if any. */
export function termById(id: string): GlossaryTerm | undefined {
  return byId.get(id);
}
