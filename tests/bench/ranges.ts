/**
 * Live Range or StaticRange for the paint renderer's occurrences? Blink keeps every live
 * Range registered with its document and updates it on each DOM mutation; a StaticRange
 * is a snapshot. This measures what 20,000 of each cost the page's own DOM changes: the
 * same 2,000 insertions and removals of paragraphs, timed with no ranges, with live
 * Ranges and with StaticRanges over the page's text (all registered in a Highlight, as
 * paint.ts does). Not part of `npm test`; run it alone:
 *
 *   npx tsx tests/bench/ranges.ts
 */
import { chromium } from 'playwright';
import { findChromium } from '../support/find-chromium';

const PAGE = `<!doctype html><html><body>${Array.from(
  { length: 20_000 },
  (_, i) => `<p>Paragraph ${i} on sarcopenia and the vitamin D receptor.</p>`,
).join('')}</body></html>`;

/** Runs in the page: time 2,000 page mutations with `kind` ranges over every paragraph. */
const MEASURE = `async (kind) => {
  const texts = [...document.querySelectorAll('p')].map((p) => p.firstChild);
  const h = new Highlight();
  CSS.highlights.set('bench', h);
  for (const t of kind === 'none' ? [] : texts) {
    let r;
    if (kind === 'live') { r = new Range(); r.setStart(t, 13); r.setEnd(t, 23); }
    else r = new StaticRange({ startContainer: t, startOffset: 13, endContainer: t, endOffset: 23 });
    h.add(r);
  }
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const t0 = performance.now();
  for (let i = 0; i < 2000; i++) {
    const p = document.createElement('p');
    p.textContent = 'new ' + i;
    document.body.insertBefore(p, document.body.children[i * 7]);
    document.body.children[i * 7 + 1].firstChild.data += '.';
    p.remove();
  }
  return performance.now() - t0;
}`;

const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--no-sandbox', '--disable-gpu'],
});
const results: Record<string, number[]> = { none: [], static: [], live: [] };
for (let round = 0; round < 5; round++) {
  for (const kind of ['none', 'static', 'live']) {
    const page = await browser.newPage();
    await page.setContent(PAGE);
    results[kind]!.push(await page.evaluate(`(${MEASURE})(${JSON.stringify(kind)})`));
    await page.close();
  }
}
await browser.close();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log('| ranges over 20,000 text nodes | 2,000 page mutations, median of 5 (ms) |');
console.log('| --- | --- |');
for (const [kind, xs] of Object.entries(results))
  console.log(`| ${kind} | ${median(xs).toFixed(1)} |`);
