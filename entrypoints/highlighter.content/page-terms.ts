import type { PageController } from './controller';
import type { Highlighter } from './highlight';

/** The terms marked on this page with their counts, in the order they first appear. */
export function pageTerms(controller: PageController | undefined, hostname: string) {
  const counts = new Map<string, number>();
  if (controller) {
    const { highlighter } = controller;
    for (const mark of highlighter.marks()) {
      const id = highlighter.termIdOfMark(mark)!;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return {
    terms: [...counts].map(([id, count]) => ({ id, count })),
    available: controller !== undefined,
    hostname,
  };
}

const FLASH_ATTR = 'data-myolens-flash';
/** Which occurrence of each term "reveal" showed last, so the next call moves on. */
const lastShown = new WeakMap<Highlighter, Map<string, HTMLElement>>();

/** Scrolls to the next occurrence of a term (after the last one shown) and flashes it. */
export function reveal(highlighter: Highlighter, termId: string): boolean {
  const marks = highlighter.marks().filter((m) => highlighter.termIdOfMark(m) === termId);
  if (!marks.length) return false;
  const shown = lastShown.get(highlighter) ?? new Map<string, HTMLElement>();
  lastShown.set(highlighter, shown);
  const previous = shown.get(termId);
  const next = marks[(previous ? marks.indexOf(previous) + 1 : 0) % marks.length]!;
  shown.set(termId, next);
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  next.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  next.setAttribute(FLASH_ATTR, '');
  setTimeout(() => next.removeAttribute(FLASH_ATTR), 1600);
  return true;
}
