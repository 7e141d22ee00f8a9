/**
 * A cheap necessary condition for a match: one short, case-insensitive alternation of a
 * literal word of every form, each at a word start. V8 scans such a pattern many times
 * faster than the full matcher (no lookarounds, no case classes), so text without any
 * candidate, which is nearly all text on most pages, never reaches the full pattern.
 */

/** Whitespace and the hyphens the matcher accepts between words. */
const SEPARATORS = /[\s\-\u2010\u2011\u00AD]+/;

const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/**
 * The anchor of a form: its longest run between separators (which the text may spell
 * with any separator), lowercased, minus a final y when it is the last run (plural
 * -ies); null when that run is not plain ASCII (then no safe prefilter exists).
 */
export function stemOf(form: string): string | null {
  const runs = form.trim().split(SEPARATORS).filter(Boolean);
  let best = '';
  let last = false;
  runs.forEach((run, i) => {
    if (run.length > best.length) [best, last] = [run, i === runs.length - 1];
  });
  if (last && /y$/i.test(best) && best.length > 3) best = best.slice(0, -1);
  return best && /^[\x20-\x7e]+$/.test(best) ? best.toLowerCase() : null;
}

/**
 * The anchors as one alternation shaped like a trie ("s(?:arcop|uppl)|v(?:dr|itamin)"):
 * V8 dispatches on each character instead of trying every anchor at every position,
 * about 4x faster than the flat list on long prose.
 */
function alternation(words: readonly string[]): string {
  return branches(words).join('|');
}

function branches(words: readonly string[]): string[] {
  const byFirst = new Map<string, string[]>();
  for (const w of words) {
    const rest = byFirst.get(w[0]!) ?? [];
    rest.push(w.slice(1));
    byFirst.set(w[0]!, rest);
  }
  const parts: string[] = [];
  for (const [first, rests] of byFirst) {
    // An empty rest means the shorter anchor already fires: nothing longer adds anything.
    if (rests.includes('')) {
      parts.push(escape(first));
      continue;
    }
    const next = branches(rests);
    parts.push(escape(first) + (next.length === 1 ? next[0] : '(?:' + next.join('|') + ')'));
  }
  return parts;
}

/**
 * The prefilter for a set of forms: any anchor, at a word start ("ros" does not fire on
 * "across"). Matches everything when some form has no anchor, so it never hides a match.
 */
export function prefilterFor(forms: Iterable<string>): RegExp {
  const anchors = new Set<string>();
  for (const form of forms) {
    const anchor = stemOf(form);
    if (anchor === null) return /(?:)/;
    anchors.add(anchor);
  }
  const list = [...anchors].sort();
  // \b only before a word character: "(OH)"-like anchors may start after anything.
  const wordy = list.filter((a) => /^\w/.test(a));
  const other = list.filter((a) => !/^\w/.test(a));
  const branches = [];
  if (wordy.length) branches.push('\\b(?:' + alternation(wordy) + ')');
  if (other.length) branches.push(alternation(other));
  return new RegExp(branches.join('|') || '(?!)', 'i');
}
