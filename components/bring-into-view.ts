/**
 * Moves the reader to an element after navigation: opens it if it is a closed FAQ
 * disclosure, scrolls it to the top and moves focus there, so the next Tab continues
 * from what was opened rather than from the search field.
 */
const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

/**
 * Scrolls to the element with this id and focuses it (or its summary) unless `focus` is
 * false; false when absent.
 */
export function bringIntoView(id: string, doc: Document = document, focus = true): boolean {
  const element = doc.getElementById(id);
  if (!element) return false;
  // Fragment navigation does not open a closed <details>; the FAQ entry must show its answer.
  const details = element.tagName === 'DETAILS' ? (element as HTMLDetailsElement) : null;
  if (details) details.open = true;
  const focusTarget = details?.querySelector('summary') ?? element;
  if (focus && !focusTarget.matches(FOCUSABLE)) focusTarget.setAttribute('tabindex', '-1');
  element.scrollIntoView({ block: 'start' });
  if (focus) (focusTarget as HTMLElement).focus({ preventScroll: true });
  return true;
}
