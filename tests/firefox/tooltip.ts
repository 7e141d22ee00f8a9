/**
 * Reading the tooltip from outside its closed shadow root: the host is found with a page
 * selector, the tree inside it through WebDriver BiDi, and how it looks by running page
 * functions on those nodes.
 */
import type { Page } from 'puppeteer-core';
import { findNode, type BidiNode, type BidiPage } from './bidi';
import { assert, waitFor } from './harness';

/** What the test reads about the open tooltip. */
export interface TooltipState {
  label: string;
  rect: { x: number; y: number; width: number; height: number };
  inViewport: boolean;
  /** The topmost element at the tooltip's centre is our host (nothing covers it). */
  onTop: boolean;
  background: string;
  opacity: string;
  /** Of the dialog's parent, the layer Floating UI places. */
  position: string;
  adoptedSheets: number;
  styleElements: number;
}

/** Hovers the first element matching `mark` and reads the tooltip that opens. */
export async function hoverAndReadTooltip(
  page: Page,
  bidi: BidiPage,
  /** A wrapped mark's selector, or the client point of a painted term. */
  target: string | { x: number; y: number },
): Promise<{ dialog: BidiNode; state: TooltipState }> {
  if (typeof target === 'string') await page.hover(target);
  else await page.mouse.move(target.x, target.y);
  return readTooltip(bidi);
}

/** The tooltip dialog in the closed shadow root, or undefined while none is shown. */
async function findDialog(
  bidi: BidiPage,
): Promise<{ host: BidiNode; dialog: BidiNode } | undefined> {
  // The host is in the document only while something is open (ui-host.ts).
  const host = await bidi.element('[data-myolens-ui]');
  if (!host) return undefined;
  assert(host.value?.shadowRoot?.value?.mode === 'closed', 'its shadow root is not closed');
  const dialog = findNode(host, (n) => n.value?.attributes?.role === 'dialog');
  return dialog && { host, dialog };
}

/** Reads the open tooltip (once it is labelled `label`, when given). */
export async function readTooltip(
  bidi: BidiPage,
  label?: string,
  ms?: number,
): Promise<{ dialog: BidiNode; state: TooltipState }> {
  return waitFor(
    `the tooltip dialog in <myolens-ui>${label ? ` labelled "${label}"` : ''}`,
    async () => {
      const found = await findDialog(bidi);
      if (!found) return undefined;
      const state = await bidi.call<TooltipState>(READ_STATE, found.dialog, found.host);
      return label === undefined || state.label === label
        ? { dialog: found.dialog, state }
        : undefined;
    },
    ms,
  );
}

/** Waits until no tooltip dialog is shown (closing empties the layer). */
export async function waitTooltipClosed(bidi: BidiPage): Promise<void> {
  await waitFor('the tooltip to close', async () => !(await findDialog(bidi)));
}

const READ_STATE = `async (dialog, host) => {
  // Read it once its fade-in is over.
  await Promise.all(dialog.getAnimations({ subtree: true }).map((a) => a.finished));
  const root = dialog.getRootNode();
  // What shows is the layer around the dialog: where the viewport is short (a frame), the
  // layer is sized to the room there is and scrolls its taller dialog.
  const r = (dialog.parentElement ?? dialog).getBoundingClientRect();
  const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  const labelId = dialog.getAttribute('aria-labelledby');
  return {
    label: (labelId && root.getElementById(labelId)?.textContent?.trim()) || '',
    rect: { x: r.x, y: r.y, width: r.width, height: r.height },
    inViewport: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 &&
      r.bottom <= innerHeight && r.right <= innerWidth,
    onTop: hit === host,
    background: getComputedStyle(dialog).backgroundColor,
    opacity: getComputedStyle(dialog).opacity,
    position: dialog.parentElement ? getComputedStyle(dialog.parentElement).position : '',
    adoptedSheets: root.adoptedStyleSheets.length,
    styleElements: root.querySelectorAll('style').length,
  };
}`;

/** The tooltip names `label`, is inside the viewport, on top, and styled by our sheet. */
export function assertVisibleAndStyled(state: TooltipState, label: string): void {
  const detail = JSON.stringify(state);
  assert(state.label === label, `the tooltip is labelled "${state.label}", expected "${label}"`);
  assert(state.inViewport, `the tooltip is not inside the viewport: ${detail}`);
  assert(state.onTop, `something covers the tooltip at its centre: ${detail}`);
  // Unstyled, the layer would be a static, transparent block after the page's content.
  assert(state.position === 'fixed', `the tooltip's layer is not fixed (unstyled?): ${detail}`);
  assert(
    !/^(transparent|rgba\(0, 0, 0, 0\))$/.test(state.background),
    `the tooltip has no background (unstyled?): ${detail}`,
  );
  assert(state.opacity === '1', `the tooltip is not opaque once shown: ${detail}`);
}

/** Describes where the tooltip is and which way its styles arrived. */
export function describe(state: TooltipState): string {
  const r = state.rect;
  return (
    `"${state.label}" at ${Math.round(r.x)},${Math.round(r.y)} ` +
    `${Math.round(r.width)}×${Math.round(r.height)}; styles: ${state.adoptedSheets} adopted ` +
    `sheet(s), ${state.styleElements} <style> element(s)`
  );
}

/** The centre of the tooltip's button whose text matches `text`, or null. */
export function buttonCentre(
  bidi: BidiPage,
  dialog: BidiNode,
  text: RegExp,
): Promise<{ x: number; y: number } | null> {
  return bidi.call(
    `(dialog) => {
      const button = [...dialog.querySelectorAll('button')]
        .find((b) => ${text.toString()}.test(b.textContent));
      if (!button) return null;
      const r = button.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }`,
    dialog,
  );
}
