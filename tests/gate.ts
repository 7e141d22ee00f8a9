// `npm test`: the one check gate. Runs every step even after a failure, so one run shows
// everything that is wrong, then prints a summary and exits non-zero if any step failed.
//
// Steps run two at a time (the machine it must fit has two cores), each as soon as what
// it needs is done: the e2e suite, the longest, starts right after the Chromium build, and
// the rest share the other lane. Each browser is built once: `build` builds Chromium and
// zips it with the sources archive; `build:firefox` builds Firefox from that archive, as
// AMO's reviewers do, and zips it; `packages` checks that every zip holds what was tested.
//
//   npm test                      every step
//   npx tsx tests/gate.ts e2e     named steps only (a step's own needs are not run)
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Step {
  name: string;
  cmd: string;
  /** Steps that make no sense after one of these failed (e2e needs the build). */
  needs?: string[];
  /** Steps to wait for, whatever their result (they use what this one checks, or the CPU). */
  after?: string[];
}

/** How many steps run at once. */
const LANES = Number(process.env.GATE_LANES) || 2;

const only = process.argv.slice(2);
const steps: Step[] = [
  // In order of priority: a step starts when a lane is free and what it needs is done.
  { name: 'content', cmd: 'npm run -s content' },
  // Chromium, built once and zipped as built, with the sources archive for AMO.
  { name: 'build', cmd: 'npx wxt zip --sources', needs: ['content'] },
  {
    name: 'e2e',
    cmd: 'PLAYWRIGHT_JSON_OUTPUT_NAME=.reports/e2e.json npx playwright test --workers=3 --reporter=list,json',
    needs: ['build'],
  },
  // Firefox, built once: from the sources archive, as AMO's reviewers build it, and zipped.
  { name: 'build:firefox', cmd: 'npx tsx tests/firefox/build-from-sources.ts', needs: ['build'] },
  // Mozilla's add-ons linter (what AMO runs on upload): zero errors and zero warnings.
  {
    name: 'lint:firefox',
    cmd: 'npx addons-linter --warnings-as-errors .output/firefox-mv3',
    needs: ['build:firefox'],
  },
  { name: 'e2e:firefox', cmd: 'npx tsx tests/firefox/smoke.ts', needs: ['build:firefox'] },
  { name: 'typecheck', cmd: 'npx tsc --noEmit -p .', needs: ['content'] },
  { name: 'lint', cmd: 'npx eslint . && npx prettier --check . --log-level warn' },
  {
    name: 'unit',
    cmd: 'npx vitest run --maxWorkers=2 --reporter=default --reporter=json --outputFile.json=.reports/vitest.json',
    needs: ['content'],
  },
  // The store packages are the builds that were tested.
  {
    name: 'packages',
    cmd: 'npx tsx tests/support/check-packages.ts',
    needs: ['build', 'build:firefox'],
    after: ['e2e', 'lint:firefox', 'e2e:firefox'],
  },
].filter((s) => !only.length || only.includes(s.name));

// Playwright empties test-results/ when it starts, so the runners' reports live apart.
rmSync('.reports', { recursive: true, force: true });
mkdirSync('.reports', { recursive: true });

interface Result {
  ok: boolean;
  seconds: number;
  skipped?: boolean;
}
const results = new Map<string, Result>();
const running = new Set<string>();
const t0 = Date.now();
const clock = () => `${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s`;

/** Runs a step with its output in .reports/<name>.log, then prints that output whole. */
function run(step: Step): Promise<void> {
  running.add(step.name);
  const log = `.reports/${step.name.replace(/:/g, '-')}.log`;
  console.log(`${clock()}  ▶ ${step.name}: ${step.cmd}`);
  const start = Date.now();
  return new Promise((done) => {
    const out = createWriteStream(log);
    const child = spawn(step.cmd, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('close', (code) => {
      out.end(() => {
        const seconds = (Date.now() - start) / 1000;
        results.set(step.name, { ok: code === 0, seconds });
        running.delete(step.name);
        console.log(`\n━━ ${step.name}: ${step.cmd}`);
        process.stdout.write(readFileSync(log, 'utf8'));
        console.log(
          `${clock()}  ${code === 0 ? '✔' : '✘'} ${step.name} (${seconds.toFixed(1)} s)\n`,
        );
        done();
      });
    });
  });
}

/** Starts every step whose turn it is; resolves when all are done. */
async function schedule(): Promise<void> {
  const names = new Set(steps.map((s) => s.name));
  const waiting = [...steps];
  const pending = new Set<Promise<void>>();
  while (waiting.length || pending.size) {
    for (const step of [...waiting]) {
      if (running.size >= LANES) break;
      const before = [...(step.needs ?? []), ...(step.after ?? [])].filter((n) => names.has(n));
      if (!before.every((n) => results.has(n))) continue;
      waiting.splice(waiting.indexOf(step), 1);
      if ((step.needs ?? []).some((n) => results.get(n)?.ok === false)) {
        results.set(step.name, { ok: false, seconds: 0, skipped: true });
        continue;
      }
      const p = run(step).then(() => void pending.delete(p));
      pending.add(p);
    }
    if (pending.size) await Promise.race(pending);
  }
}

/** Test counts from the runners' JSON reports (vitest, Playwright, the Firefox smoke test). */
function counts(): { passed: number; failed: number; skipped: number } {
  const c = { passed: 0, failed: 0, skipped: 0 };
  const read = (f: string) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : undefined);
  const v = results.has('unit') ? read('.reports/vitest.json') : undefined;
  if (v) {
    c.passed += v.numPassedTests;
    c.failed += v.numFailedTests;
    c.skipped += v.numPendingTests + v.numTodoTests;
  }
  const f = results.has('e2e:firefox') ? read('.reports/firefox.json') : undefined;
  if (f) {
    c.passed += f.passed;
    c.failed += f.failed;
  }
  const e = results.has('e2e') ? read('.reports/e2e.json') : undefined;
  if (e?.stats) {
    c.passed += e.stats.expected + e.stats.flaky;
    c.failed += e.stats.unexpected;
    c.skipped += e.stats.skipped;
  }
  return c;
}

await schedule();
console.log('━━ summary');
for (const step of steps) {
  const r = results.get(step.name)!;
  const status = r.skipped ? 'SKIP (needs an earlier step)' : r.ok ? 'ok' : 'FAILED';
  console.log(`  ${step.name.padEnd(13)} ${status.padEnd(30)} ${r.seconds.toFixed(1)} s`);
}
const failedSteps = [...results.values()].filter((r) => !r.ok).length;
const c = counts();
console.log(failedSteps ? `\nFAIL: ${failedSteps} step(s) failed` : '\nPASS: every step passed');
console.log(`tests: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
console.log(`wall time: ${((Date.now() - t0) / 1000).toFixed(1)} s (${LANES} lanes)`);
process.exit(failedSteps ? 1 : 0);
