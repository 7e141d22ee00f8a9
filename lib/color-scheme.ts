/**
 * Is the page light or dark behind a term? Pure: it takes computed CSS values as strings
 * (what `getComputedStyle` returns), so it is tested with tables of plain values.
 * entrypoints/highlighter.content/page-scheme.ts reads them from the page.
 */

/** A colour in gamma-encoded sRGB, every channel and alpha in 0..1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** One element's background, from the term's element outwards (computed values). */
export interface BackgroundLayer {
  /** `background-color`, e.g. "rgba(0, 0, 0, 0)" or "oklch(0.2 0.01 250)". */
  color: string;
  /** `background-image` is not "none" (a gradient or picture whose colours we do not read). */
  image: boolean;
}

/** What decides the scheme behind one term. */
export interface SchemeInput {
  /** The term's element first, then each ancestor up to the root element. */
  layers: readonly BackgroundLayer[];
  /** The root element's computed `color-scheme` ("normal", "light dark", "only dark"...). */
  rootColorScheme: string;
  /** The computed `color` of the term's element: the page's text colour there. */
  textColor: string;
  /** Does the system prefer dark? (The used scheme of `color-scheme: light dark`.) */
  prefersDark: boolean;
}

export type Scheme = 'light' | 'dark';

const WHITE: Rgba = { r: 1, g: 1, b: 1, a: 1 };
const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 1 };
/** Chromium's and Firefox's dark canvas (#121212 and #1c1b22 are both far below the split). */
const DARK_CANVAS: Rgba = { r: 0x12 / 255, g: 0x12 / 255, b: 0x12 / 255, a: 1 };
/**
 * The luminance where white text and black text contrast equally (1.05 / (L + 0.05) =
 * (L + 0.05) / 0.05): above it the backdrop is light, below it dark.
 */
const SPLIT = Math.sqrt(1.05 * 0.05) - 0.05;

/**
 * The scheme behind a term: its backdrop is the nearest opaque background, with every
 * translucent one in front of it blended on top, or the canvas when there is none.
 */
export function decideScheme(input: SchemeInput): Scheme {
  return relativeLuminance(backdrop(input)) < SPLIT ? 'dark' : 'light';
}

/** The colour behind the term, composited from the canvas (or an opaque layer) up. */
export function backdrop({ layers, rootColorScheme, textColor, prefersDark }: SchemeInput): Rgba {
  const above: Rgba[] = [];
  let base: Rgba | undefined;
  for (const layer of layers) {
    const color = parseColor(layer.color);
    // A picture or gradient (or a colour syntax we cannot read) hides what lies behind it
    // and its colours are not cheap to know. The page's text colour is: an author puts
    // light text on a dark image and dark text on a light one.
    if (layer.image || !color) {
      base = guessFromText(textColor);
      break;
    }
    if (color.a >= 1) {
      base = color;
      break;
    }
    if (color.a > 0) above.push(color);
  }
  base ??= canvas(rootColorScheme, prefersDark);
  // Blend from the back (the base) to the front (the term's own element).
  for (let i = above.length - 1; i >= 0; i--) base = over(above[i]!, base);
  return base;
}

/** Does this layer hide everything behind it (so a walk outwards can stop here)? */
export function isOpaque(layer: BackgroundLayer): boolean {
  const color = parseColor(layer.color);
  return layer.image || !color || color.a >= 1;
}

/** The canvas colour for the root's `color-scheme`: dark only when the page opts in. */
export function canvas(rootColorScheme: string, prefersDark: boolean): Rgba {
  const words = rootColorScheme.trim().toLowerCase().split(/\s+/);
  const light = words.includes('light');
  const dark = words.includes('dark');
  // "light dark" lets the user's preference pick; "normal" (no opt-in) is always light.
  return dark && (!light || prefersDark) ? DARK_CANVAS : WHITE;
}

/** Black behind light text, white behind dark text (no text colour: white). */
function guessFromText(textColor: string): Rgba {
  const text = parseColor(textColor);
  return text && relativeLuminance(text) >= SPLIT ? BLACK : WHITE;
}

/** `top` composited over an opaque `bottom` (source-over, in sRGB as browsers do). */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (t: number, b: number) => t * top.a + b * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/** WCAG 2 relative luminance of an sRGB colour (alpha ignored). */
export function relativeLuminance({ r, g, b }: Rgba): number {
  return 0.2126 * toLinear(r) + 0.7152 * toLinear(g) + 0.0722 * toLinear(b);
}

/** WCAG 2 contrast ratio of two opaque colours (1 to 21). */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

function toLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function toGamma(c: number): number {
  const v = Math.min(1, Math.max(0, c));
  return v <= 0.0031308 ? v * 12.92 : 1.055 * v ** (1 / 2.4) - 0.055;
}

const FUNCTION = /^([a-z-]+)\(\s*(.*?)\s*\)$/;

/**
 * Parses a computed colour: hex, rgb()/rgba(), color(srgb …), oklab(), oklch(), lab(),
 * lch() and `transparent`; null for anything else. Wide-gamut spaces are read as sRGB
 * and lab()/lch() as the grey of the same luminance: close enough for light or dark.
 */
export function parseColor(value: string): Rgba | null {
  // What most elements on a page compute to: skip the parsing (the walk meets it often).
  if (value === 'rgba(0, 0, 0, 0)') return { r: 0, g: 0, b: 0, a: 0 };
  const v = value.trim().toLowerCase();
  if (v === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  if (v.startsWith('#')) return parseHex(v.slice(1));
  const m = FUNCTION.exec(v);
  if (!m) return null;
  const [, name, body] = m as unknown as [string, string, string];
  const [main, alphaPart] = body.split('/') as [string, string | undefined];
  const parts = main
    .replace(/,/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((p) => p !== '');
  // Legacy rgba(r, g, b, a) puts alpha fourth, after a comma.
  let alphaText = alphaPart?.trim();
  if (alphaText === undefined && parts.length === 4 && !name.startsWith('color')) {
    alphaText = parts.pop();
  }
  const a = alphaText === undefined ? 1 : number(alphaText, 1);
  if (a === null) return null;
  const n = (i: number, percentOf = 1) => number(parts[i] ?? '', percentOf);
  switch (name) {
    case 'rgb':
    case 'rgba': {
      const [r, g, b] = [n(0, 255), n(1, 255), n(2, 255)];
      if (r === null || g === null || b === null || parts.length !== 3) return null;
      return clampRgba({ r: r / 255, g: g / 255, b: b / 255, a });
    }
    case 'color': {
      const space = parts.shift();
      const [r, g, b] = [n(0), n(1), n(2)];
      if (r === null || g === null || b === null) return null;
      if (space === 'srgb-linear')
        return clampRgba({ r: toGamma(r), g: toGamma(g), b: toGamma(b), a });
      if (space === 'xyz' || space === 'xyz-d65' || space === 'xyz-d50') return grey(g, a);
      return clampRgba({ r, g, b, a });
    }
    case 'oklab':
    case 'oklch': {
      const [l, x, y] = [n(0), n(1, 0.4), name === 'oklab' ? n(2, 0.4) : n(2)];
      if (l === null || x === null || y === null) return null;
      const hue = (y * Math.PI) / 180;
      const [A, B] = name === 'oklab' ? [x, y] : [x * Math.cos(hue), x * Math.sin(hue)];
      return oklabToSrgb(l, A, B, a);
    }
    case 'lab':
    case 'lch': {
      const l = n(0, 100);
      if (l === null) return null;
      // CIE Y follows from L* alone; the chroma hardly moves luminance.
      const f = (l + 16) / 116;
      return grey(l > 8 ? f ** 3 : l / 903.3, a);
    }
    default:
      return null;
  }
}

/** A number, a percentage of `percentOf`, or `none` (0). */
function number(text: string, percentOf = 1): number | null {
  if (text === 'none') return 0;
  const pct = text.endsWith('%');
  const x = Number(pct ? text.slice(0, -1) : text);
  if (text === '' || !Number.isFinite(x)) return null;
  return pct ? (x / 100) * percentOf : x;
}

function parseHex(hex: string): Rgba | null {
  if (!/^[0-9a-f]+$/.test(hex) || ![3, 4, 6, 8].includes(hex.length)) return null;
  const short = hex.length <= 4;
  const digits = short ? [...hex].map((c) => c + c) : (hex.match(/../g) ?? []);
  const [r, g, b, a = 'ff'] = digits as [string, string, string, string?];
  const x = (d: string) => parseInt(d, 16) / 255;
  return { r: x(r), g: x(g), b: x(b), a: x(a) };
}

function grey(luminance: number, a: number): Rgba {
  const c = toGamma(luminance);
  return { r: c, g: c, b: c, a: Math.min(1, Math.max(0, a)) };
}

function clampRgba({ r, g, b, a }: Rgba): Rgba {
  const c = (x: number) => Math.min(1, Math.max(0, x));
  return { r: c(r), g: c(g), b: c(b), a: c(a) };
}

/** OKLab to sRGB (Björn Ottosson's matrices), clamped into the sRGB gamut. */
function oklabToSrgb(L: number, A: number, B: number, a: number): Rgba {
  const l = (L + 0.3963377774 * A + 0.2158037573 * B) ** 3;
  const m = (L - 0.1055613458 * A - 0.0638541728 * B) ** 3;
  const s = (L - 0.0894841775 * A - 1.291485548 * B) ** 3;
  return clampRgba({
    r: toGamma(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
    g: toGamma(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
    b: toGamma(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s),
    a,
  });
}
