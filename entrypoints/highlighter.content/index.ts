import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startTab } from './coordinator';
import './style.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // WXT's extra window.postMessage would tell every page that MyoLens is installed.
  noScriptStartedPostMessage: true,
  main: (ctx) => {
    if (!isHtmlDocument(document)) return;
    void bodyReady(ctx).then((body) => body && startTab(ctx, window));
  },
});

/** Only real HTML pages: not XML, SVG, or JSON/plain-text viewers' foreign documents. */
function isHtmlDocument(doc: Document): boolean {
  return (
    doc.documentElement?.namespaceURI === 'http://www.w3.org/1999/xhtml' &&
    doc.contentType !== 'text/plain'
  );
}

/** Resolves with <body> once the document has one (some pages build it late), or null. */
function bodyReady(ctx: ContentScriptContext): Promise<HTMLElement | null> {
  if (document.body) return Promise.resolve(document.body);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.body) return;
      observer.disconnect();
      resolve(document.body);
    });
    observer.observe(document.documentElement, { childList: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      resolve(null);
    });
  });
}
