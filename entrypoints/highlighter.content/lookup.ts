/**
 * Looking up the reader's selection in place: the context menu's "Look up" (the
 * background asks) and, when the setting is on, a double-click. The bubble is the
 * tooltip, anchored by Floating UI to a copy of the selection's range: the page's DOM
 * and its selection stay as the reader left them.
 */
import { lookupQuery, termOfText } from '@/lib/lookup';
import type { LookupResults } from '@/lib/lookup-results';
import type { Matcher } from '@/lib/matcher';
import type { TabSession } from './tab';
import type { Anchor, TooltipHost } from './tooltip-host';

/** What the lookup needs from the rest of the content script. */
export interface LookupDeps {
  tooltip: TooltipHost;
  matcher: Matcher;
  /** The current session (MyoLens on here), if any. */
  session(): TabSession | undefined;
  /** Does a double-click look up now (the setting on, MyoLens on for this site)? */
  onDoubleClick(): boolean;
  /** The guide's best results for a text (asked of the background), or null. */
  search(query: string): Promise<LookupResults | null>;
}

// Where a double-click edits or picks rather than reads: no bubble there.
const EDITABLE = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

/** A bubble anchor over a copy of the selection's range (the selection itself is not touched). */
function selectionAnchor(selection: Selection): { anchor: Anchor; range: Range } | undefined {
  if (selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0).cloneRange();
  const node = range.commonAncestorContainer;
  const element =
    node.nodeType === Node.ELEMENT_NODE
      ? (node as Element)
      : (node.parentElement ?? node.ownerDocument?.documentElement);
  if (!element) return undefined;
  const anchor: Anchor = {
    key: {},
    element,
    rects: () => range.getClientRects(),
    bounding: () => range.getBoundingClientRect(),
    // The page removed the text (a live range collapses onto what remains).
    present: () => !range.collapsed && range.startContainer.isConnected,
  };
  return { anchor, range };
}

/**
 * Listens for trusted double-clicks (when enabled) and returns the context menu's entry
 * point. Both read the selection themselves: nothing a page sends or sets is acted on.
 */
export function listenLookup(
  win: Window,
  deps: LookupDeps,
  signal: AbortSignal,
): { fromMenu(text: string): Promise<boolean> } {
  const { tooltip } = deps;

  /** The term a mention found on the page holds, when the selection lies inside it. */
  const termAround = (range: Range): string | undefined => {
    const node = range.startContainer;
    if (node !== range.endContainer || node.nodeType !== Node.TEXT_NODE) return undefined;
    const found = deps.session()?.at(node as Text) ?? [];
    return found.find((o) => range.startOffset >= o.start && range.endOffset <= o.end)?.termId;
  };

  /** Shows the bubble for the selection: its term, else the guide's results. */
  const lookUp = async (
    selection: Selection,
    opts: { focus: boolean; point?: { x: number; y: number } },
  ): Promise<boolean> => {
    const text = lookupQuery(selection.toString());
    const at = selectionAnchor(selection);
    if (!text || !at) return false;
    const open = {
      focus: opts.focus,
      point: opts.point,
      returnTo: tooltip.hasFocus ? null : win.document.activeElement,
      persistent: true,
    };
    // "vitamin D" selected is vitamin D; "receptor" double-clicked inside a mention of
    // "vitamin D receptor" is the receptor.
    const termId = termOfText(deps.matcher, text) ?? termAround(at.range);
    if (termId) {
      await tooltip.open(at.anchor, termId, open);
    } else {
      const results = await deps.search(text);
      if (!results || signal.aborted) return false;
      await tooltip.openResults(at.anchor, results, open);
    }
    return tooltip.openKey === at.anchor.key;
  };

  win.addEventListener(
    'dblclick',
    (e) => {
      // Only the reader's own double-click: a page can dispatch a synthetic one.
      if (!e.isTrusted || !deps.onDoubleClick() || tooltip.contains(e)) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest(EDITABLE) || (target as HTMLElement | null)?.isContentEditable) return;
      const selection = win.getSelection();
      if (!selection) return;
      const point = { x: e.clientX, y: e.clientY };
      // An orphaned script (the extension was updated) cannot reach the background.
      lookUp(selection, { focus: false, point }).catch(() => undefined);
    },
    { capture: true, passive: true, signal },
  );

  return {
    /**
     * The context menu's "Look up" on `text` (the browser's selectionText): shown at the
     * page's selection when it is that text, with keyboard focus in the bubble (the menu
     * may have been opened with the keyboard). False when it is not: the background then
     * opens the guide instead.
     */
    fromMenu: (text) => {
      const selection = win.getSelection();
      if (!selection || lookupQuery(selection.toString()) !== text) return Promise.resolve(false);
      return lookUp(selection, { focus: true });
    },
  };
}
