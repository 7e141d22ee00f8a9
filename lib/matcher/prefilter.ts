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
  // An anchor that starts with another adds nothing: the shorter one already fires.
  const list = [...anchors].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const kept = list.filter((a, i) => !list.slice(0, i).some((b) => a.startsWith(b)));
  // \b only before a word character: "(OH)"-like anchors may start after anything.
  return new RegExp(kept.map((a) => (/^\w/.test(a) ? '\\b' : '') + escape(a)).join('|'), 'i');
}
