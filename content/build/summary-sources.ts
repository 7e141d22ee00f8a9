/**
 * Does a summary say what its section says? A summary's key phrases are its pairs of
 * neighbouring words (small words skipped) that the knowledge base uses somewhere: each
 * must occur in the section the term names, so a summary drawn from another section (or
 * an FAQ answer) is caught. Pairs found nowhere are the summary's own wording; a reviewer
 * reads those against the section (content/README.md).
 */

// Words too common to make a phrase: "vitamin D in muscle" pairs "vitamin d", "d muscle".
const SMALL_WORDS = new Set(
  (
    'a an the and or but of in on to for with by as at from into onto its it is are be been ' +
    'was were this that these those which who whose can could may might such also both all ' +
    'than more most after before through like including has have had when while other often ' +
    'some one their there they them not no so very helps help within against via'
  ).split(' '),
);

// Shorter words ("D", "II", "VDR") pair with everything; the phrase lies in the longer ones.
const MIN_LENGTH = 4;

// Clause ends: a phrase never runs across them (nor across table cells or list items), nor
// across "and"/"or", so "mass and strength" and "mass, and strength" read the same.
const CLAUSE_END = /[.;:!?()\t\n,\u2014\u2013]+|\s(?:and|or)\s/iu;

/** Lowercase, possessive dropped, a plural -s or -ies folded to the singular. */
function stem(word: string): string {
  const lower = word.toLowerCase();
  if (lower.length > 4 && lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss')) return lower.slice(0, -1);
  return lower;
}

const words = (text: string): string[] => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * Words in at least half of the texts ("vitamin", "muscle"): every section says them, so
 * a pair with one tells nothing of where a summary comes from. They break phrases, as
 * clause ends do (skipping them would pair their neighbours).
 */
export function commonWords(texts: Iterable<string>): Set<string> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const text of texts) {
    total++;
    for (const word of new Set(words(text).map(stem)))
      counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n * 2 >= total).map(([word]) => word));
}

/**
 * The phrases of a text: each pair of neighbouring words in a clause, stemmed, as "a b",
 * mapped to the text's own spelling. Small words are skipped; `common` words break a clause.
 */
export function wordPairs(
  text: string,
  common: ReadonlySet<string> = new Set(),
): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const clause of text.replace(/['\u2019]s\b/gu, '').split(CLAUSE_END)) {
    let previous: string | undefined;
    for (const word of words(clause)) {
      if (word.length < MIN_LENGTH || SMALL_WORDS.has(word.toLowerCase())) continue;
      if (common.has(stem(word))) {
        previous = undefined;
        continue;
      }
      const key = previous === undefined ? undefined : `${stem(previous)} ${stem(word)}`;
      if (key !== undefined && !pairs.has(key)) pairs.set(key, `${previous} ${word}`);
      previous = word;
    }
  }
  return pairs;
}

/**
 * The summary's key phrases missing from its sources (its section and alsoFrom), each with
 * the sections that have it. `sections` maps every section and FAQ id to its text (a
 * section with its subsections).
 */
export function phrasesFromElsewhere(
  summary: string,
  sources: readonly string[],
  sections: ReadonlyMap<string, string>,
): { phrase: string; foundIn: string[] }[] {
  const common = commonWords(sections.values());
  const own = wordPairs(sources.map((id) => sections.get(id) ?? '').join('\n'), common);
  const others = [...sections].map(([id, text]) => [id, wordPairs(text, common)] as const);
  const missing: { phrase: string; foundIn: string[] }[] = [];
  for (const [key, phrase] of wordPairs(summary, common)) {
    if (own.has(key)) continue;
    const foundIn = others.filter(([, pairs]) => pairs.has(key)).map(([id]) => id);
    if (foundIn.length) missing.push({ phrase, foundIn });
  }
  return missing;
}
