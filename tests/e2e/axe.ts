/**
 * axe-core in a page, as `@axe-core/playwright`'s AxeBuilder runs it, without its cost per
 * call: AxeBuilder sends the whole axe source to the page for every analyze() and then
 * finishes the run in a new page it opens (measured: 5-10 s a view on the shared test
 * machine). Here the same axe-core (the copy AxeBuilder ships with) is evaluated once per
 * document and `axe.run` called on it, with AxeBuilder's default rules; the pages checked
 * have no frames, which is all AxeBuilder's extra machinery is for.
 */
import type { Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const fromBuilder = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
const SOURCE = readFileSync(fromBuilder.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe on the page as it is now. Results other than `resultTypes` keep one node each
 * (axe's `resultTypes` option): finding every passing node's selector is most of its time.
 */
export async function runAxe(
  page: Page,
  resultTypes: ('violations' | 'passes' | 'incomplete' | 'inapplicable')[] = ['violations'],
): Promise<AxeResults> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // An evaluated expression, as AxeBuilder injects it: a page's CSP does not apply.
  if (!loaded) await page.evaluate(SOURCE);
  return page.evaluate(
    (resultTypes) =>
      (window as unknown as { axe: { run(c: Document, o: object): Promise<AxeResults> } }).axe.run(
        document,
        { resultTypes },
      ),
    resultTypes,
  );
}
