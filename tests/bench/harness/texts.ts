import type { PageTexts } from '../types';

// Written out here rather than taken from scan.ts: the reference must not share the code
// it checks. The same list as DESIGN.md's "Never inside".
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SVG',
  'MATH',
  'MARK',
]);

function excluded(el: Element | null): boolean {
  if (!el) return true;
  if (el.ownerDocument.designMode === 'on') return true;
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.namespaceURI !== 'http://www.w3.org/1999/xhtml') return true;
    if (SKIP.has(e.tagName)) return true;
    const ce = e.getAttribute('contenteditable');
    if (ce !== null && ce !== 'false') return true;
    if (e.getAttribute('role') === 'textbox') return true;
  }
  return false;
}

/** The text nodes of an unmarked page, with an ancestor walk of our own for exclusions. */
export function pageTexts(doc: Document): PageTexts {
  const all: string[] = [];
  const markable: string[] = [];
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = (n as Text).data;
    all.push(data);
    if (!excluded(n.parentElement)) markable.push(data);
  }
  return { all, markable, bodyText: doc.body.textContent ?? '' };
}
