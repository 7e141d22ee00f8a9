/**
 * Search alias checks (content/aliases.yaml): the shape, then the rules that need the
 * glossary (a known term id, no alias twice, no alias that is already a form).
 */
import * as v from 'valibot';
import { SearchAliasesSchema, type GlossaryTerm } from '../schema';
import { formsCollide } from './forms';
import { schemaIssues } from './issues';

/** Lay search aliases by term id, as the search index takes them (notes left out). */
export type AliasMap = Record<string, string[]>;

/**
 * Validates raw aliases data against the checked glossary; returns the aliases only when
 * every check passes. An empty file means no aliases.
 */
export function validateAliases(
  data: unknown,
  glossary: readonly GlossaryTerm[],
  file = 'content/aliases.yaml',
): { aliases?: AliasMap; errors: string[] } {
  if (data === null || data === undefined) return { aliases: {}, errors: [] };
  // valibot's record takes a list too (its indexes as keys).
  if (typeof data !== 'object' || Array.isArray(data))
    return { errors: [`${file}: must be a mapping of term id to a list of aliases`] };
  const checked = v.safeParse(SearchAliasesSchema, data);
  if (!checked.success) return { errors: schemaIssues(file, 'aliases', checked.issues) };

  const errors: string[] = [];
  const terms = new Map(glossary.map((term) => [term.id, term]));
  // Compared as the matcher compares forms: case, hyphens/spaces and plurals fold, so
  // "free radical" and "Free-radicals" are one alias.
  const seen: { alias: string; termId: string }[] = [];
  const aliases: AliasMap = {};
  for (const [termId, list] of Object.entries(checked.output)) {
    const entry = `${file}: term "${termId}"`;
    if (!terms.has(termId)) {
      errors.push(`${entry}: unknown term id "${termId}"`);
      continue;
    }
    aliases[termId] = [];
    for (const { alias } of list) {
      const same = seen.find((other) =>
        formsCollide(
          { form: alias, caseSensitive: false },
          { form: other.alias, caseSensitive: false },
        ),
      );
      if (same)
        errors.push(
          `${entry}: alias "${alias}" is listed twice` +
            (same.termId === termId ? '' : ` (also under term "${same.termId}")`),
        );
      // A form is matched on pages and searched already; the same words as an alias would
      // either be a missing form or a second name for text the matcher explains.
      for (const term of glossary) {
        const form = term.forms.find((f) =>
          formsCollide(
            { form: alias, caseSensitive: false },
            { form: f, caseSensitive: term.caseSensitive },
          ),
        );
        if (form !== undefined)
          errors.push(`${entry}: alias "${alias}" is a form of term "${term.id}" ("${form}")`);
      }
      seen.push({ alias, termId });
      aliases[termId].push(alias);
    }
  }
  return errors.length > 0 ? { errors } : { aliases, errors: [] };
}
