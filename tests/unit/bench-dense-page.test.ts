import { describe, expect, test } from 'vitest';
import { glossary } from '@/content/glossary-index';
import { compileMatcher } from '@/lib/matcher';
import { denseArticle } from '../bench/pages';
import { referenceCounts } from '../bench/reference';

// The benchmark's dense page (f) is only useful while it is what its title says: ~3 MB of
// article markup with a term every 20 to 30 words. Sizes and counts here, no timings.
describe('bench page (f), the dense article', () => {
  const page = denseArticle();
  // Matched once, while the suite is collected: a 3 MB page takes seconds on a busy machine,
  // more than a test's default timeout.
  const ref = referenceCounts(page.texts, page.markable);
  const matcher = compileMatcher(glossary);
  const active = matcher.activeIds(page.texts.join(''));
  const ids = new Map<string, number>();
  for (const t of page.markable)
    for (const m of matcher.match(t, active)) ids.set(m.termId, (ids.get(m.termId) ?? 0) + 1);

  test('is about 3 MB of article markup', () => {
    const bytes = Buffer.byteLength(page.html);
    expect(bytes).toBeGreaterThan(2_900_000);
    expect(bytes).toBeLessThan(3_100_000);
    for (const tag of ['<nav', '<section', '<h2>', '<h3>', '<ul>', '<table>', '<figcaption>'])
      expect(page.html).toContain(tag);
  });

  test('has a glossary term every 20 to 30 words, spread over the glossary', () => {
    const words = page.markable.join(' ').split(/\s+/).filter(Boolean).length;
    expect(words / ref.marks).toBeGreaterThanOrEqual(20);
    expect(words / ref.marks).toBeLessThanOrEqual(30);
    // Excluded elements (code, buttons) hold terms the marks must leave out.
    expect(ref.matches).toBeGreaterThan(ref.marks);
    expect(ids.size).toBe(glossary.length);
    // No term crowds out the others: the most frequent is under a tenth of all marks.
    expect(Math.max(...ids.values())).toBeLessThan(ref.marks / 10);
  });

  // Generous timeout: generating 3 MB again is slow on a shared machine, not a measurement.
  test('is the same page on every run', { timeout: 30_000 }, () => {
    expect(denseArticle().html).toBe(page.html);
  });
});
