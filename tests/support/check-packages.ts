/**
 * The store packages are what the gate tested: each zip in .output/ holds, file for file
 * and byte for byte, the build folder the tests ran against (chrome-mv3 for the e2e suite,
 * firefox-mv3 for lint:firefox and the Firefox smoke test), and the sources archive exists.
 *
 *   npx tsx tests/support/check-packages.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every file under `dir`, as paths relative to it. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .sort();
}

/** What differs between the unpacked `zip` and the folder `dir`: one line per file. */
function differences(zip: string, dir: string): string[] {
  const work = mkdtempSync(join(tmpdir(), 'myolens-package-'));
  try {
    execFileSync('unzip', ['-q', zip, '-d', work]);
    const zipped = files(work);
    const tested = files(dir);
    return [
      ...tested.filter((f) => !zipped.includes(f)).map((f) => `not in the zip: ${f}`),
      ...zipped.filter((f) => !tested.includes(f)).map((f) => `not tested: ${f}`),
      ...zipped
        .filter((f) => tested.includes(f))
        .filter((f) => !readFileSync(join(work, f)).equals(readFileSync(join(dir, f))))
        .map((f) => `differs: ${f}`),
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const base = join(ROOT, '.output', `${pkg.name}-${pkg.version}`);
const problems: string[] = [];
for (const browser of ['chrome', 'firefox']) {
  const zip = `${base}-${browser}.zip`;
  const dir = join(ROOT, `.output/${browser}-mv3`);
  if (!existsSync(zip) || !existsSync(dir)) {
    problems.push(`${browser}: ${existsSync(zip) ? dir : zip} is missing`);
    continue;
  }
  problems.push(...differences(zip, dir).map((d) => `${browser}: ${d}`));
  console.log(`${browser}: ${files(dir).length} files, the zip holds what was tested`);
}
if (!existsSync(`${base}-sources.zip`)) problems.push(`${base}-sources.zip is missing`);
if (problems.length) {
  console.error(`store packages: FAILED\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('store packages: each zip holds the build that was tested; the sources archive exists');
