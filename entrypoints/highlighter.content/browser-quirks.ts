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
