/**
 * `npm run bench` runs under tsx in plain Node, which cannot import a stylesheet: a
 * content-script module that imports one (`*.css?inline`, bundled by Vite in the build)
 * must stay out of the bench's import graph. Vitest resolves such imports, so nothing
 * else here would notice (a `UI_ATTR` import from ui-host.ts once broke the bench).
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

test('the bench imports no stylesheet', async () => {
  const result = await build({
    entryPoints: [resolve(ROOT, 'tests/bench/run.ts')],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    alias: { '@': ROOT },
    logLevel: 'silent',
    // A stylesheet import is recorded, not loaded, so the test can name it.
    plugins: [
      {
        name: 'stylesheets',
        setup(b) {
          b.onResolve({ filter: /\.css(\?.*)?$/ }, (args) => ({
            path: resolve(args.resolveDir, args.path.replace(/\?.*$/, '')),
            namespace: 'stylesheet',
          }));
          b.onLoad({ filter: /.*/, namespace: 'stylesheet' }, () => ({
            contents: '',
            loader: 'text',
          }));
        },
      },
    ],
  });
  const sheets = Object.keys(result.metafile.inputs).filter((p) => p.startsWith('stylesheet:'));
  expect(sheets).toEqual([]);
}, 60_000);
