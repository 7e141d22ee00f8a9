/** Which documents MyoLens reads, and when: shared by the top frame's script and the frames'. */

/** Only real HTML pages: not XML, SVG, or JSON/plain-text viewers' foreign documents. */
export function isHtmlDocument(doc: Document): boolean {
  return (
    doc.documentElement?.namespaceURI === 'http://www.w3.org/1999/xhtml' &&
    doc.contentType !== 'text/plain'
  );
}

/** Resolves with <body> once the document has one (some pages build it late), or null. */
export function bodyReady(doc: Document, signal: AbortSignal): Promise<HTMLElement | null> {
  if (doc.body) return Promise.resolve(doc.body);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!doc.body) return;
      observer.disconnect();
      resolve(doc.body);
    });
    observer.observe(doc.documentElement, { childList: true });
    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        resolve(null);
      },
      { once: true },
    );
  });
}
