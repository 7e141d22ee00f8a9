import { decideScheme, isOpaque, type BackgroundLayer, type Scheme } from '@/lib/color-scheme';

/** Our marks' namespace attribute (TERM_ATTR in highlight.ts, which this file must not need). */
const OWN_MARK_ATTR = 'data-myolens-term';

/**
 * Light or dark behind `el`, the element a term sits in, as the page paints it: the
 * tooltip follows the page, not the operating system (a light article on a dark system
 * gets a light tooltip). Reads computed styles from `el` outwards and stops at the first
 * opaque background, so it costs a few `getComputedStyle` reads per tooltip opened.
 * Known blind spot: only ancestors count, not a sibling positioned underneath the term.
 */
export function pageScheme(el: Element, win: Window): Scheme {
  const layers: BackgroundLayer[] = [];
  for (let node: Element | null = el; node; node = parentOf(node)) {
    // A mark of ours is tinted by us (soft highlight, the "On this page" flash), not by
    // the page; an amber flash on a dark page would otherwise read as light.
    if (node.hasAttribute(OWN_MARK_ATTR)) continue;
    const style = win.getComputedStyle(node);
    const layer = { color: style.backgroundColor, image: style.backgroundImage !== 'none' };
    layers.push(layer);
    if (isOpaque(layer)) break;
  }
  return decideScheme({
    layers,
    rootColorScheme: rootColorScheme(win),
    textColor: win.getComputedStyle(el).color,
    prefersDark: win.matchMedia('(prefers-color-scheme: dark)').matches,
  });
}

/**
 * The root's color-scheme: its CSS value, else the page's <meta name="color-scheme">, which
 * picks the canvas without appearing in the computed style (CSS Color Adjustment 1, §2.2).
 */
function rootColorScheme(win: Window): string {
  const doc = win.document;
  const css = win.getComputedStyle(doc.documentElement).colorScheme;
  if (css && css !== 'normal') return css;
  return doc.querySelector('meta[name="color-scheme" i]')?.getAttribute('content') ?? 'normal';
}

/** The parent element, across a shadow boundary to its host (a term in a page's slot). */
function parentOf(node: Element): Element | null {
  const parent = node.parentNode;
  // nodeType, not instanceof: the content script's ShadowRoot is not the page's in Firefox.
  if (parent?.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return (parent as ShadowRoot).host ?? null;
  return node.parentElement;
}
