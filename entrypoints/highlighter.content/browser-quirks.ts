/**
 * Cross-browser differences of the content script, in one place.
 */

/**
 * Gives a shadow root its styles. A constructed stylesheet is not subject to the page's
 * CSP `style-src` (an inline <style> is, in Chromium, on strict pages), so it comes first.
 * Firefox ESR 140 cannot adopt a sheet made in the content-script sandbox into a page's
 * shadow root: the assignment throws "Accessing from Xray wrapper is not supported" (ESR
 * 153 adopts it). There the <style> element is the fallback, and it is safe: Firefox does
 * not apply the page's CSP to a <style> a content script inserts. tests/firefox/smoke.ts
 * checks the tooltip is styled under `default-src 'none'` in each Firefox it finds.
 * (No `wrappedJSObject` route: a sheet built from the page's own CSSStyleSheet would run
 * code the page can replace.)
 */
export function adoptStyles(shadow: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    return;
  } catch {
    /* fall through to a <style> element */
  }
  const style = document.createElement('style');
  style.textContent = css;
  shadow.prepend(style);
}

/** The first Firefox that paints `::highlight()` (from a content script too). */
export const FIREFOX_PAINTS_FROM = 149;

/**
 * Does this browser paint CSS Custom Highlights? Feature tests lie here: Firefox ESR 140
 * has `CSS.highlights`, answers `CSS.supports('selector(::highlight(x))')` with true and
 * accepts highlights, yet paints nothing (painting came in Firefox 149). So Firefox is
 * decided by its version, from `runtime.getBrowserInfo()` (asked of the background,
 * since content scripts cannot call it); Chromium has painted them since 105, older than
 * any Chromium that runs this Manifest V3 build. No answer means wrap: it always shows.
 */
export async function paintsHighlights(
  win: Window,
  firefox: boolean,
  engine: () => Promise<{ name: string; version: string } | null>,
): Promise<boolean> {
  const w = win as unknown as {
    CSS?: { highlights?: unknown };
    Highlight?: unknown;
    StaticRange?: unknown;
  };
  if (
    !w.CSS?.highlights ||
    typeof w.Highlight !== 'function' ||
    typeof w.StaticRange !== 'function'
  )
    return false;
  if (!firefox) return true;
  const info = await engine().catch(() => null);
  const major = info ? Number.parseInt(info.version, 10) : NaN;
  return Number.isFinite(major) && major >= FIREFOX_PAINTS_FROM;
}
