/**
 * The sources archive AMO asks for must rebuild the Firefox package exactly: reviewers
 * unpack it, run `npm ci && npm run build:firefox` and compare with what was submitted.
 * This does the same with .output/<name>-<version>-sources.zip and -firefox.zip (made by
 * `npm run zip`) in a temporary folder, and checks the archive holds no build output,
 * dependencies or tests, and a README that says how to build.
 *
 *   npm run zip && npx tsx tests/firefox/check-sources.ts
 */
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
/** What has no place in the sources archive (WXT's default excludes plus ours). */
const FORBIDDEN = /^(node_modules|\.output|\.wxt|test-results|tests|content\/generated)\/|\.log$/;
/** The README must tell reviewers these commands. */
const BUILD_STEPS = ['npm ci', 'npm run build:firefox'];

/** Every file under `dir`, as paths relative to it. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .sort();
}

function unzip(zip: string, into: string): void {
  execFileSync('unzip', ['-q', zip, '-d', into]);
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const base = join(ROOT, '.output', `${pkg.name}-${pkg.version}`);
const work = mkdtempSync(join(tmpdir(), 'myolens-sources-'));
const problems: string[] = [];
const t0 = Date.now();
try {
  const src = join(work, 'src');
  const submitted = join(work, 'package');
  unzip(`${base}-sources.zip`, src);
  unzip(`${base}-firefox.zip`, submitted);

  const sources = files(src);
  for (const f of sources.filter((f) => FORBIDDEN.test(f))) problems.push(`archived: ${f}`);
  const readme = readFileSync(join(src, 'README.md'), 'utf8');
  for (const step of BUILD_STEPS) {
    if (!readme.includes(step)) problems.push(`README.md does not say \`${step}\``);
  }
  console.log(`sources archive: ${sources.length} files; rebuilding in ${src}`);

  const run = (cmd: string) => execSync(cmd, { cwd: src, stdio: ['ignore', 'ignore', 'inherit'] });
  run('npm ci --no-audit --no-fund --prefer-offline');
  run('npm run -s build:firefox');

  const rebuilt = join(src, '.output/firefox-mv3');
  const want = files(submitted);
  const got = files(rebuilt);
  for (const f of want.filter((f) => !got.includes(f))) problems.push(`not rebuilt: ${f}`);
  for (const f of got.filter((f) => !want.includes(f))) problems.push(`not submitted: ${f}`);
  for (const f of want.filter((f) => got.includes(f))) {
    if (!readFileSync(join(submitted, f)).equals(readFileSync(join(rebuilt, f)))) {
      problems.push(`differs: ${relative(work, join(rebuilt, f))}`);
    }
  }
  console.log(`rebuilt ${got.length} files, compared with the ${want.length} submitted`);
} catch (err) {
  problems.push(err instanceof Error ? err.message : String(err));
} finally {
  rmSync(work, { recursive: true, force: true });
}
const seconds = ((Date.now() - t0) / 1000).toFixed(1);
if (problems.length) {
  console.error(`sources archive: FAILED (${seconds} s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`sources archive: rebuilds the Firefox package byte for byte (${seconds} s)`);
