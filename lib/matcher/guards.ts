/**
 * Lookarounds that keep terms out of URLs, e-mail addresses, file paths and dotted code
 * names. They live in the RegExp itself because mark.js only sees the RegExp.
 *
 * mark.js wraps a match, then runs the RegExp again on the rest of the text node from
 * index 0, so a lookbehind no longer sees the text before the previous mark. Every check
 * here is therefore either about text after the match, or about text that cannot reach
 * back into a previous match (or, if it does, would have made that match fail too). The
 * unit tests replay the mark.js loop to hold this.
 */

/** How far back a URL or path may start: a bound, so a huge token full of terms stays linear. */
const TOKEN_REACH = 512;

// Things that, earlier in the same whitespace-free run, make the run a link or a path:
// a scheme's "://", "www.", an e-mail "@", a Windows "\", "~/", "./" and "../", a run
// starting with "/", a domain or file name followed by a slash ("example.org/"), and the
// "?", "=", "&", "%" of a query string. A bare "/" is not one: "sarcopenia/dynapenia".
const LINK_MARKERS = [
  ':\\/\\/',
  'www\\.',
  '[@\\\\?=&%]',
  '[~.]\\/',
  '\\s\\/',
  '[\\p{L}\\p{N}]\\.[\\p{L}\\p{N}]+\\/',
];

/**
 * Checked at the match's start: not right after "name." ("obj.VDR", "www.sarcopenia").
 * The match before would have failed AFTER_MATCH's mirror check, so mark.js agrees.
 */
export const BEFORE_MATCH = '(?<![\\p{L}\\p{N}_]\\.)';

/**
 * Checked at the match's end, so only real candidates pay for them: not followed by
 * ".name" ("sarcopenia.org", "VDR.score") nor by the rest of an e-mail user name
 * ("sarcopenia@example.org"), and not inside a run that started as a link or a path.
 * The run is read back from the match's end: for a term of several words that is its
 * last word, and a link cannot hold a space.
 */
export const AFTER_MATCH =
  '(?!\\.[\\p{L}\\p{N}_])' +
  '(?![\\p{L}\\p{N}_.+\\-]{0,64}@)' +
  `(?<!(?:${LINK_MARKERS.join('|')})\\S{0,${TOKEN_REACH}})`;
