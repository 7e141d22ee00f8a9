import type { Density } from '@/lib/settings';

/**
 * Which mentions are underlined (the `Density` setting). Every mention explains itself on hover and keyboard;
 * only these are drawn:
 * - 'section' (the default): the first mention of each term in each section, where a
 *   section runs from one heading to the next (and the document before the first);
 * - 'first': the first mention of each term on the page;
 * - 'all': every mention.
 * Never in navigation (menus, breadcrumbs: link lists where an underline reads as a
 * link) and never in headings: a heading's term is explained in the text below it,
 * where its first mention in the section is underlined instead, and a dotted line
 * under display type restyles the page most.
 */
/** Elements that open a section. */
const HEADINGS = 'h1,h2,h3,h4,h5,h6,[role="heading"]';

/** Where no mention is underlined (explained on hover all the same). */
const QUIET = [
  HEADINGS,
  'nav',
  '[role="navigation"]',
  '[role="menu"]',
  '[role="menubar"]',
  '[role="menuitem"]',
  '[aria-label*="breadcrumb" i]',
  '.breadcrumb',
  '.breadcrumbs',
  '[itemtype$="BreadcrumbList"]',
].join(',');

/**
 * Which terms are underlined in which section: one per tab, shared by its roots, so that
 * "first mention on the page" is the page's first whichever root holds it.
 */
export interface Claims {
  shownIn: WeakMap<object, Set<string>>;
  /** The key of the whole page (density 'first'). */
  page: object;
}

/**
 * Decides, for mentions found in document order, which are underlined. Sections come
 * from the page's headings, read once and again only after the page changed (`stale`).
 */
export class UnderlinePolicy {
  private headings: Element[] | null = null;
  /** Index in `headings` of the section the last node asked about was in. */
  private cursor = -1;
  /** Terms already underlined, per section. */
  private readonly claims: Claims;

  constructor(
    /** Where sections are read (a document or a shadow root); the section before the first heading. */
    private readonly root: ParentNode,
    private density: Density,
    /** Shared with the tab's other roots; a root of its own otherwise. */
    claims?: Claims,
  ) {
    this.claims = claims ?? { shownIn: new WeakMap(), page: root };
  }

  /** The page changed: headings may have come or gone. */
  stale(): void {
    this.headings = null;
  }

  /** A new density, or a fresh start: nothing is underlined yet. */
  reset(density: Density = this.density): void {
    this.density = density;
    // Every root of the tab restarts together: the shared claims start afresh.
    this.claims.shownIn = new WeakMap();
    this.headings = null;
  }

  /** The section of `node`: the last heading before it, or the root. */
  sectionOf(node: Node): object {
    // Only the default density needs sections: the others spare the headings' lookup.
    if (this.density !== 'section') return this.root;
    const hs = (this.headings ??= [...this.root.querySelectorAll(HEADINGS)]);
    if (!hs.length) return this.root;
    const before = (h: Element) =>
      (h.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 ||
      h.contains(node);
    // Nodes mostly come in document order: the last section or the next one, usually.
    let i = this.cursor;
    if (i >= hs.length || (i >= 0 && !before(hs[i]!))) i = -1;
    if (i + 1 < hs.length && before(hs[i + 1]!)) {
      i++;
      if (i + 1 < hs.length && before(hs[i + 1]!)) {
        // Further ahead: binary search for the last heading before the node.
        let lo = i + 1;
        let hi = hs.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (before(hs[mid]!)) lo = mid;
          else hi = mid - 1;
        }
        i = lo;
      }
    }
    this.cursor = i;
    return i === -1 ? this.root : hs[i]!;
  }

  /** Is `node` in a place where mentions are never underlined? */
  quiet(node: Text): boolean {
    return node.parentElement?.closest(QUIET) != null;
  }

  /** Should this mention of `termId` in `section` be underlined? Records it if so. */
  claim(termId: string, section: object, quiet: boolean): boolean {
    if (quiet) return false;
    if (this.density === 'all') return true;
    const key = this.density === 'first' ? this.claims.page : section;
    let terms = this.claims.shownIn.get(key);
    if (!terms) this.claims.shownIn.set(key, (terms = new Set()));
    if (terms.has(termId)) return false;
    terms.add(termId);
    return true;
  }

  /** An underlined mention went away: the next one found in its place may take over. */
  release(termId: string, section: object): void {
    const key = this.density === 'first' ? this.claims.page : section;
    this.claims.shownIn.get(key)?.delete(termId);
  }
}
