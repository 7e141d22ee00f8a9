import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  backdrop,
  canvas,
  contrastRatio,
  decideScheme,
  parseColor,
  type BackgroundLayer,
  type SchemeInput,
} from '@/lib/color-scheme';

const NONE = 'rgba(0, 0, 0, 0)';
const layer = (color: string, image = false): BackgroundLayer => ({ color, image });
const input = (layers: BackgroundLayer[], over: Partial<SchemeInput> = {}): SchemeInput => ({
  layers,
  rootColorScheme: 'normal',
  textColor: 'rgb(0, 0, 0)',
  prefersDark: false,
  ...over,
});
const hex = (c: { r: number; g: number; b: number }) =>
  '#' +
  [c.r, c.g, c.b]
    .map((x) =>
      Math.round(x * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('');

describe('parseColor reads what getComputedStyle returns', () => {
  test.each([
    ['rgb(255, 255, 255)', '#ffffff', 1],
    ['rgba(0, 0, 0, 0)', '#000000', 0],
    ['rgba(16, 32, 48, 0.5)', '#102030', 0.5],
    ['rgb(16 32 48 / 25%)', '#102030', 0.25],
    ['transparent', '#000000', 0],
    ['#fff', '#ffffff', 1],
    ['#11223380', '#112233', 128 / 255],
    ['color(srgb 1 0.5 0)', '#ff8000', 1],
    ['color(srgb 0 0 0 / 0.2)', '#000000', 0.2],
    ['color(display-p3 1 1 1)', '#ffffff', 1],
    ['oklch(1 0 0)', '#ffffff', 1],
    ['oklch(0 0 0 / 0.5)', '#000000', 0.5],
    ['oklab(0.627955 0.224863 0.125846)', '#ff0000', 1],
    ['lab(100 0 0)', '#ffffff', 1],
    ['lch(0 0 0)', '#000000', 1],
  ])('%s', (value, rgb, alpha) => {
    const c = parseColor(value)!;
    expect(hex(c)).toBe(rgb);
    expect(c.a).toBeCloseTo(alpha, 3);
  });

  test.each(['', 'red-ish', 'rgb(1, 2)', 'url(x.png)', 'color-mix(in srgb, red, blue)', '#12'])(
    'unreadable: %j',
    (value) => expect(parseColor(value)).toBeNull(),
  );
});

describe('decideScheme', () => {
  test.each<[string, SchemeInput, 'light' | 'dark']>([
    ['no background anywhere: the canvas is white', input([layer(NONE), layer(NONE)]), 'light'],
    [
      'no background, a dark system, root color-scheme normal: still white (the issue)',
      input([layer(NONE)], { prefersDark: true }),
      'light',
    ],
    [
      'no background, root color-scheme "light dark", dark system: dark canvas',
      input([layer(NONE)], { rootColorScheme: 'light dark', prefersDark: true }),
      'dark',
    ],
    [
      'no background, root color-scheme "light dark", light system: white canvas',
      input([layer(NONE)], { rootColorScheme: 'light dark' }),
      'light',
    ],
    [
      'no background, root color-scheme "only dark": dark whatever the system',
      input([layer(NONE)], { rootColorScheme: 'only dark' }),
      'dark',
    ],
    [
      'the nearest opaque background wins over the ones further out',
      input([layer(NONE), layer('rgb(22, 24, 27)'), layer('rgb(255, 255, 255)')]),
      'dark',
    ],
    [
      'a light card on a dark page',
      input([layer('rgb(250, 250, 250)'), layer('rgb(0, 0, 0)')]),
      'light',
    ],
    [
      'a translucent black veil over white, blended: 80% black is dark',
      input([layer('rgba(0, 0, 0, 0.8)'), layer('rgb(255, 255, 255)')]),
      'dark',
    ],
    [
      'a faint black veil over white stays light',
      input([layer('rgba(0, 0, 0, 0.1)'), layer('rgb(255, 255, 255)')]),
      'light',
    ],
    [
      'two translucent layers over the canvas add up (50% + 50% black = 75%)',
      input([layer('rgba(0, 0, 0, 0.5)'), layer('rgba(0, 0, 0, 0.5)')]),
      'dark',
    ],
    [
      'a translucent white over a dark canvas ("only dark") is still dark at 10%',
      input([layer('rgba(255, 255, 255, 0.1)')], { rootColorScheme: 'only dark' }),
      'dark',
    ],
    [
      'a background image with light text: a dark picture',
      input([layer(NONE), layer(NONE, true), layer('rgb(255, 255, 255)')], {
        textColor: 'rgb(240, 240, 240)',
      }),
      'dark',
    ],
    [
      'a gradient with dark text: a light picture',
      input([layer('rgb(0, 0, 0)', true)], { textColor: 'rgb(20, 20, 20)' }),
      'light',
    ],
    [
      'a dark image under a strong white veil: the veil decides',
      input([layer('rgba(255, 255, 255, 0.9)'), layer(NONE, true)], {
        textColor: 'rgb(255, 255, 255)',
      }),
      'light',
    ],
    [
      'an unreadable colour syntax is treated like an image (the text colour decides)',
      input([layer('color-mix(in lab, red, blue)')], { textColor: 'rgb(255, 255, 255)' }),
      'dark',
    ],
    [
      'mid grey #777 counts as light (black text has more contrast)',
      input([layer('#777')]),
      'light',
    ],
    ['#666 counts as dark (white text has more contrast)', input([layer('#666')]), 'dark'],
    ['oklch dark theme', input([layer('oklch(0.2 0.02 250)')]), 'dark'],
  ])('%s', (_, given, expected) => {
    expect(decideScheme(given)).toBe(expected);
  });

  test('blending is source-over in sRGB: 50% black over white is #808080', () => {
    expect(hex(backdrop(input([layer('rgba(0, 0, 0, 0.5)')])))).toBe('#808080');
  });

  test('canvas: only an opt-in to dark makes it dark', () => {
    expect(canvas('normal', true).r).toBe(1);
    expect(canvas('light', true).r).toBe(1);
    expect(canvas('dark', false).r).toBeLessThan(0.1);
    expect(canvas('light dark', false).r).toBe(1);
    expect(canvas('dark light', true).r).toBeLessThan(0.1);
  });
});

describe('both tooltip palettes pass WCAG AA', () => {
  const css = readFileSync(
    join(import.meta.dirname, '../../entrypoints/highlighter.content/tooltip.css'),
    'utf8',
  );
  /** The custom properties of the first rule whose selector is exactly `selector`. */
  const palette = (selector: string): Record<string, string> => {
    const start = css.indexOf(`${selector} {`);
    const body = css.slice(start, css.indexOf('}', start));
    return Object.fromEntries(
      [...body.matchAll(/--ml-([a-z-]+):\s*(#[0-9a-f]{6})/g)].map((m) => [m[1]!, m[2]!]),
    );
  };
  const light = palette('.ml-layer');
  const dark = { ...light, ...palette(".ml-layer[data-scheme='dark']") };

  test.each([
    ['light', light],
    ['dark', dark],
  ])('%s', (_, p) => {
    const c = (name: string) => parseColor(p[name]!)!;
    expect(Object.keys(p).length, 'palette parsed').toBeGreaterThanOrEqual(7);
    // Text: 4.5:1 (1.4.3). Controls and focus rings against the tooltip: 3:1 (1.4.11).
    expect(contrastRatio(c('fg'), c('bg'))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(c('muted'), c('bg'))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(c('fg'), c('chip'))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(c('accent-fg'), c('accent'))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(c('accent'), c('bg'))).toBeGreaterThanOrEqual(3);
  });
});
