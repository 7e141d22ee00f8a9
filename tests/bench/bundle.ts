import { build } from 'esbuild';
import { resolve } from 'node:path';

/**
 * The in-page harness with MyoLens's highlighter, mark.js and the glossary, as one IIFE.
 * Not minified, so CPU profiles name the product's functions.
 */
export async function bundleHarness(root: string): Promise<string> {
  const out = await build({
    entryPoints: [resolve(root, 'tests/bench/harness/page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: false,
    sourcemap: false,
    tsconfig: resolve(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  return out.outputFiles[0]!.text;
}
