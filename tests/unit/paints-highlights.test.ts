import { describe, expect, test } from 'vitest';
import { paintsHighlights } from '@/entrypoints/highlighter.content/browser-quirks';

/** A window with the Highlight API's three globals, or without some of them. */
const win = (parts: { highlights?: boolean; Highlight?: boolean; StaticRange?: boolean } = {}) =>
  ({
    CSS: parts.highlights === false ? {} : { highlights: new Map() },
    Highlight: parts.Highlight === false ? undefined : class {},
    StaticRange: parts.StaticRange === false ? undefined : class {},
  }) as unknown as Window;

const engine = (version: string | null) => () =>
  Promise.resolve(version === null ? null : { name: 'Firefox', version });

describe('paintsHighlights', () => {
  test('Chromium: the API is there, so it paints (no version asked)', async () => {
    let asked = false;
    expect(
      await paintsHighlights(win(), false, () => {
        asked = true;
        return Promise.resolve(null);
      }),
    ).toBe(true);
    expect(asked).toBe(false);
  });

  test('Firefox is decided by version: ESR 140 accepts highlights but paints none', async () => {
    expect(await paintsHighlights(win(), true, engine('140.5.0esr'))).toBe(false);
    expect(await paintsHighlights(win(), true, engine('148.0'))).toBe(false);
    expect(await paintsHighlights(win(), true, engine('149.0'))).toBe(true);
    expect(await paintsHighlights(win(), true, engine('153.0.1esr'))).toBe(true);
  });

  test('no answer, a junk answer or a failed message means wrap', async () => {
    expect(await paintsHighlights(win(), true, engine(null))).toBe(false);
    expect(await paintsHighlights(win(), true, engine('unknown'))).toBe(false);
    expect(await paintsHighlights(win(), true, () => Promise.reject(new Error('gone')))).toBe(
      false,
    );
  });

  test('without the API nothing paints, whatever the version', async () => {
    for (const missing of ['highlights', 'Highlight', 'StaticRange'] as const) {
      expect(await paintsHighlights(win({ [missing]: false }), false, engine('153'))).toBe(false);
      expect(await paintsHighlights(win({ [missing]: false }), true, engine('153'))).toBe(false);
    }
  });
});
