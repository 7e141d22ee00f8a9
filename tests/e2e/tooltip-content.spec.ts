import { expect, ourErrors, test } from './fixtures';
import { mentionText } from './helpers';
import { hoverOpen, openFixture, term, TooltipProbe } from './tooltip-helpers';

// Terms are found as text and pointed at (mentionRects), in the default paint renderer.

/** Ten terms of terms.html, each reached through a different glossary form. */
const TERMS: { id: string; surface: RegExp }[] = [
  { id: 'sarcopenia', surface: /^sarcopenia$/ },
  { id: 'vitamin-d-deficiency', surface: /^low vitamin D$/ },
  { id: 'vdr', surface: /^VDR$/ },
  { id: 'active-vitamin-d', surface: /^active vitamin D$/ },
  { id: 'type-ii-muscle-fibers', surface: /^Fast-twitch fibres$/ },
  { id: 'intracellular-calcium', surface: /^calcium signalling$/ },
  { id: 'ros', surface: /^reactive oxygen species$/ },
  { id: 'igf-1-akt-foxo-pathway', surface: /^IGF-1\/Akt\/FOXO pathway$/ },
  { id: 'fatty-fish', surface: /^Oily fish$/ },
  { id: 'hypercalcemia', surface: /^hypercalcaemia$/ },
];

test('hovering ten different terms shows each one’s own label, category and summary', async ({
  context,
  server,
  consoleErrors,
}) => {
  const page = await openFixture(context, `${server.origin}/tooltip/terms.html`);
  const probe = await TooltipProbe.attach(page);
  const seen = new Set<string>();
  for (const { id, surface } of TERMS) {
    const t = term(id);
    expect(await mentionText(page, id), id).toMatch(surface);
    const state = await hoverOpen(probe, id);
    expect(state.label, id).toBe(t.label);
    expect(state.summary, id).toBe(t.summary);
    expect(state.category?.toLowerCase(), id).toBe(t.category);
    expect(state.count, 'one tooltip at a time').toBe(1);
    // What assistive technology gets: a dialog named by the term's label.
    expect(await probe.dialog(), id).toEqual({ role: 'dialog', name: t.label });
    seen.add(state.summary!);
    // Park the pointer on plain text so the next hover starts from nothing open.
    await page.mouse.move(2, 2);
    await probe.waitClosed();
  }
  expect(seen.size).toBe(TERMS.length);
  expect(ourErrors(consoleErrors)).toEqual([]);
});
