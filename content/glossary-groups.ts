/**
 * Orders and groups glossary terms for the glossary views: A–Z by label, or by category.
 */
import { CATEGORIES, CATEGORY_LABELS } from './categories';
import type { GlossaryTerm } from './schema';

/** A titled group of terms. */
export interface TermGroup {
  key: string;
  title: string;
  terms: GlossaryTerm[];
}

// Numeric collation sorts "1,25-dihydroxyvitamin D" before letters and "type 2" before "type 10".
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Terms sorted by label, case- and accent-insensitively. */
export function sortTerms(terms: readonly GlossaryTerm[]): GlossaryTerm[] {
  return [...terms].sort((a, b) => collator.compare(a.label, b.label));
}

/** Terms grouped by the first letter of their label; labels not starting with A–Z go under "#". */
export function groupAlphabetically(terms: readonly GlossaryTerm[]): TermGroup[] {
  const groups = new Map<string, GlossaryTerm[]>();
  for (const term of sortTerms(terms)) {
    const first = term.label.normalize('NFD').charAt(0).toUpperCase();
    const key = /^[A-Z]$/.test(first) ? first : '#';
    groups.set(key, [...(groups.get(key) ?? []), term]);
  }
  return [...groups].map(([key, members]) => ({ key, title: key, terms: members }));
}

/** Terms grouped by category in the fixed category order, each group sorted A–Z; empty groups dropped. */
export function groupByCategory(terms: readonly GlossaryTerm[]): TermGroup[] {
  return CATEGORIES.map((category) => ({
    key: category,
    title: CATEGORY_LABELS[category],
    terms: sortTerms(terms.filter((term) => term.category === category)),
  })).filter((group) => group.terms.length > 0);
}
