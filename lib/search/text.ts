/**
 * How text becomes search terms, shared by the index (build time), the query (run time)
 * and the snippet highlighter, so a highlighted word is exactly a word that matched.
 */

// Letters and digits make words; everything else (spaces, hyphens, slashes, brackets)
// separates them, so "fast-twitch", "fast twitch" and "fast‑twitch" index alike.
const WORD = /[\p{L}\p{N}]+/gu;
const SEPARATOR = /[^\p{L}\p{N}]+/u;

// Function words that would match nearly every document. Question words ("how", "much",
// "which") stay: they are what tells the FAQ entries apart.
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'i',
  'in',
  'is',
  'it',
  'its',
  'me',
  'my',
  'of',
  'on',
  'or',
  's',
  'the',
  'to',
  'with',
]);

/** Splits text into words at anything that is not a letter or digit. */
export function tokenize(text: string): string[] {
  return text.split(SEPARATOR).filter((word) => word !== '');
}

// A light plural fold, not a stemmer: "fibres" and "fibre", "studies" and "study" meet,
// while short acronyms ("ROS") and Latin-ish endings ("status", "analysis") stay.
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word))
    return word.slice(0, -1);
  return word;
}

/** The index term for a word: case and accents folded, plural folded; null for stop words. */
export function processTerm(word: string): string | null {
  const folded = word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  if (folded === '' || STOP_WORDS.has(folded)) return null;
  return singular(folded);
}

/** Every word of a text with its position, for highlighting. */
export function words(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(WORD)].map((m) => ({
    word: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

// Words readers use that the guide does not; each brings in the guide's words for it.
const SYNONYMS: Readonly<Record<string, string>> = {
  dose: 'how much take amount',
  dosage: 'how much take amount',
  overdose: 'too much toxicity',
  poisoning: 'toxicity',
  weak: 'weakness',
};

/** The query with the guide's words added for any reader's words it knows synonyms of. */
export function expandQuery(query: string): string {
  const extra = tokenize(query)
    .map((word) => SYNONYMS[processTerm(word) ?? ''])
    .filter((words) => words !== undefined);
  return extra.length > 0 ? `${query} ${extra.join(' ')}` : query;
}
