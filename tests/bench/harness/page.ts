/**
 * The in-page harness, bundled by esbuild into one IIFE and evaluated in a freshly
 * loaded page: `window.__bench.run(kind)` runs one row and reports its sample.
 */
import { glossary } from '@/content/glossary-index';
import { PREBUILT } from '@/content/generated/pattern';
import { compileMatcher } from '@/lib/matcher';
import type { Enough, RowKind, RowSample } from '../types';
import { VARIANTS } from '../variants';
import { markRegExp, markTerms, termLists, walkAndMatch, walkOnly } from './baselines';
import {
  now,
  settleFrames,
  sum,
  viewportParents,
  watchMainThread,
  type Interval,
} from './main-thread';
import { instrumentedController, type Variant, type WorkLog } from './myolens';
import { pageTexts } from './texts';
import { anatomy } from './anatomy';
import { occurrenceAt } from '@/entrypoints/highlighter.content/hit-test';
import { rangeOf, type Occurrences } from '@/entrypoints/highlighter.content/occurrences';

/** A row that works on a list of roots: the whole body at first, then what the page adds. */
type Processor = (roots: readonly Node[]) => number;

/** Everything a baseline row needs, prepared before the clock starts. */
function baseline(kind: RowKind, enough?: Enough): { process: Processor; counts: boolean } {
  const matcher = compileMatcher(glossary, PREBUILT);
  const active = matcher.activeIds(document.body.textContent ?? '');
  const re = matcher.pattern(active) ?? /$^/gu;
  switch (kind) {
    case 'limit':
      return { process: (roots) => (walkOnly(roots), 0), counts: false };
    case 'limit2':
      return { process: (roots) => walkAndMatch(roots, re).hits, counts: true };
    case 'markjs-terms': {
      const lists = termLists(glossary, active);
      const of = lists.anyCase.length + lists.exactCase.length;
      const progress = (window.__benchProgress = { done: 0, of, marks: 0, elapsed: 0 });
      return { process: (roots) => markTerms(roots, lists, progress, enough), counts: true };
    }
    case 'markjs-regexp':
      return { process: (roots) => markRegExp(roots, re, matcher.termIdOf), counts: true };
    default:
      throw new Error(`unknown row ${kind}`);
  }
}

/** Work logged per appended batch: each interval counts for the last batch appended before it. */
function perBatch(work: readonly Interval[], batchTimes: readonly number[]): number[] {
  const out = batchTimes.map(() => 0);
  for (const [s, e] of work) {
    let i = -1;
    while (i + 1 < batchTimes.length && batchTimes[i + 1]! <= s) i++;
    if (i >= 0) out[i]! += e - s;
  }
  return out;
}

/** Runs page (c)'s scroll script and records when each batch was appended. */
async function scroll(): Promise<number[]> {
  const times: number[] = [];
  await window.__scroll!({ before: (_i, t) => times.push(t) });
  return times;
}

async function runBaseline(kind: RowKind, enough?: Enough): Promise<RowSample> {
  const { process } = baseline(kind, enough);
  const dynamic = typeof window.__scroll === 'function';
  const watch = watchMainThread();
  await settleFrames();
  const work: Interval[] = [];
  let marks = 0;
  const t0 = now();
  marks += process([document.body]);
  const t1 = now();
  work.push([t0, t1]);
  const progress = window.__benchProgress;
  if (progress?.stopped) {
    // Stopped itself with enough passes for its estimate: capped, like a run past its cap.
    await watch.stop(work);
    const ms = t1 - t0;
    return { total: ms, work: ms, marks, longestTask: ms, worstFrame: ms, capped: true, progress };
  }
  let batches: number[] | undefined;
  let initialWork: number | undefined;
  let tEnd = t1;
  if (dynamic) {
    initialWork = t1 - t0;
    // As extensions do it: an observer hands over what was added; our own marks are dropped.
    const observer = new MutationObserver((records) => {
      const s = now();
      const added: Node[] = [];
      for (const r of records) for (const n of r.addedNodes) if (n.isConnected) added.push(n);
      if (added.length) marks += process(added);
      observer.takeRecords();
      work.push([s, now()]);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const times = await scroll();
    await Promise.resolve();
    observer.disconnect();
    tEnd = now();
    batches = perBatch(work, times);
  }
  const { longestTask, worstFrame } = await watch.stop(work);
  const total = dynamic ? sum(work) : t1 - t0;
  return {
    total,
    work: sum(work),
    // Synchronous: every mark, the viewport's included, exists when the call returns.
    firstViewport: !dynamic && kind.startsWith('markjs') && marks > 0 ? t1 - t0 : null,
    marks,
    longestTask,
    worstFrame,
    perBatch: batches,
    initialWork,
    ...(dynamic ? { wall: tEnd - t0 } : {}),
  };
}

async function runMyoLens(variant: Variant | undefined, hit: boolean): Promise<RowSample> {
  const dynamic = typeof window.__scroll === 'function';
  const log: WorkLog = { start: [], slices: [], observer: [] };
  // index.ts compiles the matcher before it constructs the controller; not part of start().
  const matcher = compileMatcher(glossary, PREBUILT);
  const controller = instrumentedController(matcher, variant, log);
  const parents = viewportParents(document);
  let t0 = 0;
  let firstViewport: number | null = null;
  let lastCount = -1;
  controller.onMarksChanged = () => {
    // What index.ts's reportCount does, minus the message to the background.
    const count = controller.counts().size;
    if (count !== lastCount) lastCount = count;
    if (firstViewport !== null) return;
    if (parents.some((p) => p.querySelector(':scope > mark[data-myolens-term]')))
      firstViewport = now() - t0;
  };
  // Painted ranges come in as their elements near the viewport, after the callback:
  // looked for once per frame (a few hundred ranges are registered at most).
  const painted = () => {
    if (firstViewport !== null) return;
    for (const r of CSS.highlights.get('myolens') ?? []) {
      if (!parents.some((p) => p.contains(r.startContainer))) continue;
      firstViewport = now() - t0;
      return;
    }
    requestAnimationFrame(painted);
  };
  const watch = watchMainThread();
  await settleFrames();
  t0 = now();
  requestAnimationFrame(painted);
  controller.start();
  log.start.push([t0, now()]);
  await controller.whenIdle();
  let tEnd = now();
  let batches: number[] | undefined;
  let initialWork: number | undefined;
  const all = () => [...log.start, ...log.slices, ...log.observer];
  if (dynamic) {
    initialWork = sum(all());
    const times = await scroll();
    await controller.whenIdle();
    tEnd = now();
    batches = perBatch(all(), times);
  }
  const work = all();
  const { longestTask, worstFrame, frames } = await watch.stop(work);
  firstViewport ??= null;
  const occurrences = controller.occurrences;
  const hitTests = hit && !dynamic && occurrences ? await timeHitTests(occurrences) : undefined;
  const wall = tEnd - t0;
  const rel = (t: number) => Math.round((t - t0) * 10) / 10;
  return {
    total: dynamic ? sum(work) : wall,
    work: sum(work),
    startMs: log.start[0]![1] - log.start[0]![0],
    firstViewport,
    // Every mention found, underlined or not (the reference counts them all).
    marks: [...controller.counts().values()].reduce((a, b) => a + b, 0),
    hitTests,
    longestTask,
    worstFrame,
    slices: log.slices.length,
    longestSlice: Math.max(0, ...log.slices.map(([s, e]) => e - s)),
    timeline: {
      work: work.sort((a, b) => a[0] - b[0]).map(([s, e]) => [rel(s), rel(e)]),
      frames: frames.map((f) => ({ ...f, start: rel(f.start) })),
    },
    perBatch: batches,
    initialWork,
    ...(dynamic ? { wall } : {}),
  };
}

/**
 * What one pointer move costs the hover hit-test (hit-test.ts, as interactions.ts calls it
 * once per frame): at five scroll positions, 100 points on mentions in view (the hit path,
 * with its line-box check) and 100 anywhere in the viewport, each timed alone.
 */
async function timeHitTests(occurrences: Occurrences): Promise<number[]> {
  const times: number[] = [];
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  // Each mention's box in page coordinates, measured once: scrolling a static page moves
  // every box by the scroll and nothing else (18,860 boxes on (f), five times, cost the
  // row a second).
  const boxes = occurrences.all().map((o) => {
    const r = rangeOf(o).getBoundingClientRect();
    return { top: r.top + scrollY, height: r.height, left: r.left, width: r.width };
  });
  for (const f of [0, 0.2, 0.4, 0.6, 0.8]) {
    scrollTo(0, f * (document.documentElement.scrollHeight - innerHeight));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const y0 = scrollY;
    const inView = boxes.filter(
      (b) =>
        b.height > 0 &&
        b.top - y0 >= 0 &&
        b.top - y0 + b.height <= innerHeight &&
        b.left >= 0 &&
        b.left + b.width <= innerWidth,
    );
    for (let i = 0; i < 200; i++) {
      let x = random() * innerWidth;
      let y = random() * innerHeight;
      if (i % 2 === 0 && inView.length) {
        const b = inView[Math.floor(random() * inView.length)]!;
        x = b.left + b.width * random();
        y = b.top - y0 + b.height * random();
      }
      const t = performance.now();
      occurrenceAt(document, occurrences, x, y);
      times.push(performance.now() - t);
    }
  }
  scrollTo(0, 0);
  return times;
}

window.__bench = {
  run(kind, options) {
    // A variant's hit-test would time the same function over the same marks.
    if (kind === 'myolens') return runMyoLens(undefined, options?.hitTests ?? true);
    if (kind.startsWith('variant:')) {
      const variant = VARIANTS.find((v) => v.name === kind.slice('variant:'.length));
      if (!variant) throw new Error(`unknown variant ${kind}`);
      return runMyoLens(variant, false);
    }
    return runBaseline(kind, options?.enough);
  },
  texts: () => pageTexts(document),
  variants: () => VARIANTS.map((v) => v.name),
  anatomy,
};
