import type { Page, Worker } from '@playwright/test';
import { expect, ourErrors, test } from './fixtures';
import { expectPanelAt } from './panel-helpers';
import { expectedMentions, scanned } from './helpers';
import {
  focusedInPage,
  hoverOpen,
  insideViewport,
  moveTerm,
  openFixture,
  settled,
  term,
  TooltipProbe,
} from './tooltip-helpers';

test.describe('read more', () => {
  // Chromium 156 lets the click's message open the side panel; the guide tab is the
  // fallback where it does not (settings.spec.ts: the lookup without a gesture).
  test('"Read more in the guide" opens the side panel at the <section>, then reuses it', async ({
    context,
    server,
    background,
    consoleErrors,
  }) => {
    const page = await openFixture(context, `${server.origin}/tooltip/terms.html`);
    const probe = await TooltipProbe.attach(page);
    for (const id of ['sarcopenia', 'ros']) {
      await hoverOpen(probe, id);
      await probe.clickButton(/^Read more in the guide/);
      await expectPanelAt(context, page, background, term(id).section);
      // The click left focus on the button, which keeps the tooltip open (SC 1.4.13: until
      // focus leaves); a click on the page closes it.
      await page.bringToFront();
      expect((await probe.state()).open).toBe(true);
      await page.mouse.click(2, 400);
      await probe.waitClosed();
    }
    expect(ourErrors(consoleErrors)).toEqual([]);
  });
});

for (const renderer of ['paint', 'wrap'] as const) {
  test.describe(`keyboard (${renderer})`, () => {
    test.use({ stored: { renderer, density: 'all' } });
    let page: Page;
    let probe: TooltipProbe;
    test.beforeEach(async ({ context, server }) => {
      page = await context.newPage();
      await page.goto(`${server.origin}/tooltip/terms.html`);
      await scanned(page);
      probe = await TooltipProbe.attach(page);
      // Keyboard users start from the top of the page, focus in the document.
      await page.locator('#focus-target').focus();
    });
    test.afterEach(({ consoleErrors }) => {
      expect(ourErrors(consoleErrors)).toEqual([]);
    });

    /** The next (or previous) mention, with focus on the tooltip's first control. */
    const move = async (background: Worker, direction: 1 | -1, label: string) => {
      await moveTerm(background, page, direction);
      return probe.waitFocused(label);
    };

    test.describe(() => {
      // The window's real side panel (the fixture's reset closes it after).
      test('next term: focus in the tooltip, Tab to "Read more", Enter opens the guide; Escape gives focus back', async ({
        context,
        background,
      }) => {
        // The first mention below the top of the viewport is the h1's "vitamin D".
        let state = await move(background, 1, term('vitamin-d').label);
        expect(state.focused).toBe('Close');
        // A screen reader hears the dialog's name and its summary (aria-describedby).
        expect(await probe.dialog()).toMatchObject({
          role: 'dialog',
          name: term('vitamin-d').label,
        });
        state = await move(background, 1, term('sarcopenia').label);
        expect(state.count).toBe(1);

        await page.keyboard.press('Tab');
        expect((await probe.state()).focused).toMatch(/^Read more in the guide/);
        await page.keyboard.press('Enter');
        await expectPanelAt(context, page, background, term('sarcopenia').section);

        await page.bringToFront();
        expect((await probe.state()).open).toBe(true);
        await page.keyboard.press('Escape');
        await probe.waitClosed();
        expect(await focusedInPage(page)).toBe('button#focus-target');
        // Dismissed stays dismissed (once everything the content script had pending has run).
        expect((await probe.quiet()).open).toBe(false);
        // The next move goes on from the mention last visited, not from the top again.
        await move(background, -1, term('vitamin-d').label);
      });
    });

    test('the command visits every mention in document order, each scrolled into view', async ({
      background,
    }) => {
      await page.setViewportSize({ width: 900, height: 360 });
      const ids = await expectedMentions(page);
      expect(ids.length).toBeGreaterThan(15);
      for (let i = 0; i < ids.length; i++) {
        const state = await move(background, 1, term(ids[i]!).label);
        await expect(async () => {
          const s = await settled(probe);
          expect(insideViewport(s.layer!, s.viewport), `#${i} tooltip in view`).toBe(true);
        }).toPass({ timeout: 5_000 });
        expect(state.open).toBe(true);
      }
      expect(await page.evaluate(() => scrollY), 'the page scrolled along').toBeGreaterThan(200);
      // Past the last mention it wraps round to the first, and back again.
      await move(background, 1, term(ids[0]!).label);
      await move(background, -1, term(ids.at(-1)!).label);
      // The page's own focus order is untouched: nothing of the page got a tabindex.
      expect(await page.locator('body [tabindex]').count()).toBe(
        await page.locator('body [tabindex]:not([data-myolens-term])').count(),
      );
    });

    test('Tab walks the tooltip’s buttons and then leaves it: no keyboard trap', async ({
      background,
    }) => {
      await page.evaluate(() => scrollTo(0, 0));
      const state = await move(background, 1, term('vitamin-d').label);
      const visited: string[] = [state.focused!];
      for (let i = 1; i < state.buttons.length; i++) {
        await page.keyboard.press('Tab');
        visited.push((await probe.state()).focused ?? `page:${await focusedInPage(page)}`);
      }
      expect(visited).toEqual(state.buttons);
      // Past the last button: the tooltip closes and focus goes on in the page from where
      // it was, not round in a circle.
      await page.keyboard.press('Tab');
      await probe.waitClosed();
      expect(await focusedInPage(page)).toBe('a');
      // Shift+Tab from the first button closes it and gives focus back too.
      await page.locator('#focus-target').focus();
      // On from the mention visited last.
      await move(background, 1, term('sarcopenia').label);
      await page.keyboard.press('Shift+Tab');
      await probe.waitClosed();
      expect(await focusedInPage(page)).toBe('button#focus-target');
    });

    test('a related term chosen with the keyboard keeps focus in the tooltip', async ({
      background,
    }) => {
      await move(background, 1, term('vitamin-d').label);
      const state = await move(background, 1, term('sarcopenia').label);
      const related = term(term('sarcopenia').related[0]!);
      const index = state.buttons.indexOf(related.label);
      for (let i = 0; i < index; i++) await page.keyboard.press('Tab');
      expect((await probe.state()).focused).toBe(related.label);
      await page.keyboard.press('Enter');
      await probe.waitOpen(related.label);
      expect((await probe.state()).focused, 'focus stays inside the tooltip').not.toBeNull();
      await page.keyboard.press('Escape');
      await probe.waitClosed();
      expect(await focusedInPage(page)).toBe('button#focus-target');
    });
  });
}
