/**
 * The rows MyoLens is compared with: the two limits (a bare walk, a walk plus the one
 * regex) and mark.js used the two ways extensions use it.
 */
import Mark from 'mark.js';
import type { MatchableTerm } from '@/lib/matcher';
import { regularPlural } from '@/lib/matcher/forms';
import type { Enough, Progress } from '../types';
import { EXCLUDED } from '@/entrypoints/highlighter.content/scan';

/** LIMIT: one TreeWalker pass reading every text node's data. */
export function walkOnly(roots: readonly Node[]): { nodes: number; chars: number } {
  let nodes = 0;
  let chars = 0;
  for (const root of roots) {
    if (root.nodeType === 3) {
      nodes++;
      chars += (root as Text).data.length;
      continue;
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes++;
      chars += (n as Text).data.length;
    }
  }
  return { nodes, chars };
}

/** LIMIT2: the same walk, plus the matcher's one combined RegExp over every text node. */
export function walkAndMatch(roots: readonly Node[], re: RegExp): { nodes: number; hits: number } {
  let nodes = 0;
  let hits = 0;
  const scan = (data: string) => {
    re.lastIndex = 0;
    while (re.exec(data)) hits++;
  };
  for (const root of roots) {
    if (root.nodeType === 3) {
      nodes++;
      scan((root as Text).data);
      continue;
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes++;
      scan((n as Text).data);
    }
  }
  return { nodes, hits };
}

// mark.js only tests a text node's parent against `exclude`, so every excluded element is
// listed with its descendants too; one selector list is one matches() call per node. The
// list is the content script's own, so the mark.js rows make the same marks.
const EXCLUDE = EXCLUDED.split(',')
  .flatMap((s) => [s, `${s} *`])
  .join(', ');

// Characters that may touch a term and still leave it a whole word.
const LIMITERS = [
  ',',
  '.',
  ';',
  ':',
  '!',
  '?',
  '(',
  ')',
  '"',
  "'",
  '’',
  '“',
  '”',
  '[',
  ']',
  '/',
  '-',
];

/** The term lists an extension would hand mark.js: listed forms and regular plurals. */
export function termLists(
  terms: readonly MatchableTerm[],
  active: ReadonlySet<string>,
): { anyCase: string[]; exactCase: string[] } {
  const anyCase: string[] = [];
  const exactCase: string[] = [];
  for (const term of terms) {
    if (!active.has(term.id)) continue;
    const out = term.caseSensitive ? exactCase : anyCase;
    for (const form of term.forms) {
      const forms = [form];
      // "vitamin D receptor" may start a sentence; "mTOR" may not (as in lib/matcher).
      if (term.caseSensitive && /^\p{Ll}+(?![\p{L}\p{M}\p{N}])/u.test(form))
        forms.push(form[0]!.toUpperCase() + form.slice(1));
      for (const f of [...forms]) {
        const plural = regularPlural(f, term.caseSensitive);
        if (plural) forms.push(plural);
      }
      out.push(...forms);
    }
  }
  return { anyCase: [...new Set(anyCase)], exactCase: [...new Set(exactCase)] };
}

/** Thrown from mark.js's callbacks to end a run that has seen `Enough`. */
const ENOUGH = new Error('enough passes for the estimate');

/**
 * mark.js as most extensions use it: `mark(arrayOfForms)`, whole words, one call per case
 * rule. mark.js runs one pass over the DOM per form (longest first); `progress` learns
 * which form it is on from the filter and noMatch callbacks, so a capped run can be
 * extrapolated. With `enough`, the run ends itself at the end of a pass once it has enough
 * for its estimate: the rest would only lengthen the wait, not the estimate's basis.
 */
export function markTerms(
  ctx: HTMLElement | readonly Node[],
  lists: { anyCase: string[]; exactCase: string[] },
  progress?: Progress,
  enough?: Enough,
): number {
  let made = 0;
  const seen = new Set<string>();
  const t0 = performance.now();
  const at = (kw: string) => {
    if (!progress || seen.has(kw)) return;
    seen.add(kw);
    progress.done = seen.size - 1;
    progress.elapsed = performance.now() - t0;
    const { done, elapsed } = progress;
    if (enough && done && ((done >= enough.passes && elapsed >= enough.ms) || elapsed >= enough.by))
      throw ENOUGH;
  };
  const options = (caseSensitive: boolean): Mark.MarkOptions => ({
    element: 'mark',
    className: 'bench-mark',
    separateWordSearch: false,
    caseSensitive,
    accuracy: { value: 'exactly', limiters: LIMITERS },
    exclude: [EXCLUDE],
    filter: (_node, kw) => (at(kw), true),
    noMatch: (kw) => at(String(kw)),
    each: () => {
      made++;
      if (progress) progress.marks = made;
    },
  });
  const mark = new Mark(ctx as HTMLElement);
  try {
    if (lists.anyCase.length) mark.mark(lists.anyCase, options(false));
    if (lists.exactCase.length) mark.mark(lists.exactCase, options(true));
  } catch (e) {
    if (e !== ENOUGH) throw e;
    progress!.stopped = true;
    return made;
  }
  if (progress) {
    progress.done = progress.of;
    progress.elapsed = performance.now() - t0;
  }
  return made;
}

/** mark.js `markRegExp` with the matcher's one combined pattern. */
export function markRegExp(
  ctx: HTMLElement | readonly Node[],
  re: RegExp,
  termIdOf: (surface: string) => string | undefined,
): number {
  let made = 0;
  new Mark(ctx as HTMLElement).markRegExp(re, {
    element: 'mark',
    className: 'bench-mark',
    exclude: [EXCLUDE],
    filter: (_node, match) => termIdOf(match) !== undefined,
    each: () => void made++,
  });
  return made;
}
