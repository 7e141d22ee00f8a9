/**
 * The matcher's equivalences for surface forms, as the build step needs them: to see
 * whether two terms claim the same text and whether a term occurs in the guide.
 * Kept in step with the rules in DESIGN.md ("Matching rules users expect").
 */

// Hyphen-minus, Unicode hyphen, non-breaking hyphen, soft hyphen and any whitespace
// all count as one separator, so "fast-twitch" and "fast twitch" are the same form.
const SEPARATORS = /[\s\u002D\u2010\u2011\u00AD]+/gu;
const SEPARATOR_CLASS = '[\\s\\u002D\\u2010\\u2011\\u00AD]+';

/** A form reduced to what the matcher compares: separators unified, case folded unless case-sensitive. */
export function formKey(form: string, caseSensitive: boolean): string {
  const unified = form.trim().replace(SEPARATORS, ' ');
  return caseSensitive ? unified : unified.toLowerCase();
}

/** The keys a form also matches through the regular plurals the matcher adds. */
function pluralKeys(key: string): string[] {
  return [key, `${key}s`, `${key}es`];
}

/**
 * Whether two forms would match the same text. Case is folded when either term is
 * case-insensitive, because that term would match the other's text in any case.
 */
export function formsCollide(
  a: { form: string; caseSensitive: boolean },
  b: { form: string; caseSensitive: boolean },
): boolean {
  const bothSensitive = a.caseSensitive && b.caseSensitive;
  const keyA = formKey(a.form, bothSensitive);
  const keyB = formKey(b.form, bothSensitive);
  return pluralKeys(keyA).includes(keyB) || pluralKeys(keyB).includes(keyA);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A regular expression for a form as the matcher reads it: whole words, plurals, possessives. */
export function formRegExp(form: string, caseSensitive: boolean): RegExp {
  const body = form.trim().split(SEPARATORS).map(escapeRegExp).join(SEPARATOR_CLASS);
  // Lookarounds instead of \b: \b is ASCII-only and would split "Akten" or "Rosé".
  const source = `(?<![\\p{L}\\p{N}])${body}(?:e?s)?(?:['\u2019]s?)?(?![\\p{L}\\p{N}])`;
  return new RegExp(source, caseSensitive ? 'u' : 'iu');
}

/** The first of the forms found in the text, or undefined when none occurs. */
export function findForm(
  text: string,
  forms: readonly string[],
  caseSensitive: boolean,
): string | undefined {
  return forms.find((form) => formRegExp(form, caseSensitive).test(text));
}
