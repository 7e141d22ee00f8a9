/**
 * Search per keystroke, in Node with the real search module and the generated index: every
 * query of tests/fixtures/search-queries.ts typed one character at a time, each prefix searched.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { summarize, type Summary } from './stats';

export interface SearchBench {
  skipped?: string;
  /** Loading the index and documents (what the popup does once when it opens). */
  loadMs?: number;
  keystrokes?: number;
  /** Every keystroke's first search (cold: JIT and caches empty, as in a fresh popup). */
  cold?: Summary;
  /** Per keystroke, the median of `repeats` more searches (preemption and GC noise removed). */
  warm?: Summary;
  /** The slowest keystroke by its median, and by its first (cold) search. */
  worst?: { query: string; ms: number };
  worstCold?: { query: string; ms: number };
  /** The single slowest search seen, noise included. */
  rawMax?: number;
}

export async function benchSearch(root: string, repeats = 5): Promise<SearchBench> {
  const needed = ['lib/search/index.ts', 'lib/search/setup.ts', 'tests/fixtures/search-queries.ts'];
  const missing = needed.filter((f) => !existsSync(resolve(root, f)));
  if (missing.length) return { skipped: `not there yet: ${missing.join(', ')}` };
  if (!existsSync(resolve(root, 'content/generated/search-index.ts')))
    return { skipped: 'no generated search index (content/generated/search-index.ts)' };
  // Imported only now, by path: the search modules may not exist yet on every branch, and
  // a static import would fail the typecheck there.
  const load = (rel: string) =>
    // eslint-disable-next-line no-unsanitized/method -- a fixed path inside this repository
    import(pathToFileURL(resolve(root, rel)).href) as Promise<Record<string, unknown>>;
  const setup = (await load('lib/search/setup.ts')) as {
    loadKnowledgeSearch(content: unknown): { search: (q: string) => unknown };
  };
  const { READER_QUERIES } = (await load('tests/fixtures/search-queries.ts')) as {
    READER_QUERIES: { query: string }[];
  };
  const { guide, faq, glossary } = await load('content/index.ts');
  const t0 = performance.now();
  const { search } = setup.loadKnowledgeSearch({ guide, faq, glossary });
  const loadMs = performance.now() - t0;
  const queries = [...new Set(READER_QUERIES.map((q) => q.query))];
  const time = (typed: string) => {
    const s = performance.now();
    search(typed);
    return performance.now() - s;
  };
  // Typed as a reader types: every prefix of every query, in order.
  const typed = queries.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)));
  const cold = typed.map(time);
  const runs = typed.map(() => [] as number[]);
  for (let r = 0; r < repeats; r++) typed.forEach((t, i) => runs[i]!.push(time(t)));
  const warm = runs.map((r) => summarize(r).median);
  const worstAt = (v: number[]) => v.indexOf(Math.max(...v));
  return {
    loadMs,
    keystrokes: typed.length,
    cold: summarize(cold),
    warm: summarize(warm),
    worst: { query: typed[worstAt(warm)]!, ms: Math.max(...warm) },
    worstCold: { query: typed[worstAt(cold)]!, ms: Math.max(...cold) },
    rawMax: Math.max(...cold, ...runs.flat()),
  };
}
