/**
 * The gate's one Firefox build, made as AMO's reviewers make it: from the sources archive.
 * `wxt zip --sources` (the gate's Chromium build) writes .output/<name>-<version>-sources.zip;
 * this unpacks it in a temporary folder, installs the dependencies of its lock file and runs the build there, and makes the
 * result the package: .output/firefox-mv3 (what lint:firefox and e2e:firefox test) and
 * .output/<name>-<version>-firefox.zip (what is submitted). So the archive rebuilds the
 * submitted package by construction, and Firefox is built once per gate instead of three
 * times (build:firefox, `wxt zip -b firefox`, the reviewers' rebuild).
 *
 * The build is `npm run build:firefox` with WXT's zip added: its `content` step, then
 * `wxt zip -b firefox`, which runs the very build `wxt build -b firefox` runs and zips its
 * output (wxt/dist/core/zip.mjs: internalBuild(), then zipDir(outDir)). The script checks
 * that `build:firefox` is still those two steps, that the archive holds no build output,
 * dependencies or tests, and that its README tells reviewers how to build.
 *
 *   npx wxt zip --sources && npx tsx tests/firefox/build-from-sources.ts
 */
import { execFileSync, execSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
/** What has no place in the sources archive (WXT's default excludes plus ours). */
const FORBIDDEN = /^(node_modules|\.output|\.wxt|test-results|tests|content\/generated)\/|\.log$/;
/** The README must tell reviewers these commands. */
const BUILD_STEPS = ['npm ci', 'npm run build:firefox'];
/** What `npm run build:firefox` must stay: this script runs its steps, with the zip added. */
const BUILD_FIREFOX = 'npm run -s content && wxt build -b firefox';

/** Every file under `dir`, as paths relative to it. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .sort();
}

/**
 * Whether ROOT/node_modules is exactly what `npm ci` makes from the archive's lock file:
 * the archive's package.json and package-lock.json equal ROOT's, and npm's record of the
 * installed tree (node_modules/.package-lock.json) agrees with that lock package by
 * package. Anything else (a hand-installed package, a stale tree) gets a real `npm ci`.
 */
function installedFromSameLock(src: string): boolean {
  const same = (f: string) =>
    existsSync(join(ROOT, f)) && readFileSync(join(ROOT, f)).equals(readFileSync(join(src, f)));
  const hidden = join(ROOT, 'node_modules/.package-lock.json');
  if (!same('package.json') || !same('package-lock.json') || !existsSync(hidden)) return false;
  type Entry = { version?: string; optional?: boolean; devOptional?: boolean; link?: boolean };
  const lock: Record<string, Entry> = JSON.parse(
    readFileSync(join(src, 'package-lock.json'), 'utf8'),
  ).packages;
  const installed: Record<string, Entry> = JSON.parse(readFileSync(hidden, 'utf8')).packages;
  for (const [path, entry] of Object.entries(installed)) {
    if (lock[path]?.version !== entry.version) return false;
  }
  for (const [path, entry] of Object.entries(lock)) {
    // npm leaves out optional packages for other platforms; everything else must be there.
    if (path && !entry.optional && !entry.devOptional && !installed[path]) return false;
  }
  return true;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const name = `${pkg.name}-${pkg.version}`;
const output = join(ROOT, '.output');
const work = mkdtempSync(join(tmpdir(), 'myolens-sources-'));
const problems: string[] = [];
const t0 = Date.now();
// Nothing of an earlier build may pass for this one.
rmSync(join(output, 'firefox-mv3'), { recursive: true, force: true });
rmSync(join(output, `${name}-firefox.zip`), { force: true });
try {
  if (pkg.scripts['build:firefox'] !== BUILD_FIREFOX)
    throw new Error(
      `package.json's build:firefox is not \`${BUILD_FIREFOX}\`: update tests/firefox/build-from-sources.ts to build as it does`,
    );
  const src = join(work, 'src');
  execFileSync('unzip', ['-q', join(output, `${name}-sources.zip`), '-d', src]);

  const sources = files(src);
  for (const f of sources.filter((f) => FORBIDDEN.test(f))) problems.push(`archived: ${f}`);
  const readme = readFileSync(join(src, 'README.md'), 'utf8');
  for (const step of BUILD_STEPS) {
    if (!readme.includes(step)) problems.push(`README.md does not say \`${step}\``);
  }
  console.log(`sources archive: ${sources.length} files; building in ${src}`);

  const run = (cmd: string) => execSync(cmd, { cwd: src, stdio: ['ignore', 'ignore', 'inherit'] });
  const reuse = installedFromSameLock(src);
  if (reuse) {
    // `npm ci` from this very lock file already ran in ROOT (a clean clone's CI does it
    // first): hard-link that install instead of doing it again, then run what npm ci's
    // postinstall runs. Only files are linked; nothing the build writes reaches ROOT.
    execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(src, 'node_modules')]);
    run('npx wxt prepare');
  } else {
    run('npm ci --no-audit --no-fund --prefer-offline');
  }
  console.log(
    reuse
      ? 'dependencies: the install of the identical package-lock.json, hard-linked'
      : 'dependencies: npm ci',
  );
  run('npm run -s content');
  run('npx wxt zip -b firefox');

  const built = join(src, '.output/firefox-mv3');
  const zip = join(src, '.output', `${name}-firefox.zip`);
  if (!existsSync(zip)) throw new Error(`the build made no ${name}-firefox.zip`);
  cpSync(built, join(output, 'firefox-mv3'), { recursive: true });
  cpSync(zip, join(output, `${name}-firefox.zip`));
  console.log(
    `built ${files(built).length} files into .output/firefox-mv3 and ${name}-firefox.zip`,
  );
} catch (err) {
  problems.push(err instanceof Error ? err.message : String(err));
} finally {
  rmSync(work, { recursive: true, force: true });
}
const seconds = ((Date.now() - t0) / 1000).toFixed(1);
if (problems.length) {
  console.error(
    `Firefox from the sources archive: FAILED (${seconds} s)\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`Firefox package built from the sources archive (${seconds} s)`);
