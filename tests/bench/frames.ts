/**
 * The frames row (issue 22, "Benchmark"): a news article with the guide's terms among 30
 * small frames of other sites (ads, a video player, a comment widget, tracking pixels;
 * no term in any of them), loaded with the extension and without it, as the A/B does.
 *
 * Chromium's site isolation runs each frame site in a renderer process of its own, so
 * what the extension adds is summed over processes: long animation frames are observed
 * in every document (the init script runs in every frame), the heap is read per V8
 * isolate (one CDP session per frame target, deduplicated by isolate id), and the content
 * script's CPU in the frames comes from V8's sampling profiler in each frame process, on
 * a load whose frames are held after `<body>` until the profilers run (frames-server.ts).
 */
import type { BrowserContext, CDPSession, Frame, Page } from 'playwright';
import { AB_PROBE } from './ab';
import { loafIn, type AbSample, type Loaf, type LoafTotals } from './ab-summary';
import { countLoad } from './clock';
import { selfTimes, type CpuProfile } from './extension';
import type { FramesServer } from './frames-server';
import type { FramePage } from './pages';
import { untilQuiet } from './quiet';
import type { Reference } from './reference';
import { summarize } from './stats';
import type { IdleAnswer } from './when-idle';

// In a frame's main world, before its scripts: its DOMContentLoaded and every long
// animation frame (buffered), in the frame's own clock.
const FRAME_PROBE = () => {
  const rec = { dcl: 0, frames: [] as Loaf[] };
  (window as unknown as { __frame: typeof rec }).__frame = rec;
  document.addEventListener('DOMContentLoaded', () => (rec.dcl = performance.now()), {
    once: true,
  });
  type Entry = PerformanceEntry & { renderStart?: number; styleAndLayoutStart?: number };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as Entry[])
      rec.frames.push({
        start: e.startTime,
        duration: e.duration,
        renderStart: e.renderStart ?? 0,
        styleAndLayoutStart: e.styleAndLayoutStart ?? 0,
        scripts: 0,
        extensionScripts: 0,
        forcedLayout: 0,
      });
  }).observe({ type: 'long-animation-frame', buffered: true });
};

/** The frames row's page, as its table names it. */
export const FRAMES_TITLE =
  '(g) News article among 30 small cross-site frames: ads, a video player, comments, pixels';

/** The article's probe (the A/B's) in the top document, the frame probe in every frame. */
const PROBES = `window === window.top ? (${AB_PROBE.toString()})() : (${FRAME_PROBE.toString()})();`;

/**
 * How long the frames' part of a load lasts at least after the page's `load`, which
 * waits for every frame's: a frame's document_idle script runs before its own `load` or
 * within 200 ms of its DOMContentLoaded. With a content script in all 30 frames (a build
 * with `all_frames`, 112 ms of CPU per frame) its last sample came 37-61 ms after the
 * page's load. It is reported, and one within `CUT_MS` of the profile's end says the
 * window cut it short.
 */
export const FRAMES_TAIL_MS = 500;
const CUT_MS = 100;
/** The profilers' sampling interval in the frame processes, µs: coarse, to weigh little on 2 cores. */
export const FRAMES_SAMPLING_US = 500;

/** JS heap after two forced GCs, bytes: V8's (`used`) and Blink's (`embedder`). */
export interface HeapUse {
  used: number;
  embedder: number;
}

/**
 * One load of the framed article in one arm. Times in the article's clock (ms from its
 * navigation start). The frames are held after `<body>` until the article's own part is
 * over (its scan done and quiet, with the extension; as long after DCL, without), then
 * let go together, as ad scripts insert their frames once the page has loaded: the two
 * parts' long frames are then the article's and the frames' own, not each other's.
 */
export interface FramesLoad {
  arm: 'with' | 'none';
  dcl: number;
  /** The article's marks (as the A/B counts them) and its content script's answer. */
  settled: number | null;
  mentions: number | null;
  scanned: number | null;
  /** The article's part: DCL to the frames' release, ms. */
  article: number;
  /** When the frames were let go, and the frames' part: release to the recording's end, ms. */
  released: number;
  frameSpan: number;
  /** The page's load (every frame loaded). */
  load: number;
  /** The article's long animation frames. */
  top: Loaf[];
  /** Each frame's long animation frames, moved into the article's clock. */
  frames: { site: string; kind: FramePage['kind']; loafs: Loaf[] }[];
  /** Frames where the extension had an isolated world (its content script ran there). */
  scripted: number;
  /** chrome-extension:// self time in the frames' processes (sampling profiler), ms. */
  cpu: number;
  /** Its last sample, ms after `load` (null: none), and whether the profile's end came right after it. */
  tail: number | null;
  cut: boolean;
  /** Heap of the article's process, and summed over the frames' processes. */
  heap: { top: HeapUse; frames: HeapUse; processes: number };
}

/** The frames row: its page, and per round a load in each arm. */
export interface FramesResult {
  title: string;
  frames: number;
  sites: number;
  /** Text nodes of the frames' bodies, and the glossary matches in them (must be 0). */
  frameTexts: number;
  frameMatches: number;
  reference: Reference;
  rounds: { with: FramesLoad; none: FramesLoad }[];
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/** Frames whose document has committed (a URL of ours) in `page`. */
const committed = (page: Page) =>
  page.frames().filter((f) => f !== page.mainFrame() && f.url().startsWith('http')).length;

/** A CDP session of one of the page's documents, and the V8 isolate it runs in. */
interface Attached {
  cdp: CDPSession;
  top: boolean;
  isolate: string;
}

/**
 * A CDP session for each document of the page that has a target of its own (the article,
 * every cross-site frame; a same-process frame shares its parent's) and its isolate id:
 * frames of one site share a process, and an isolate's figures are counted once.
 */
async function attach(context: BrowserContext, page: Page): Promise<Attached[]> {
  const one = async (frame: Frame): Promise<Attached | undefined> => {
    const top = frame === page.mainFrame();
    const cdp = await context.newCDPSession(top ? page : frame).catch(() => undefined);
    if (!cdp) return undefined;
    const { id } = (await cdp.send('Runtime.getIsolateId' as never)) as unknown as { id: string };
    return { cdp, top, isolate: id };
  };
  // Not measured: the sessions open side by side.
  const all = await Promise.all(page.frames().map(one));
  return all.filter((a): a is Attached => !!a);
}

/** The first session of each isolate. */
const perIsolate = (all: readonly Attached[]) => [
  ...new Map(all.map((a) => [a.isolate, a] as const)).values(),
];

/** Frames where the extension has an isolated world: its content script ran there. */
async function scriptedFrames(all: readonly Attached[]): Promise<number> {
  const one = async ({ cdp }: Attached) => {
    let ours = false;
    const seen = (e: { context: { origin: string } }) => {
      if (e.context.origin.startsWith('chrome-extension://')) ours = true;
    };
    cdp.on('Runtime.executionContextCreated', seen);
    // Enabling replays the contexts that exist; disabling right after stops the stream.
    await cdp.send('Runtime.enable');
    await cdp.send('Runtime.disable');
    cdp.off('Runtime.executionContextCreated', seen);
    return ours;
  };
  const found = await Promise.all(all.filter((a) => !a.top).map(one));
  return found.filter(Boolean).length;
}

async function heapOf(cdp: CDPSession): Promise<HeapUse> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const u = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    embedderHeapUsedSize?: number;
  };
  return { used: u.usedSize, embedder: u.embedderHeapUsedSize ?? 0 };
}

/** chrome-extension:// self time of a profile, ms, and its last such sample (CLOCK_MONOTONIC ms). */
function ours(profile: CpuProfile & { startTime: number }): { ms: number; last: number | null } {
  const ms = selfTimes(profile)
    .filter((f) => f.url.startsWith('chrome-extension://'))
    .reduce((n, f) => n + f.ms, 0);
  const ids = new Set(
    profile.nodes.filter((n) => n.callFrame.url.startsWith('chrome-extension://')).map((n) => n.id),
  );
  let t = profile.startTime;
  let last: number | null = null;
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    t += deltas[i] ?? 0;
    if (ids.has(id)) last = t / 1000;
  });
  return { ms, last };
}

/**
 * One fresh load of the framed article in `context`, its frames held (see FramesLoad).
 * With `idle` (the extension's arm): the article's part lasts until its scan's answer
 * and `quietMs` of quiet, the frames' part until `FRAMES_TAIL_MS` after `load` and quiet.
 * Without: each part as long as `spans` (the extension load of the round). A V8 sampling
 * profiler runs in every frame process from before the frames are let go in both arms
 * (its small cost then weighs on both alike). Then the heap of every process after two GCs.
 */
export async function sampleFrames(
  context: BrowserContext,
  server: FramesServer,
  options: {
    quietMs: number;
    idle?: (page: Page) => Promise<IdleAnswer | null>;
    /** The baseline: how long the extension load's two parts were, ms. */
    spans?: { article: number; frames: number };
  },
): Promise<FramesLoad> {
  const { idle, quietMs, spans } = options;
  const expected = server.page.frames.length;
  const page = await context.newPage();
  const sessions: CDPSession[] = [];
  server.hold();
  try {
    await page.addInitScript({ content: PROBES });
    countLoad();
    await page.goto(server.url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    const deadline = Date.now() + 60_000;
    while (committed(page) < expected || server.held() < expected) {
      if (Date.now() > deadline)
        throw new Error(`frames held: ${server.held()}, committed: ${committed(page)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    // The article's part.
    const answer = idle ? await idle(page) : null;
    const dcl = await page.evaluate(
      () =>
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
          .domContentLoadedEventEnd,
    );
    await untilQuiet(page, {
      probe: '__ab',
      quietMs,
      after: answer?.at ?? 0,
      until: spans ? dcl + spans.article : 0,
    });
    // Between the parts, nothing measured: the article is done, the frames wait.
    const attached = await attach(context, page);
    sessions.push(...attached.map((a) => a.cdp));
    const isolates = perIsolate(attached);
    const frameSessions = isolates.filter((a) => !a.top).map((a) => a.cdp);
    await Promise.all(
      frameSessions.map(async (cdp) => {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: FRAMES_SAMPLING_US });
        await cdp.send('Profiler.start');
      }),
    );
    // The frames' part.
    const released = await page.evaluate(() => performance.now());
    server.release();
    await page.waitForLoadState('load', { timeout: 120_000 });
    const load = await page.evaluate(
      () =>
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    );
    const end = await untilQuiet(page, {
      probe: '__ab',
      quietMs,
      until: spans ? released + spans.frames : load + FRAMES_TAIL_MS,
    });
    const stopped = nowMs();
    // The recording is over: what follows reads it, the processes side by side.
    const profiles = await Promise.all(
      frameSessions.map(async (cdp) => {
        const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
          profile: CpuProfile & { startTime: number };
        };
        return ours(profile);
      }),
    );
    const cpu = profiles.reduce((n, o) => n + o.ms, 0);
    const lasts = profiles.flatMap((o) => (o.last === null ? [] : [o.last]));
    const last = lasts.length ? Math.max(...lasts) : null;
    // Node's clock and the profiles' are both CLOCK_MONOTONIC; the page's `load` is
    // placed on it through the end of the recording, read in both clocks at once.
    const loadOnNode = stopped - (end - load);
    const top = await page.evaluate(() => {
      const rec = (window as unknown as { __ab: { settled: number | null; frames: Loaf[] } }).__ab;
      return { settled: rec.settled, frames: rec.frames, origin: performance.timeOrigin };
    });
    const kinds = new Map(server.page.frames.map((f) => [f.path, f]));
    const read = async (frame: Frame): Promise<FramesLoad['frames'][number] | null> => {
      const rec = await frame
        .evaluate(() => ({
          origin: performance.timeOrigin,
          frames: (window as unknown as { __frame?: { frames: Loaf[] } }).__frame?.frames ?? [],
        }))
        .catch(() => null);
      const url = new URL(frame.url());
      const f = kinds.get(url.pathname);
      if (!rec || !f) return null;
      const shift = rec.origin - top.origin;
      return {
        site: url.hostname,
        kind: f.kind,
        loafs: rec.frames.map((l) => ({
          ...l,
          start: l.start + shift,
          renderStart: l.renderStart && l.renderStart + shift,
          styleAndLayoutStart: l.styleAndLayoutStart && l.styleAndLayoutStart + shift,
        })),
      };
    };
    const frames = (
      await Promise.all(
        page
          .frames()
          .filter((f) => f !== page.mainFrame())
          .map(read),
      )
    ).filter((f): f is FramesLoad['frames'][number] => f !== null);
    // An isolated world exists once its script ran: counted now.
    const scripted = idle ? await scriptedFrames(attached) : 0;
    const zero = (): HeapUse => ({ used: 0, embedder: 0 });
    const heap = { top: zero(), frames: zero(), processes: isolates.length };
    const heaps = await Promise.all(isolates.map((s) => heapOf(s.cdp)));
    isolates.forEach((s, i) => {
      const into = s.top ? heap.top : heap.frames;
      into.used += heaps[i]!.used;
      into.embedder += heaps[i]!.embedder;
    });
    return {
      arm: idle ? 'with' : 'none',
      dcl,
      settled: top.settled,
      mentions: answer?.mentions ?? null,
      scanned: answer?.at ?? null,
      article: released - dcl,
      released,
      frameSpan: end - released,
      load,
      top: top.frames,
      frames,
      scripted,
      cpu,
      tail: last === null ? null : last - loadOnNode,
      cut: last !== null && stopped - last < CUT_MS,
      heap,
    };
  } finally {
    server.release();
    for (const cdp of sessions) await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

/** What one round's loads say: each part's long frames in both arms, and the heap added. */
export interface FramesRound {
  /** The article's part: the article's long frames, DCL → the frames' release. */
  article: { with: LoafTotals; none: LoafTotals };
  /** The frames' part: long frames of every document (frames and article), release → end. */
  frames: { with: LoafTotals; none: LoafTotals };
  heap: { top: number; frames: number; whole: number };
}

/** Long frames of `loafs` in [from, from + length] (loafIn's counting), in a load's clock. */
const within = (loafs: Loaf[], from: number, length: number) =>
  loafIn({ dcl: from, frames: loafs } as AbSample, length);

/** A round's long frames over the extension load's two parts, in both arms, and the heap added. */
export function framesRound(r: FramesResult['rounds'][number]): FramesRound {
  const { article, frameSpan } = r.with;
  const all = (s: FramesLoad) => [...s.top, ...s.frames.flatMap((f) => f.loafs)];
  const used = (s: FramesLoad) => s.heap.top.used + s.heap.frames.used;
  return {
    article: {
      with: within(r.with.top, r.with.dcl, article),
      none: within(r.none.top, r.none.dcl, article),
    },
    frames: {
      with: within(all(r.with), r.with.released, frameSpan),
      none: within(all(r.none), r.none.released, frameSpan),
    },
    heap: {
      top: r.with.heap.top.used - r.none.heap.top.used,
      frames: r.with.heap.frames.used - r.none.heap.frames.used,
      whole: used(r.with) - used(r.none),
    },
  };
}

/** The row's figures: medians over the rounds. */
export interface FramesSummary {
  rounds: number;
  articleWith: number;
  articleNone: number;
  framesWith: number;
  framesNone: number;
  framesCountWith: number;
  framesCountNone: number;
  heapTop: number;
  heapFrames: number;
  heapWhole: number;
  heapPerFrame: number;
  cpu: number;
  cpuPerFrame: number;
}

/** Medians over the rounds of the frames row's figures; per frame: over all of its frames. */
export function framesSummary(result: FramesResult): FramesSummary {
  const rounds = result.rounds.map(framesRound);
  const med = (f: (r: FramesRound) => number) => summarize(rounds.map(f)).median;
  const cpu = summarize(result.rounds.map((r) => r.with.cpu)).median;
  return {
    rounds: rounds.length,
    articleWith: med((r) => r.article.with.sum),
    articleNone: med((r) => r.article.none.sum),
    framesWith: med((r) => r.frames.with.sum),
    framesNone: med((r) => r.frames.none.sum),
    framesCountWith: med((r) => r.frames.with.count),
    framesCountNone: med((r) => r.frames.none.count),
    heapTop: med((r) => r.heap.top),
    heapFrames: med((r) => r.heap.frames),
    heapWhole: med((r) => r.heap.whole),
    heapPerFrame: med((r) => r.heap.frames) / result.frames,
    cpu,
    cpuPerFrame: cpu / result.frames,
  };
}
