/**
 * The tooltip's colour walk (entrypoints/highlighter.content/page-scheme.ts) on a term 40
 * transparent levels deep (tests/fixtures/tooltip-fit/deep.html): what one tooltip open
 * pays to read the page's scheme, against the floor of its computed-style reads alone.
 * A bench row, not a test: it is a timing, and the machines are shared.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright';
import { countLoad } from './clock';

export interface PageSchemeBench {
  depth: number;
  scheme: string;
  /** Median ms per call, warm (style clean) and after a style change (recalculated). */
  warm: number;
  cold: number;
  /** Median ms of the same computed-style reads with nothing done with them. */
  readsOnly: number;
}

/** Does the walk cost what its style reads cost, well inside a frame? */
export function pageSchemeCheap(b: PageSchemeBench): boolean {
  return b.warm < 2 * b.readsOnly + 0.05 && b.warm < 5;
}

interface PageSchemeModule {
  pageScheme(el: Element, win: Window): string;
}

export async function benchPageScheme(
  context: BrowserContext,
  root: string,
  route: (path: string, body: string) => string,
): Promise<PageSchemeBench> {
  const bundle = await build({
    entryPoints: [join(root, 'entrypoints/highlighter.content/page-scheme.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'myolensPageScheme',
    target: 'chrome120',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'silent',
  });
  const url = route(
    '/bench/page-scheme-deep.html',
    readFileSync(join(root, 'tests/fixtures/tooltip-fit/deep.html'), 'utf8'),
  );
  const page = await context.newPage();
  try {
    countLoad();
    await page.goto(url);
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    return await page.evaluate(() => {
      const { pageScheme } = (globalThis as unknown as { myolensPageScheme: PageSchemeModule })
        .myolensPageScheme;
      const el = document.getElementById('term')!;
      let depth = 0;
      for (let n: Element | null = el; n; n = n.parentElement) depth++;
      const scheme = pageScheme(el, window);
      // Batches of 100, since the page's clock is coarse (100 µs in Chromium).
      const batches: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        for (let j = 0; j < 100; j++) pageScheme(el, window);
        batches.push((performance.now() - t0) / 100);
      }
      // After a style change, as after a :hover: the first read recalculates style (work
      // the browser would do for the next frame anyway).
      const cold: number[] = [];
      for (let i = 0; i < 20; i++) {
        document.body.classList.toggle('x');
        const t0 = performance.now();
        pageScheme(el, window);
        cold.push(performance.now() - t0);
      }
      const t1 = performance.now();
      for (let j = 0; j < 2000; j++) {
        for (let n: Element | null = el; n; n = n.parentElement) {
          const cs = getComputedStyle(n);
          void cs.backgroundColor;
          void cs.backgroundImage;
        }
      }
      const readsOnly = (performance.now() - t1) / 2000;
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
      return { depth, scheme, warm: median(batches), cold: median(cold), readsOnly };
    });
  } finally {
    await page.close();
  }
}
