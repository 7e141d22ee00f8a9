import type { Page } from '@playwright/test';
import { expect, ourErrors, test } from './fixtures';
import { scanned } from './helpers';
import { centre, idleCounts, paintedTexts, textRects } from './paint-helpers';
import { moveTerm, tap, TooltipProbe } from './tooltip-helpers';

// "skeletal muscle atrophy": leftmost-longest underlines "skeletal muscle"; "muscle
// atrophy" overlaps it. Each word must open a term (issue 24, item 3).

const FIXTURE = '/tooltip/overlaps.html';
const PARA = '#p-overlap';

/** The centre of a word of the overlap paragraph. */
async function wordAt(page: Page, word: string): Promise<{ x: number; y: number }> {
  const [box] = await textRects(page, PARA, word);
  return centre(box!);
}

/** Moves the pointer off every term and waits for the tooltip to close. */
async function away(page: Page, probe: TooltipProbe): Promise<void> {
  await page.mouse.move(2, 2);
  await probe.waitClosed();
}

/** The tooltip's "Also here" chips, read from its closed shadow root. */
function alsoHere(probe: TooltipProbe): Promise<string[] | null> {
  return probe.inShadow<string[]>(`function () {
    const list = this.querySelector('ul[aria-labelledby="ml-tip-label-also"]');
    return list ? [...list.querySelectorAll('button')].map((b) => b.textContent.trim()) : [];
  }`);
}

for (const renderer of ['paint', 'wrap'] as const) {
  test.describe(`overlapping terms (${renderer})`, () => {
    test.use({ stored: { renderer, density: 'all' } });
    let page: Page;
    let probe: TooltipProbe;
    test.beforeEach(async ({ context, server }) => {
      page = await context.newPage();
      await page.goto(`${server.origin}${FIXTURE}`);
      await scanned(page);
      probe = await TooltipProbe.attach(page);
    });
    test.afterEach(({ consoleErrors }) => {
      expect(ourErrors(consoleErrors)).toEqual([]);
    });

    test('what is underlined stays leftmost-longest; "This page" counts the overlap too', async () => {
      const shown =
        renderer === 'paint'
          ? await paintedTexts(page)
          : await page.locator('mark[data-myolens-term]').allTextContents();
      expect(shown).toEqual(['skeletal muscle', 'sarcopenia']);
      expect(await idleCounts(page)).toEqual({
        'skeletal-muscle': 1,
        'muscle-atrophy': 1,
        sarcopenia: 1,
      });
    });

    test('hovering each word opens a term; the shared word names the other one', async () => {
      for (const [word, label, also] of [
        ['skeletal', 'Skeletal muscle', ['Muscle atrophy']],
        ['atrophy', 'Muscle atrophy', ['Skeletal muscle']],
        ['muscle', 'Skeletal muscle', ['Muscle atrophy']],
      ] as const) {
        const { x, y } = await wordAt(page, word);
        await page.mouse.move(x, y);
        await probe.waitOpen(label);
        expect(await alsoHere(probe), word).toEqual(also);
        await away(page, probe);
      }
      // The space after "atrophy" is no term's.
      const [sets] = await textRects(page, PARA, 'sets');
      await page.mouse.move(sets!.x + sets!.width / 2, sets!.y + sets!.height / 2);
      expect((await probe.quiet()).open).toBe(false);
    });

    test('a touch on "atrophy" opens Muscle atrophy', async () => {
      const { x, y } = await wordAt(page, 'atrophy');
      await tap(probe.cdp, x, y);
      await probe.waitOpen('Muscle atrophy');
    });
  });
}

test.describe('"Also here" by keyboard', () => {
  test.use({ stored: { renderer: 'paint', density: 'all' } });

  test('Tab to "Also here", Enter shows that term in the same tooltip with focus kept; next skips the overlap', async ({
    context,
    server,
    background,
    consoleErrors,
  }) => {
    const page = await context.newPage();
    await page.goto(`${server.origin}${FIXTURE}`);
    await scanned(page);
    const probe = await TooltipProbe.attach(page);
    await page.locator('#focus-target').focus();

    await moveTerm(background, page, 1);
    let s = await probe.waitFocused('Skeletal muscle');
    expect(s.focused).toBe('Close');
    // Close, "Read more", then the chip.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await probe.state()).focused).toBe('Muscle atrophy');
    await page.keyboard.press('Enter');
    s = await probe.waitFocused('Muscle atrophy');
    expect(s.focused).toBe('Close');
    expect(s.live).toMatch(/^Muscle atrophy: /);
    // And back again: the term it came from is offered the same way.
    expect(await alsoHere(probe)).toEqual(['Skeletal muscle']);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await probe.state()).focused).toBe('Skeletal muscle');
    await page.keyboard.press('Enter');
    await probe.waitFocused('Skeletal muscle');
    expect(await alsoHere(probe)).toEqual(['Muscle atrophy']);

    // Next goes to the next underlined mention: the overlap is no stop of its own.
    await moveTerm(background, page, 1);
    await probe.waitFocused('Sarcopenia');
    expect(await alsoHere(probe)).toEqual([]);
    await moveTerm(background, page, -1);
    await probe.waitFocused('Skeletal muscle');
    expect(ourErrors(consoleErrors)).toEqual([]);
  });
});
