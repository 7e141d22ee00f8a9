/**
 * A cheap necessary condition for a match: one short, case-insensitive alternation of a
 * literal piece of every form. V8 scans such a pattern many times faster than the full
 * matcher (no lookarounds, no case classes), so text without any candidate, which is
 * nearly all text on most pages, never reaches the full pattern.
 */

/** How long a stem may be: longer stems trigger less often, but every form needs one. */
const STEM_MAX = 5;

/**
 * A literal piece of `form` that every text the matcher accepts for it contains,
 * lowercased, or null when the form has none worth testing for.
 */
export function stemOf(form: string): string | null {
  // Letters only: case folds under the i flag, and separators between words never fall
  // inside a run. Plurals only append (-s, -es), except y → -ies: cut such a run short.
  let best = '';
  for (const run of form.match(/[A-Za-z]+/g) ?? []) {
    const usable = run.slice(
      0,
      Math.min(STEM_MAX, run.endsWith('y') ? run.length - 1 : run.length),
    );
    if (usable.length > best.length) best = usable;
  }
  if (best.length >= 3) return best.toLowerCase();
  // Forms like "1,25(OH)2D": the longest run without whitespace or hyphens (which the
  // matcher varies) is matched literally.
  const literal = (form.match(/[^\s\-\u2010\u2011\u00AD]+/g) ?? []).sort(
    (a, b) => b.length - a.length,
  )[0];
  if (literal && literal.length >= 3) return escape(literal.slice(0, STEM_MAX).toLowerCase());
  return best.length >= 2 ? best.toLowerCase() : null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The prefilter for a set of forms: any stem. (A stem never spans a soft hyphen: the
 * matcher reads them only between words.) Matches everything when some form has no
 * usable stem, so it never hides a match.
 */
export function prefilterFor(forms: Iterable<string>): RegExp {
  const stems = new Set<string>();
  for (const form of forms) {
    const stem = stemOf(form);
    if (stem === null) return /(?:)/;
    stems.add(stem);
  }
  // A stem that contains another adds nothing: the shorter one already triggers.
  const minimal = [...stems].filter((s) => ![...stems].some((o) => o !== s && s.includes(o)));
  return new RegExp(minimal.sort().join('|'), 'i');
}
