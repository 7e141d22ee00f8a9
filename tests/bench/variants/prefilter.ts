/**
 * Experiment: a stricter prefilter than lib/matcher/prefilter.ts. The product's stems are
 * the first five letters of a form's longest letter run, matched anywhere: "activ" (from
 * "active vitamin D") fires on "activity", "ros" on "across", "relat" on "related",
 * "trans" on "transport", so 9 of the 11 real pages and page (e) pass it. Here each stem
 * is a whole separator-free run, matched at a word start.
 *
 * A cheap first check that can only say "no term here". Every match of the
 * full pattern holds, starting at a word start, each run of its form between separators,
 * exactly but for case and soft hyphens; the longest run of each form, case-insensitive,
 * soft hyphens allowed between its characters, makes a RegExp small enough to compile in
 * well under a millisecond. A page without any of those words needs
 * no active set, no pattern and no 40 KB RegExp compile.
 */
import type { MatchableTerm } from '@/lib/matcher';

const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/**
 * The anchor of one form: its longest run without whitespace or hyphens (those may be any
 * separator in the text), minus a final y when it is the last run (plural -ies).
 */
function anchor(form: string): string | undefined {
  const runs = form
    .trim()
    .split(/[\s\-\u2010\u2011\u00AD]+/)
    .filter(Boolean);
  let best = '';
  let last = false;
  runs.forEach((run, i) => {
    if (run.length > best.length) [best, last] = [run, i === runs.length - 1];
  });
  if (last && /y$/i.test(best) && best.length > 3) best = best.slice(0, -1);
  return /^[\x20-\x7e]+$/.test(best) ? best : undefined;
}

/** A RegExp that matches every text the terms' pattern can match (and more), or null. */
export function prefilter(terms: readonly MatchableTerm[]): RegExp | undefined {
  const anchors = new Set<string>();
  for (const t of terms) {
    for (const f of t.forms) {
      const a = anchor(f);
      // Non-ASCII forms: no safe ASCII anchor, so no prefilter at all.
      if (!a) return undefined;
      anchors.add(a.toLowerCase());
    }
  }
  // Drop anchors that another anchor is a prefix of: that one already finds them.
  const list = [...anchors].sort((a, b) => a.length - b.length);
  const kept = list.filter((a, i) => !list.slice(0, i).some((b) => a.startsWith(b)));
  // \b only before a word character: "(fast" starts after any character.
  const alts = kept.map((a) => (/^\w/.test(a) ? '\\b' : '') + [...a].map(escape).join('\\xAD*'));
  return new RegExp(alts.join('|'), 'i');
}
