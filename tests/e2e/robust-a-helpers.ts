import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import { join } from 'node:path';
import { ourErrors, ROOT, type ConsoleEntry } from './fixtures';

/** The robustness fixtures (part A). */
export const FIXTURES = join(ROOT, 'tests/fixtures/robust-a');

/** Bundles a fixture app from real npm packages (Quill, CodeMirror) into one classic script. */
export async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [join(FIXTURES, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** A small HTML page. */
export function html(title: string, body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
}

/**
 * Errors MyoLens caused: `ourErrors`, plus uncaught errors whose stack runs through our
 * scripts. (An uncaught error from a content script reaches Playwright as a `pageerror`
 * with no URL and a message that need not name us; only its stack says chrome-extension://.)
 */
export function ourErrorsStrict(entries: ConsoleEntry[]): ConsoleEntry[] {
  return entries.filter((e) => ourErrors([e]).length > 0 || /chrome-extension:\/\//.test(e.text));
}

/** Anything MyoLens leaves in a serialisation when it leaks into it. */
export const TRACE = /myolens|<mark\b/i;

/** Computed style of the mark vs. its parent, and the boxes that show whether it is readable. */
export interface MarkLook {
  display: string;
  visibility: string;
  opacity: string;
  color: string;
  parentColor: string;
  fontSize: string;
  parentFontSize: string;
  fontFamily: string;
  parentFontFamily: string;
  lineHeight: string;
  parentLineHeight: string;
  letterSpacing: string;
  parentLetterSpacing: string;
  textDecorationLine: string;
  textDecorationStyle: string;
  backgroundColor: string;
  padding: string;
  margin: string;
  border: string;
  position: string;
  transform: string;
  filter: string;
  clipPath: string;
  before: string;
  after: string;
  /** checkVisibility() with opacity and visibility. */
  visible: boolean;
  /** The mark's border box. */
  box: { x: number; y: number; width: number; height: number };
  /** The box of the mark's own text (a Range over it): equals `box` when nothing is added. */
  textBox: { x: number; y: number; width: number; height: number };
  /** The element at the centre of the mark's text is the mark (nothing covers it). */
  onTop: boolean;
}

/** How the first element matching `selector` (a mark) looks next to its parent text. */
export function lookOf(page: Page, selector: string): Promise<MarkLook> {
  return page
    .locator(selector)
    .first()
    .evaluate((mark) => {
      const cs = getComputedStyle(mark);
      const ps = getComputedStyle(mark.parentElement!);
      const range = document.createRange();
      range.selectNodeContents(mark);
      const r = mark.getBoundingClientRect();
      const t = range.getBoundingClientRect();
      const hit = document.elementFromPoint(t.x + t.width / 2, t.y + t.height / 2);
      return {
        display: cs.display,
        visibility: cs.visibility,
        opacity: cs.opacity,
        color: cs.color,
        parentColor: ps.color,
        fontSize: cs.fontSize,
        parentFontSize: ps.fontSize,
        fontFamily: cs.fontFamily,
        parentFontFamily: ps.fontFamily,
        lineHeight: cs.lineHeight,
        parentLineHeight: ps.lineHeight,
        letterSpacing: cs.letterSpacing,
        parentLetterSpacing: ps.letterSpacing,
        textDecorationLine: cs.textDecorationLine,
        textDecorationStyle: cs.textDecorationStyle,
        backgroundColor: cs.backgroundColor,
        padding: cs.padding,
        margin: cs.margin,
        border: `${cs.borderTopWidth} ${cs.borderRightWidth} ${cs.borderBottomWidth} ${cs.borderLeftWidth}`,
        position: cs.position,
        transform: cs.transform,
        filter: cs.filter,
        clipPath: cs.clipPath,
        before: getComputedStyle(mark, '::before').content,
        after: getComputedStyle(mark, '::after').content,
        visible: mark.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
        textBox: { x: t.x, y: t.y, width: t.width, height: t.height },
        onTop: !!hit && (hit === mark || mark.contains(hit)),
      };
    });
}

/**
 * Collects `securitypolicyviolation` events in the page from the very start (an init
 * script runs before the page's own scripts and is not subject to its CSP).
 */
export async function collectViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__violations', { value: seen });
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        seen.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} sample=${e.sample}`,
        ),
      true,
    );
  });
}

/** The CSP violations seen so far in the page. */
export function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __violations: string[] }).__violations]);
}
