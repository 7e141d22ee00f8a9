/**
 * Cross-browser differences of the content script, in one place.
 */

/**
 * Gives a shadow root its styles. A constructed stylesheet is not subject to the page's
 * CSP `style-src` (an inline <style> is, on strict pages). Firefox's content-script
 * sandbox cannot always assign a content-world CSSStyleSheet to a page-world shadow root
 * (Xray wrappers), so there a <style> element is the fallback.
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
