import type { Page, Worker } from '@playwright/test';
import { centre, textRects } from './paint-helpers';

/** The page's selection as the page sees it: text and boundaries (to prove it unchanged). */
export interface SelectionState {
  text: string;
  ranges: number;
  anchor: string;
  focus: string;
}

/** Reads the page's selection from the main world. */
export function selectionState(page: Page): Promise<SelectionState> {
  return page.evaluate(() => {
    const s = getSelection()!;
    const where = (node: Node | null, offset: number) =>
      node ? `${node.parentElement?.id || node.nodeName}:${offset}` : 'none';
    return {
      text: s.toString(),
      ranges: s.rangeCount,
      anchor: where(s.anchorNode, s.anchorOffset),
      focus: where(s.focusNode, s.focusOffset),
    };
  });
}

/** Selects `text` inside the element `selector` as a reader would see it selected. */
export async function selectText(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ({ selector, text }) => {
      const root = document.querySelector(selector)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(text);
        if (i === -1) continue;
        getSelection()!.setBaseAndExtent(n, i, n, i + text.length);
        return;
      }
      throw new Error(`"${text}" not in ${selector}`);
    },
    { selector, text },
  );
}

/** A real (trusted) double-click on `word`, which selects it as the browser does. */
export async function doubleClickWord(page: Page, selector: string, word: string): Promise<void> {
  const [box] = await textRects(page, selector, word);
  const { x, y } = centre(box!);
  await page.mouse.dblclick(x, y);
}

/**
 * Chooses the context menu's "Look up" on `page`: Playwright cannot open a native menu,
 * so the service worker's own click handler is called with what Chromium passes it (the
 * selection's text, the top frame, the tab).
 */
export async function menuLookup(
  background: Worker,
  page: Page,
  selectionText: string,
): Promise<void> {
  await page.bringToFront();
  await background.evaluate(async (selectionText) => {
    const g = globalThis as unknown as {
      chrome: { tabs: { query(q: object): Promise<{ id?: number; index: number }[]> } };
      myolensMenuClicked(info: object, tab?: object): Promise<void>;
    };
    const [tab] = await g.chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    await g.myolensMenuClicked(
      { menuItemId: 'myolens-lookup', selectionText, frameId: 0 },
      { id: tab.id, index: tab.index },
    );
  }, selectionText);
}
