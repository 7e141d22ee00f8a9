/**
 * The page-topic gate in the browser: on pages of other fields that use the guide's
 * shared forms in their own sense, nothing is underlined and hovering those words opens
 * nothing; on a page about the body the same kind of word opens its term. (Every corpus
 * page is checked through the scanner in tests/dom/topic-corpus.test.ts; these pages
 * span the fields and the forms.)
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { idleCounts, paintedTexts, textRects, centre } from './paint-helpers';
import { TooltipProbe } from './tooltip-helpers';

/** Rests the pointer on the first `text` in the article; is a tooltip open once all is quiet? */
async function opensOn(page: Page, probe: TooltipProbe, text: string): Promise<boolean> {
  const [box] = await textRects(page, 'article', text);
  const { x, y } = centre(box!);
  await page.mouse.move(5, 5);
  await probe.quiet();
  await page.mouse.move(x, y);
  return (await probe.quiet()).open;
}

const OFF_TOPIC: [file: string, words: string[]][] = [
  ['plant-biology-1.html', ['reactive oxygen species', 'ROS', 'mitochondria']],
  ['software-1.html', ['ROS']],
  ['food-science-6.html', ['skeletal muscle']],
  ['games-1.html', ['mitochondria']],
  ['maritime-1.html', ['VDR']],
  ['software-3.html', ['weight training']],
];

for (const [file, words] of OFF_TOPIC) {
  test(`off topic, ${file}: no underline, and ${words.join(', ')} open nothing`, async ({
    context,
    server,
  }) => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/off-topic/${file}`);
    expect(await idleCounts(page)).toEqual({});
    expect(await paintedTexts(page)).toEqual([]);
    const probe = await TooltipProbe.attach(page);
    for (const word of words) expect(await opensOn(page, probe, word), word).toBe(false);
  });
}

test('on topic, exercise-2.html: the same kind of word opens its term', async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/on-topic/exercise-2.html`);
  const counts = await idleCounts(page);
  expect(counts['ros']).toBeGreaterThan(0);
  expect(counts['mitochondria']).toBeGreaterThan(0);
  const probe = await TooltipProbe.attach(page);
  expect(await opensOn(page, probe, 'reactive oxygen species')).toBe(true);
  expect((await probe.state()).label).toMatch(/ROS|reactive oxygen/i);
});
