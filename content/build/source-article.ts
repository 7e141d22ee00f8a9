/**
 * The captured source article (shared/source/vitamin-d-muscle-atrophy.txt) as a list of
 * paragraphs, with the site chrome dropped, so tests can hold the content to it verbatim.
 */

/** Path of the source article relative to the repository root (shared/ sits beside the checkout). */
export const SOURCE_ARTICLE = '../shared/source/vitamin-d-muscle-atrophy.txt';

// Site chrome in the capture: navigation, the outline widget's title, the empty reference list.
const CHROME = new Set(['Skip to content', 'In This Article', 'References']);
const EMPTY_REFERENCE = /^\d+\.\s+\d+$/;
// The capture wrapped the title in a teaser: "Understanding if and how **<title>**".
const TITLE_NOISE = /^Understanding if and how \*\*(.+)\*\*$/;

/** Every non-empty line of the source (a paragraph, list item or table row), chrome removed. */
export function sourceUnits(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim().replace(/^•\s*/, ''))
    .filter((line) => line !== '' && !CHROME.has(line) && !EMPTY_REFERENCE.test(line))
    .map((line) => line.replace(TITLE_NOISE, '$1'));
}
