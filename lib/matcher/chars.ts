/**
 * Character classes and lookarounds shared by the pattern builder. Sources are strings
 * for a `u`-flag RegExp (no `v`: callers and mark.js expect a plain global+unicode one).
 */

/**
 * Characters that continue a word: letters, marks and digits of any script, the
 * underscore of code identifiers (`ros_node`), and the invisible soft hyphen and
 * joiners that sit inside words.
 */
export const WORD = '\\p{L}\\p{M}\\p{N}_\\u00AD\\u200C\\u200D';

// Chinese, Japanese, Thai and the like put no spaces between words, so a Latin term
// written right against them ("研究VDR表达") is still a word of its own; Korean
// attaches particles to the previous word ("VDR는").
/** Scripts written without spaces between words: next to them a word always ends. */
export const SPACELESS =
  '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}';

/** True at a word start: nothing, a non-word character, or a spaceless script before. */
export const WORD_START = `(?<=^|[^${WORD}]|[${SPACELESS}])`;

/**
 * True at the end of a match that ends a word: the next character cannot continue it, or
 * the match's own last character needs no boundary (a spaceless script, a closing
 * bracket). The mirror of WORD_START, so both sides of a boundary agree.
 */
export const MATCH_END = `(?:(?=$|[^${WORD}]|[${SPACELESS}])|(?<=[^${WORD}]|[${SPACELESS}]))`;

// The hyphen set: ASCII hyphen-minus, U+2010 hyphen, U+2011 non-breaking hyphen and the
// soft hyphen U+00AD (invisible, but in the text). Whitespace after a hyphen is a line
// break in the source ("fast-\ntwitch") or in extracted PDF text ("fast- twitch").
/** Between two words of a term: any whitespace run (NBSP too), or one hyphen and optional whitespace. */
export const SEPARATOR = '(?:\\s+|[-\\u2010\\u2011\\u00AD]\\s*)';

// Nothing is read through inside a word: soft hyphens a hyphenating page puts inside
// words needed an optional \xAD after every letter, which made the pattern 42 KB and cost
// 100-170 ms of compiling on each page's first candidate (measured). Soft hyphens between
// the words of a term are still read (SEPARATOR).

const wordRe = new RegExp(`^[${WORD}]$`, 'u');
const spacelessRe = new RegExp(`^[${SPACELESS}]$`, 'u');
const separatorRe = /^[\s\-\u2010\u2011\u00AD]$/u;

/**
 * A run of the characters that separate the words of a form (whitespace and hyphens):
 * for splitting forms and matched surfaces into words. A superset of SEPARATOR.
 */
export const SEPARATOR_RUN = /[\s\-\u2010\u2011\u00AD]+/u;

/** Whether a word boundary is checked beside this character (a word char of a spaced script). */
export function needsBoundary(ch: string): boolean {
  return wordRe.test(ch) && !spacelessRe.test(ch);
}

/** Whether a character of a form is a word character (letters, marks, digits). */
export function isWordChar(ch: string): boolean {
  return wordRe.test(ch);
}

/** Whether a character of a form separates words (whitespace or a hyphen). */
export function isSeparatorChar(ch: string): boolean {
  return separatorRe.test(ch);
}

/** A character escaped for use outside a class in a `u` RegExp. */
export function escapeChar(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** A character escaped for use inside a class in a `u` RegExp. */
export function escapeClassChar(ch: string): string {
  return /[\\\][^-]/.test(ch) ? `\\${ch}` : ch;
}
