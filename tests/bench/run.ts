/**
 * `npm run bench`: MyoLens against the limit and against mark.js, side by side, in one run.
 * Builds the extension and the in-page harness, generates the pages, drives headless
 * Chromium, prints a Markdown report and writes it with the raw samples to bench-results/.
 *
 *   npm run bench                      the full run (3 loads per generated page's row, 1 per real page's)
 *   npm run bench -- --quick           1 load per row, 2 real pages, shorter caps
 *   npm run bench -- --no-build        reuse .output/chrome-mv3
 *   npm run bench -- --pages a,c,d     only these pages (a b c d e f)
 *   npm run bench -- --no-variants     skip the experimental variants
 *   npm run bench -- --no-extension    skip the built extension (content script, popup, heap)
 *   npm run bench -- --profile         also save CPU profiles of MyoLens on (a), (b), (e)
 *   npm run bench -- --no-ab           skip the extension A/B (no extension / paint / wrap)
 *   npm run bench -- --ab-only         only the extension A/B (and the bundle sizes)
 *   npm run bench -- --ab-density section   the A/B at another density (default: all)
 *   npm run bench -- --extension DIR   measure another built extension (implies --no-build)
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright';
import { startServer } from '../e2e/server';
import {
  discardedLoad,
  freshPage,
  launchBench,
  readTexts,
  runRow,
  sampleRow,
  sampleTexts,
  Tabs,
} from './browser';
import { AFTER_IDLE_QUIET_MS, BASELINE_QUIET_MS, benchAb, setRenderer, type AbPage } from './ab';
import { FRAMES_TITLE, sampleFrames, type FramesResult } from './frames';
import { startFramesServer } from './frames-server';
import { paintInBuild } from './ab-summary';
import { bundleHarness } from './bundle';
import {
  extensionCpu,
  heapAfterGc,
  launchWithExtension,
  launchWithoutExtension,
  pageHeap,
  PROBE_SCRIPT,
  sampleExtensionPage,
  samplePopup,
  selfTimes,
  type CpuProfile,
} from './extension';
import {
  bigArticle,
  denseArticle,
  infiniteScroll,
  nestedDivs,
  noTermsArticle,
  type GeneratedPage,
} from './pages';
import { referenceCounts, type Reference } from './reference';
import { markdown } from './report';
import type { BenchResults, PageResult, RowResult } from './results';
import { benchPageScheme } from './page-scheme';
import { benchSearch } from './search';
import { bundleSizes } from './sizes';
import type { Enough, PageTexts, RowKind } from './types';
import { VARIANTS } from './variants';
import { whenIdle, type IdleAnswer } from './when-idle';
import { logPhasesTo, phase, phaseTimes } from './clock';
import {
  CHURN_PAGE,
  hugePage,
  sampleChurn,
  sampleHuge,
  type ChurnSample,
  type HugeSample,
} from './robust-timings';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = resolve(ROOT, '../shared/pages');
const OUT = join(ROOT, 'bench-results');

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
/**
 * The built extension measured: .output/chrome-mv3, or another build given with
 * `--extension DIR` (another branch's, say), which implies --no-build.
 */
const EXTENSION_DIR = value('extension')
  ? resolve(value('extension')!)
  : join(ROOT, '.output/chrome-mv3');
const QUICK = flag('quick');
const AB_ONLY = flag('ab-only');
/** Which mentions the A/B underlines: 'all' (the heaviest case, the default) or another. */
const AB_DENSITY = value('ab-density') ?? 'all';
/**
 * Fresh loads per row where a target rests on it: MyoLens and LIMIT, the A/B of (a) and
 * (f). Three: a median one outlier cannot move (five before; the spreads seen over five
 * were one outlier each, see tests/bench/README.md, "How many loads"). --quick, a smoke
 * run, takes one of every row: it shows that each row runs and agrees with its
 * reference, and a change that moved something by a lot; targets are judged on a full run.
 */
const LOADS = Number(value('loads') ?? (QUICK ? 1 : 3));
/**
 * Loads per row where no target rests on it on the generated pages: the comparison rows
 * (LIMIT2, mark.js, the variants), and the other generated pages' A/B.
 */
const SIDE_LOADS = Number(value('side-loads') ?? Math.min(LOADS, 3));
/**
 * Loads per row of a real page (d), and its A/B rounds: one. There are eleven, each
 * holding no term or one; no target rests on them, and their summary (MyoLens's work over
 * the pages) is a spread over eleven pages, not over loads of one. At three they were
 * 242 of a full run's 444 loads. --side-loads sets them too.
 */
const REAL_LOADS = Number(value('side-loads') ?? 1);
const TARGET_ROWS: readonly RowKind[] = ['limit', 'myolens'];
/**
 * When the capped mark.js mark(forms) run on a static page has enough for its estimate
 * and ends itself, at the end of a pass: its passes (one per form, each over the whole
 * page) are about equally long, so a few of them give the pace. Three passes and a second
 * in a full run (the 3 s cap held 2-6 of (a)'s), one pass and 250 ms with --quick, whose
 * figures rest on one sample anyway; or the first pass to end after the page's cap
 * (`termsCap`, the time the run used to be cut at, leaving (b) without an estimate when
 * its first pass took longer on a busy machine). The run is cut, without an estimate,
 * only `MARKJS_HARD_CAP_MS` past that.
 */
const markjsEnough = (cap: number): Enough =>
  QUICK ? { passes: 1, ms: 250, by: cap } : { passes: 3, ms: 1_000, by: cap };
const MARKJS_HARD_CAP_MS = 15_000;
const TARGET_AB = ['a', 'f'];
/** Loads of a row of a page. */
const loadsOf = (id: string, kind: RowKind) =>
  id.startsWith('d:') ? REAL_LOADS : TARGET_ROWS.includes(kind) ? LOADS : SIDE_LOADS;
/** Rounds of a page's A/B. */
const roundsOf = (id: string) =>
  id.startsWith('d:') ? REAL_LOADS : TARGET_AB.includes(id) ? LOADS : SIDE_LOADS;
const ONLY = value('pages')?.split(',');
const wants = (id: string) => !ONLY || ONLY.includes(id);
// The real pages in --quick: a big one and a health page. (A third, heise.html, a small
// German page, was 3 of --quick's loads and ~6 s; the full run has all eleven.)
const QUICK_REAL = ['wikipedia-2.html', 'medicalnewstoday.html'];

const LABELS: Record<string, string> = {
  limit: 'LIMIT: TreeWalker pass reading every text node',
  limit2: 'LIMIT2: the walk + pattern() over every text node',
  'markjs-terms': 'mark.js mark(forms), as extensions use it',
  'markjs-regexp': 'mark.js markRegExp(pattern())',
  myolens: '**MyoLens** (PageController, start() → whenIdle())',
};
const label = (kind: RowKind) =>
  LABELS[kind] ??
  `variant ${kind.slice(8)}: ${VARIANTS.find((v) => `variant:${v.name}` === kind)?.about ?? ''}`;

const RUN_VARIANTS = flag('no-variants') ? [] : VARIANTS;

/**
 * Where the MyoLens row times the hover hit-test after it settles: on (f), whose figures
 * the target reads, unless --hit-tests asks for every static page. Elsewhere no table
 * reads them, and on (a) they cost several times the row itself (caretPositionFromPoint
 * takes milliseconds there, a tenth of a millisecond on (f)).
 */
const hitTestsOn = (id: string) => flag('hit-tests') || id === 'f';

const log = (line: string) => process.stderr.write(`${line}\n`);

interface PageSpec {
  id: string;
  title: string;
  path: string;
  bytes: number;
  generated?: GeneratedPage;
  /** A generated page's reference, computed in Node during the setup. */
  reference?: Reference;
  dynamic: boolean;
  variants: boolean;
  /** Cap for the one mark.js mark(forms) run. */
  termsCap: number;
}

function generatedSpecs(): PageSpec[] {
  const specs: PageSpec[] = [];
  const add = (
    id: string,
    title: string,
    make: () => GeneratedPage,
    termsCap: number,
    dynamic = false,
  ) => {
    if (!wants(id)) return;
    const generated = make();
    specs.push({
      id,
      title,
      path: `/bench/${id}.html`,
      bytes: Buffer.byteLength(generated.html),
      generated,
      dynamic,
      variants: !flag('no-variants'),
      termsCap,
    });
  };
  // mark.js makes one pass over the page per form, each about as long as the last: the
  // row reports the whole run's time estimated from its pace, which a few forms give; the
  // cap only bounds the wait (15 s, then 8 s: 20 % and 7 % of a full run's page rows).
  // 3 s hold 2-6 passes here, and the row says how many its estimate rests on. On the
  // static pages the run ends itself once it has enough (markjsEnough); (c)'s at the cap.
  const cap = 3_000;
  add(
    'a',
    '(a) 3 MB article: 20,000 paragraphs, lists, tables, a term per ~300 words',
    () => bigArticle(),
    cap,
  );
  add('b', '(b) 100,000 text nodes in nested divs', () => nestedDivs(), cap);
  add(
    'c',
    '(c) Infinite scroll: 40 batches of 50 paragraphs appended 40 ms apart',
    () => infiniteScroll(),
    // Cut at its cap: each call's passes (over what one append added) give the pace, and
    // 1.5 s hold a few of them (a quick run's, which rests on one sample anyway).
    QUICK ? 1_500 : cap,
    true,
  );
  add(
    'e',
    '(e) No terms: 1,000 paragraphs (26,000 words), no glossary term',
    () => noTermsArticle(),
    QUICK ? 1_000 : 2_000,
  );
  add(
    'f',
    '(f) Dense 3 MB article: sections, nav, tables, figures, a term every 20–30 words',
    () => denseArticle(),
    cap,
  );
  return specs;
}

function realSpecs(): PageSpec[] {
  if (!wants('d') || !existsSync(SHARED)) return [];
  return readdirSync(SHARED)
    .filter((f) => f.endsWith('.html') && (!QUICK || QUICK_REAL.includes(f)))
    .sort()
    .map((f) => ({
      id: `d:${f}`,
      title: `(d) ${f}`,
      path: `/shared/${f}`,
      bytes: statSync(join(SHARED, f)).size,
      dynamic: false,
      variants: false,
      termsCap: QUICK ? 1_000 : 2_000,
    }));
}

function referenceOf(g: GeneratedPage): Reference {
  const all = [...g.texts, ...(g.batches ?? []).flatMap((b) => b.texts)];
  const markable = [...g.markable, ...(g.batches ?? []).flatMap((b) => b.markable)];
  return referenceCounts(all, markable);
}

/** Rows in a different order on each load, so no row always runs first or last. */
const rotate = <T>(list: readonly T[], by: number) =>
  list.map((_, i) => list[(i + by) % list.length]!);

async function benchPage(
  tabs: Tabs,
  origin: string,
  harness: string,
  spec: PageSpec,
): Promise<PageResult> {
  const url = origin + spec.path;
  const section = spec.generated ? 'seeded pages' : 'real pages';
  let reference: Reference | undefined = spec.reference;
  const readReference = (t: PageTexts) =>
    (reference ??= referenceCounts(t.all, t.markable, t.bodyText));
  const kinds: RowKind[] = ['limit', 'limit2', 'markjs-regexp', 'myolens'];
  if (spec.variants) kinds.push(...RUN_VARIANTS.map((v) => `variant:${v.name}`));
  const rows = new Map<RowKind, RowResult>(
    ['markjs-terms', ...kinds].map((k) => [k, { kind: k, label: label(k), samples: [] }]),
  );
  const terms = rows.get('markjs-terms')!.samples;
  /**
   * On the load of LIMIT's last sample, once its row is done: a real page's text nodes
   * for the reference, then the one capped mark.js mark(forms) run. LIMIT only reads the
   * page (it leaves the JS wrappers of the text nodes made, tens of ms on a 3 MB page,
   * against mark.js's hundreds of ms to seconds per pass), so both find the page as a
   * load of their own would, without one of their own: it was five loads of a 3 MB page
   * in every run.
   */
  // (c)'s run goes on through the page's appends: its cap, not a count of passes, ends it.
  const enough = spec.dynamic ? undefined : markjsEnough(spec.termsCap);
  const termsCap = enough ? spec.termsCap + MARKJS_HARD_CAP_MS : spec.termsCap;
  const afterLimit = async (page: Page) => {
    if (!reference) readReference(await readTexts(page));
    phase('mark.js mark(forms), capped', spec.id);
    terms.push(await runRow(tabs.context, page, 'markjs-terms', termsCap, false, enough));
    phase(section, `${spec.id}, after mark.js`);
  };
  const most = Math.max(...kinds.map((k) => loadsOf(spec.id, k)));
  for (let load = 0; load < most; load++) {
    const now = kinds.filter((k) => loadsOf(spec.id, k) > load);
    for (const kind of rotate(now, load)) {
      const last = kind === 'limit' && load === loadsOf(spec.id, kind) - 1;
      const sample = await sampleRow(
        tabs,
        url,
        harness,
        kind,
        60_000,
        hitTestsOn(spec.id),
        last ? afterLimit : undefined,
      );
      rows.get(kind)!.samples.push(sample);
      log(
        `  ${spec.id} ${kind} #${load + 1}: total ${sample.total.toFixed(1)} ms, work ${sample.work.toFixed(1)} ms, marks ${sample.marks}` +
          (sample.cost ? ` (load ${sample.cost.load} ms, row ${sample.cost.run} ms)` : ''),
      );
    }
  }
  // A LIMIT row that threw or hit its cap served neither: each then has a load of its own.
  if (!terms.length) {
    phase('mark.js mark(forms), capped', spec.id);
    terms.push(
      await sampleRow(tabs, url, harness, 'markjs-terms', termsCap, false, undefined, enough),
    );
  }
  const t = terms[0]!;
  log(`  ${spec.id} markjs-terms: ${t.capped ? 'capped' : t.total.toFixed(0) + ' ms'}`);
  const read: Reference = reference ?? readReference(await sampleTexts(tabs, url, harness));
  const order: RowKind[] = [
    'limit',
    'limit2',
    'markjs-terms',
    'markjs-regexp',
    'myolens',
    ...kinds.slice(4),
  ];
  return {
    id: spec.id,
    title: spec.title,
    bytes: spec.bytes,
    reference: read,
    dynamic: spec.dynamic,
    rows: order.map((k) => rows.get(k)!),
  };
}

/** A CPU profile of one MyoLens row; prints the functions with the most self time. */
async function profileRow(tabs: Tabs, url: string, harness: string, name: string): Promise<void> {
  const page = await freshPage(tabs, url);
  try {
    await page.evaluate(harness);
    const cdp = await tabs.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const sample = await page.evaluate(() => window.__bench.run('myolens'));
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    writeFileSync(join(OUT, `profile-${name}.cpuprofile`), JSON.stringify(profile));
    const byName = new Map<string, number>();
    for (const f of selfTimes(profile as CpuProfile))
      byName.set(f.name, (byName.get(f.name) ?? 0) + f.ms);
    const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25);
    log(
      `\nProfile of MyoLens on ${name} (total ${sample.total.toFixed(0)} ms, work ${sample.work.toFixed(0)} ms), self time:`,
    );
    for (const [fn, t] of top) log(`  ${t.toFixed(1).padStart(8)} ms  ${fn}`);
  } finally {
    tabs.close(page);
  }
}

function git(cmd: string): string {
  const r = spawnSync('git', cmd.split(' '), { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
}

/** `npm run build`, in a child process; rejects with its output when it fails. */
function build(): Promise<void> {
  log('Building the extension (npm run build)…');
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'build'], { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve();
      process.stderr.write(output);
      reject(new Error('npm run build failed'));
    });
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  mkdirSync(OUT, { recursive: true });
  const notes: string[] = [];
  logPhasesTo(log);
  // Nothing is measured until the build is done, so everything that needs no build runs
  // beside it, on the machine's second core: the pages and their references (in this
  // process), the server, the benchmark browser and the A/B's profile without the
  // extension, each with its one discarded load, and the profile with the extension once
  // the build is there. Their modules were loaded before the build regenerates
  // content/generated; the harness, which bundles it, waits for it.
  phase('setup', 'build ‖ pages and references, server, browsers and their discarded loads');
  const t0 = Date.now();
  const at = (what: string) =>
    log(`  setup: ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const built = (flag('no-build') || flag('extension') ? Promise.resolve() : build()).then(() =>
    at('build done'),
  );
  // Awaited below; a failure must not surface as an unhandled rejection before that.
  built.catch(() => undefined);
  const benchLaunch = launchBench();
  const wantsAb = !flag('no-ab') && (AB_ONLY || !flag('no-extension'));
  const withoutLaunch = wantsAb ? launchWithoutExtension(EXTENSION_DIR) : undefined;
  withoutLaunch?.catch(() => undefined);
  log('Generating pages…');
  const specs = [...generatedSpecs(), ...realSpecs()];
  const server = await startServer([{ prefix: '/shared/', dir: SHARED }]);
  for (const s of specs) if (s.generated) server.route(s.path, { body: s.generated.html });
  const origin = server.origin;
  const first = specs[0] ? origin + specs[0].path : undefined;
  const { browser, context } = await benchLaunch;
  const tabs = new Tabs(context);
  at('pages and the benchmark browser ready');
  // One discarded load per browser: the first page of a browser pays for its caches,
  // which is load time, not a row's figure (three fresh browsers each: the first (a)
  // took 3.4-3.9 s cold, 2.6-2.8 after a discarded (e), 2.3 after (a); LIMIT on it
  // 75-85 ms in all three). So the benchmark browser's is the small (e), the A/B's
  // baseline profile's (whose loads are measured from DOMContentLoaded) its first page.
  // The server that answers them runs in this process: the references, seconds of it,
  // wait until the pages are received, and then run while the browsers lay them out.
  const small = specs.find((s) => s.id === 'e') ?? specs[0];
  /** A promise of a discarded page's body received, and what settles it. */
  const body = () => {
    let got: (b: Promise<unknown>) => void = () => undefined;
    return {
      received: new Promise<unknown>((r) => (got = r)),
      got: (b: Promise<unknown>) => got(b),
    };
  };
  const bench = body();
  const base = body();
  const warmed = Promise.all([
    small ? discardedLoad(tabs, origin + small.path, bench.got) : bench.got(Promise.resolve()),
    first && withoutLaunch
      ? withoutLaunch.then((w) => discardedLoad(w.context, first, base.got))
      : base.got(Promise.resolve()),
  ]).then(() => at('discarded loads done'));
  // A load that fails before its page is requested must not leave this waiting.
  await Promise.race([Promise.all([bench.received, base.received]), warmed]);
  at('discarded pages received');
  log('References of the generated pages…');
  for (const s of specs) if (s.generated) s.reference = referenceOf(s.generated);
  at('references ready');
  await built;
  // Our own copy: other work on this checkout may rebuild .output while we measure.
  const extensionDir = existsSync(join(EXTENSION_DIR, 'manifest.json'))
    ? join(mkdtempSync(join(tmpdir(), 'myolens-bench-ext-')), 'chrome-mv3')
    : undefined;
  if (extensionDir) cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  // The profile with the extension, for its rows, the A/B and the frames: launched now,
  // beside the harness's bundling, and idle until its rows
  // (Playwright's attachment keeps its service worker alive: none stopped in 45 s). The
  // extension rows are its first loads, as before; with --ab-only, a discarded load
  // comes first, as for the other profile.
  const extLaunch =
    extensionDir && (AB_ONLY || !flag('no-extension'))
      ? launchWithExtension(extensionDir).then(async (e) => {
          if (AB_ONLY && first) await discardedLoad(e.context, first);
          return e;
        })
      : undefined;
  extLaunch?.catch(() => undefined);
  log('Bundling the in-page harness (esbuild, IIFE)…');
  const harness = await bundleHarness(ROOT);
  at('harness bundled');
  await warmed;
  const without = await withoutLaunch;
  const ext = await extLaunch;
  at('profile with the extension ready');
  const results: BenchResults = {
    meta: {
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      commit:
        git('rev-parse --short HEAD') +
        (git('status --porcelain') ? ' (+ uncommitted changes)' : ''),
      chromium: browser.version(),
      node: process.version,
      cpus: `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'})`,
      loads: LOADS,
      quick: QUICK,
      seconds: 0,
    },
    pages: [],
    notes,
  };
  try {
    if (AB_ONLY) {
      if (!extensionDir || !ext)
        throw new Error('--ab-only needs a built extension in .output/chrome-mv3');
      results.ab = await runAb(extensionDir, tabs, origin, harness, specs, [], without!, ext);
    } else {
      const route = (path: string, body: string) => {
        server.route(path, { body });
        return origin + path;
      };
      await benchAll(results, tabs, origin, harness, specs, extensionDir, route, without, ext);
    }
  } finally {
    await tabs.dispose().catch(() => undefined);
    await browser.close();
    await without?.close();
    await ext?.close();
    await server.close();
  }
  await finish(results, started, extensionDir);
}

/** Every row but the A/B's: the in-page rows, anatomy, profiles, the built extension. */
async function benchAll(
  results: BenchResults,
  tabs: Tabs,
  origin: string,
  harness: string,
  specs: PageSpec[],
  extensionDir: string | undefined,
  route: (path: string, body: string) => string,
  without: Profile | undefined,
  ext: Extension | undefined,
): Promise<void> {
  const notes = results.notes;
  for (const spec of specs) {
    log(`${spec.title}`);
    phase(spec.generated ? 'seeded pages' : 'real pages', spec.id);
    results.pages.push(await benchPage(tabs, origin, harness, spec));
  }
  phase('anatomy, colour walk', 'anatomy of start(), the heap without the extension first');
  results.anatomy = [];
  // The extension's heap rows compare (a) and (e) with and without it. Without: read on
  // these loads, before the harness is evaluated, the page as the benchmark browser
  // loaded it (a load of its own, 300 ms after its two frames, was two loads of a run,
  // one of 3 MB). Two forced GCs of a fresh page without scripts leave the cold start
  // the anatomy times as it was: nothing of ours has run there yet.
  const readHeap = !flag('no-extension') && !!extensionDir;
  const heapWithout = new Map<string, Heap[]>();
  for (const id of ['a', 'e']) {
    const spec = specs.find((s) => s.id === id);
    if (!spec) continue;
    const steps = new Map<string, number[]>();
    for (let i = 0; i < (QUICK ? 1 : 3); i++) {
      const page = await freshPage(tabs, origin + spec.path);
      if (readHeap)
        heapWithout.set(id, [
          ...(heapWithout.get(id) ?? []),
          await heapAfterGc(tabs.context, page),
        ]);
      await page.evaluate(harness);
      for (const s of await page.evaluate(() => window.__bench.anatomy()))
        steps.set(s.step, [...(steps.get(s.step) ?? []), s.ms]);
      tabs.close(page);
    }
    results.anatomy.push({ page: id, steps: [...steps].map(([step, ms]) => ({ step, ms })) });
  }
  if (flag('profile')) {
    phase('CPU profiles (--profile)');
    for (const id of ['a', 'b', 'e']) {
      const spec = specs.find((s) => s.id === id);
      if (spec) await profileRow(tabs, origin + spec.path, harness, id);
    }
  }

  phase('anatomy, colour walk', "tooltip's colour walk");
  log("The tooltip's colour walk…");
  await tabs.settle();
  results.pageScheme = await benchPageScheme(tabs.context, ROOT, route);

  if (flag('no-extension')) return;
  if (!extensionDir || !ext) {
    notes.push('No built extension in .output/chrome-mv3: its rows were skipped.');
    return;
  }
  // From here on page loads are measured: no tab of the bench browser stays open.
  await tabs.dispose();
  log('The built extension…');
  // One profile with the extension for its rows, the A/B's extension arms and the frames.
  results.extension = await benchExtension(
    ext,
    extensionDir,
    tabs.context,
    origin,
    specs,
    results.pages,
    route,
    heapWithout,
  );
  if (without)
    results.ab = await runAb(
      extensionDir,
      tabs,
      origin,
      harness,
      specs,
      results.pages,
      without,
      ext,
    );
}

/** Search in Node, bundle sizes, then the report and the raw samples to bench-results/. */
async function finish(
  results: BenchResults,
  started: number,
  extensionDir: string | undefined,
): Promise<void> {
  if (!AB_ONLY) {
    phase('search per keystroke (Node)');
    log('Search per keystroke (Node)…');
    results.search = await benchSearch(ROOT);
  }
  if (extensionDir) {
    phase('bundle sizes');
    results.sizes = bundleSizes(extensionDir);
    rmSync(resolve(extensionDir, '..'), { recursive: true, force: true });
  }
  phase();
  results.meta.seconds = (Date.now() - started) / 1000;
  results.meta.phases = phaseTimes();

  const md = markdown(results);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  writeFileSync(join(OUT, `bench-${stamp}.json`), JSON.stringify(results, null, 1));
  writeFileSync(join(OUT, 'latest.json'), JSON.stringify(results, null, 1));
  writeFileSync(join(OUT, 'latest.md'), md);
  process.stdout.write(md);
  log(`\nWrote bench-results/bench-${stamp}.json, latest.json and latest.md.`);
}

// The A/B's pages: the targets' pages first, then the rest in the order they were generated.
const AB_FIRST = ['a', 'f', 'b'];

/**
 * The extension A/B on every page: no extension / paint / wrap, `LOADS` rounds each, in
 * two profiles open side by side. References come from the page rows when they ran.
 */
async function runAb(
  extensionDir: string,
  tabs: Tabs,
  origin: string,
  harness: string,
  specs: PageSpec[],
  pages: PageResult[],
  without: Profile,
  ext: Extension,
): Promise<NonNullable<BenchResults['ab']>> {
  phase('A/B', 'references');
  log('Extension A/B: no extension, renderer paint, renderer wrap…');
  const order = [
    ...AB_FIRST.flatMap((id) => specs.filter((s) => s.id === id)),
    ...specs.filter((s) => !AB_FIRST.includes(s.id)),
  ];
  const abPages: AbPage[] = [];
  for (const spec of order) {
    const url = origin + spec.path;
    const reference: Reference =
      pages.find((p) => p.id === spec.id)?.reference ??
      spec.reference ??
      (await sampleTexts(tabs, url, harness).then((t) =>
        referenceCounts(t.all, t.markable, t.bodyText),
      ));
    abPages.push({ id: spec.id, title: spec.title, url, reference });
  }
  // Both profiles have loaded a page: a discarded load during the build (the one without
  // the extension, and the one with it under --ab-only), or the extension rows.
  const results = await benchAb(
    { with: ext.context, without: without.context, extensionDir },
    abPages,
    (page) => roundsOf(page.id),
    log,
    AB_DENSITY,
    (page) => phase('A/B', page.id),
  );
  const frames = wants('g') ? await benchFrames(ext, without, extensionDir) : undefined;
  return { pages: results, paintInBuild: paintInBuild(results), frames };
}

/**
 * The frames row: the framed article with the extension (renderer paint, the A/B's
 * density) and without it, `LOADS` rounds; each round the extension's load first, then
 * the baseline over the same two parts (the article's, then the frames').
 */
async function benchFrames(
  ext: Extension,
  without: Profile,
  extensionDir: string,
): Promise<FramesResult> {
  phase('frames', 'server, settings, references');
  log(
    'The framed article: 30 cross-site frames around an article, with and without the extension…',
  );
  const server = await startFramesServer();
  try {
    const page = server.page;
    const frameTexts = page.frames.flatMap((f) => f.texts);
    const result: FramesResult = {
      title: FRAMES_TITLE,
      frames: page.frames.length,
      sites: new Set(page.frames.map((f) => f.site)).size,
      frameTexts: frameTexts.length,
      frameMatches: referenceCounts(frameTexts, frameTexts).matches,
      reference: referenceOf(page),
      rounds: [],
    };
    await setRenderer(ext.context, extensionDir, 'paint', AB_DENSITY);
    const idle = (p: Page) => whenIdle(ext.context, extensionDir, p);
    const mb = (b: number) => (b / 1048576).toFixed(2);
    for (let i = 0; i < LOADS; i++) {
      phase('frames', `round ${i + 1}`);
      const withExt = await sampleFrames(ext.context, server, {
        quietMs: AFTER_IDLE_QUIET_MS,
        idle,
      });
      const none = await sampleFrames(without.context, server, {
        quietMs: BASELINE_QUIET_MS,
        spans: { article: withExt.article, frames: withExt.frameSpan },
      });
      result.rounds.push({ with: withExt, none });
      log(
        `  frames #${i + 1}: article part ${withExt.article.toFixed(0)} ms (${withExt.mentions} mentions, scan idle ${withExt.scanned === null ? '—' : (withExt.scanned - withExt.dcl).toFixed(0)} ms after DCL), frames' part ${withExt.frameSpan.toFixed(0)} ms; ` +
          `content script in ${withExt.scripted}/${result.frames} frames, ${withExt.cpu.toFixed(1)} ms CPU there ` +
          `(last ${withExt.tail === null ? '—' : withExt.tail.toFixed(0) + ' ms after load'}${withExt.cut ? ', cut' : ''}); ` +
          `heap with/without: article ${mb(withExt.heap.top.used)}/${mb(none.heap.top.used)} MB, ` +
          `frames ${mb(withExt.heap.frames.used)}/${mb(none.heap.frames.used)} MB`,
      );
    }
    return result;
  } finally {
    await server.close();
  }
}

/** A page's heap after two forced GCs, as heapAfterGc reads it. */
type Heap = Awaited<ReturnType<typeof heapAfterGc>>;
/** A profile with the built extension, as launchWithExtension opens it. */
type Extension = Awaited<ReturnType<typeof launchWithExtension>>;
/** The A/B's profile without the extension, as launchWithoutExtension opens it. */
type Profile = Awaited<ReturnType<typeof launchWithoutExtension>>;

/** Content script on real loads, its CPU on the no-terms page, heap, the popup, robust-b's timings. */
async function benchExtension(
  ext: Extension,
  extensionDir: string,
  benchContext: BrowserContext,
  origin: string,
  specs: PageSpec[],
  pages: PageResult[],
  route: (path: string, body: string) => string,
  heapWithout: ReadonlyMap<string, Heap[]>,
): Promise<NonNullable<BenchResults['extension']>> {
  const out: NonNullable<BenchResults['extension']> = { pages: [] };
  const loads = QUICK ? 1 : 2;
  const idle = (page: Page) => whenIdle(ext.context, extensionDir, page);
  phase('built extension', 'content script loads (heap read on a, e)');
  const tab = new Tabs(ext.context, PROBE_SCRIPT);
  for (const id of ['a', 'b', 'e', 'f', 'd:wikipedia-2.html']) {
    const spec = specs.find((s) => s.id === id);
    const page = pages.find((p) => p.id === id);
    if (!spec || !page) continue;
    const samples = [];
    for (let i = 0; i < loads; i++) {
      const s = await sampleExtensionPage(tab, origin + spec.path, {
        heap: id === 'a' || id === 'e',
        idle,
        quietMs: AFTER_IDLE_QUIET_MS,
      });
      log(
        `  extension ${id} #${i + 1}: first mark ${s.firstMark === null ? '—' : (s.firstMark - s.dcl).toFixed(0)} ms after DCL, marks ${s.marks}`,
      );
      samples.push(s);
    }
    out.pages.push({ id, title: spec.title, reference: page.reference, samples });
  }
  await tab.dispose();
  const noTerms = specs.find((s) => s.id === 'e');
  if (noTerms) {
    phase('built extension', 'content script CPU, no-terms page');
    out.noTermsCpu = [];
    for (let i = 0; i < loads; i++)
      out.noTermsCpu.push(await extensionCpu(ext.context, origin + noTerms.path, idle));
  }
  phase('heap', 'the same pages without the extension');
  out.heap = [];
  for (const p of out.pages) {
    const withExt = p.samples.flatMap((s) => (s.heap ? [s.heap] : []));
    const spec = specs.find((s) => s.id === p.id);
    if (!withExt.length || !spec) continue;
    // The same page in the benchmark browser, which has no extension: read on the
    // anatomy's loads, else on a load of its own.
    const without = heapWithout.get(p.id) ?? [
      await pageHeap(benchContext, origin + spec.path, 300),
    ];
    out.heap.push({
      page: p.title,
      without: without.map((h) => h.used),
      with: withExt.map((h) => h.used),
      embedderWithout: without.flatMap((h) => (h.embedder === null ? [] : [h.embedder])),
      embedderWith: withExt.flatMap((h) => (h.embedder === null ? [] : [h.embedder])),
    });
  }
  phase('built extension', 'popup');
  const cold = await samplePopup(ext.context, ext.extensionId);
  const warm = [];
  // Five (two with --quick) whatever the page rows take: a target rests on them, and a
  // popup load is cheap (a page of our own, no 3 MB).
  const popups = Number(value('loads') ?? (QUICK ? 2 : 5));
  for (let i = 0; i < popups; i++) warm.push(await samplePopup(ext.context, ext.extensionId));
  out.popup = { cold, warm };
  log(`  popup: search box at ${warm.map((w) => w.input?.toFixed(0)).join(', ')} ms`);
  phase('robust-b timings', 'settings');
  log('The timings moved from e2e (robust-b 7 and 11)…');
  out.robust = await benchRobust(ext.context, extensionDir, route, idle);
  return out;
}

/**
 * The two timings moved out of e2e (robust-b 7 and 11), in the extension's profile with
 * the settings that spec stored: renderer 'wrap', density 'all'. Last in the profile's
 * use, since they change its settings.
 */
async function benchRobust(
  context: BrowserContext,
  extensionDir: string,
  route: (path: string, body: string) => string,
  idle: (page: Page) => Promise<IdleAnswer | null>,
): Promise<NonNullable<NonNullable<BenchResults['extension']>['robust']>> {
  await setRenderer(context, extensionDir, 'wrap', 'all');
  const churnUrl = route('/bench/robust-churn.html', CHURN_PAGE);
  const hugeUrl = route('/bench/robust-huge.html', hugePage());
  phase('robust-b timings', 'churn page');
  const churn: ChurnSample[] = [];
  for (let i = 0; i < (QUICK ? 1 : 3); i++) {
    const s = await sampleChurn(context, churnUrl);
    churn.push(s);
    log(
      `  churn #${i + 1}: click → frame ${s.latencies.map(Math.round).join(', ')} ms; ${s.mutations} mutations, ${s.inserted} marks inserted (${s.tickerMarks} in the ticker)`,
    );
  }
  phase('robust-b timings', 'huge page');
  const huge: HugeSample[] = [];
  for (let i = 0; i < (QUICK ? 1 : 2); i++) {
    const s = await sampleHuge(context, hugeUrl, idle);
    huge.push(s);
    log(
      `  huge #${i + 1}: ${s.marks} marks, longest extension script in a long frame ${s.ours.toFixed(1)} ms, profiled ${s.profiled.toFixed(1)} ms; click → frame ${s.latencies.map(Math.round).join(', ')} ms`,
    );
  }
  return { churn, huge };
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
