// `npm test`: the one check gate. Runs every step even after a failure, so one run shows
// everything that is wrong, then prints a summary and exits non-zero if any step failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Step {
  name: string;
  cmd: string;
  /** Steps that make no sense after this one failed (e2e needs the build). */
  needs?: string;
}

const only = process.argv.slice(2);
const steps: Step[] = [
  { name: 'content', cmd: 'npm run -s content' },
  { name: 'typecheck', cmd: 'npx tsc --noEmit -p .', needs: 'content' },
  { name: 'lint', cmd: 'npx eslint . && npx prettier --check . --log-level warn' },
  {
    name: 'unit',
    cmd: 'npx vitest run --reporter=default --reporter=json --outputFile.json=.reports/vitest.json',
    needs: 'content',
  },
  { name: 'build', cmd: 'npx wxt build', needs: 'content' },
  { name: 'build:firefox', cmd: 'npx wxt build -b firefox', needs: 'content' },
  // Mozilla's add-ons linter (what AMO runs on upload): zero errors and zero warnings.
  {
    name: 'lint:firefox',
    cmd: 'npx addons-linter --warnings-as-errors .output/firefox-mv3',
    needs: 'build:firefox',
  },
  {
    name: 'e2e',
    cmd: 'PLAYWRIGHT_JSON_OUTPUT_NAME=.reports/e2e.json npx playwright test --reporter=list,json',
    needs: 'build',
  },
  { name: 'e2e:firefox', cmd: 'npx tsx tests/firefox/smoke.ts', needs: 'build:firefox' },
  // The store packages, and the sources archive rebuilt as AMO's reviewers do.
  {
    name: 'zip',
    cmd: 'npx wxt zip && npx wxt zip -b firefox && npx tsx tests/firefox/check-sources.ts',
    needs: 'content',
  },
].filter((s) => !only.length || only.includes(s.name));

// Playwright empties test-results/ when it starts, so the runners' reports live apart.
rmSync('.reports', { recursive: true, force: true });
mkdirSync('.reports', { recursive: true });
const results = new Map<string, { ok: boolean; seconds: number; skipped?: boolean }>();
for (const step of steps) {
  if (step.needs && results.get(step.needs)?.ok === false) {
    results.set(step.name, { ok: false, seconds: 0, skipped: true });
    continue;
  }
  console.log(`\n━━ ${step.name}: ${step.cmd}`);
  const t0 = Date.now();
  const r = spawnSync(step.cmd, { shell: true, stdio: 'inherit' });
  results.set(step.name, { ok: r.status === 0, seconds: (Date.now() - t0) / 1000 });
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

console.log('\n━━ summary');
for (const [name, r] of results) {
  const status = r.skipped ? 'SKIP (needs an earlier step)' : r.ok ? 'ok' : 'FAILED';
  console.log(`  ${name.padEnd(13)} ${status.padEnd(30)} ${r.seconds.toFixed(1)} s`);
}
const failedSteps = [...results.values()].filter((r) => !r.ok).length;
const c = counts();
console.log(failedSteps ? `\nFAIL: ${failedSteps} step(s) failed` : '\nPASS: every step passed');
console.log(`tests: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
process.exit(failedSteps ? 1 : 0);
