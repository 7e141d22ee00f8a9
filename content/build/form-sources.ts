/**
 * Where a glossary form comes from. A case-insensitive form of two or more words marks
 * ordinary prose on any page, so it must be one the guide or the FAQ uses, a listed
 * spelling variant of one, or carry a reason in `formNotes`. One-word forms and the
 * acronyms' case-sensitive forms are judged by hand (see content/README.md): a list of
 * words cannot tell which other fields use a word in another sense.
 */
import type { GlossaryTerm } from '../schema';
import { formRegExp } from './forms';

// The matcher's separators (content/build/forms.ts): a form's words are what lies between.
const SEPARATORS = /[\s\u002D\u2010\u2011\u00AD]+/u;

/**
 * Spellings that say the same thing, word for word: British and American, the numeral
 * of "type II", an irregular plural. A form differing from an accepted one only by these
 * (or by spacing, "1,25-dihydroxy vitamin D") needs no reason of its own.
 */
export const SPELLING_VARIANTS: ReadonlyMap<string, string> = new Map([
  ['fibre', 'fiber'],
  ['fibres', 'fibers'],
  ['signalling', 'signaling'],
  ['2', 'ii'],
  ['reticula', 'reticulum'],
]);

/** The words of a form, split where the matcher accepts any separator. */
export function formWords(form: string): string[] {
  return form.trim().split(SEPARATORS).filter(Boolean);
}

/** A form with its spelling variants and spacing folded away: equal keys, same form to a reader. */
export function spellingKey(form: string): string {
  return formWords(form.toLowerCase())
    .map((word) => SPELLING_VARIANTS.get(word) ?? word)
    .join('');
}

/** Messages for a term's forms and notes that break the rule above (field named in each). */
export function formSourceIssues(
  term: GlossaryTerm,
  text: string,
): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  const notes = term.formNotes ?? {};
  // Line by line: the text's lines are paragraphs, list items and table rows, and its tabs
  // part table cells; a form read across them ("Vitamin D<tab>Deficient") is no use.
  const pieces = text.split(/[\t\n]+/);
  const occurs = (form: string) => {
    const re = formRegExp(form, term.caseSensitive);
    return pieces.some((piece) => re.test(piece));
  };
  for (const [form, reason] of Object.entries(notes)) {
    if (!term.forms.includes(form))
      issues.push({ field: 'formNotes', message: `"${form}" is not one of the forms` });
    else if (occurs(form))
      issues.push({
        field: 'formNotes',
        message: `"${form}" occurs in the guide or the FAQ; drop the note ("${reason}")`,
      });
  }
  if (term.caseSensitive) return issues;
  const accepted = new Set(
    term.forms.filter((form) => occurs(form) || notes[form] !== undefined).map(spellingKey),
  );
  for (const form of term.forms) {
    if (formWords(form).length < 2 || accepted.has(spellingKey(form))) continue;
    issues.push({
      field: 'forms',
      message:
        `"${form}" never occurs in the guide or the FAQ and is no listed spelling variant ` +
        'of a form that does: narrow it to the guide’s phrase, or give the reason in formNotes',
    });
  }
  return issues;
}
