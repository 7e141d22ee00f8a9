/**
 * Talking to the content script of the tab the popup or the side panel shows: which
 * terms it found, and "show me this one".
 */
import { browser } from 'wxt/browser';
import type { PageTermsState } from '@/components/PageTermsView';
import { sendToTab, type MessageTabs, type PageTermsResponse } from '@/lib/messages';

/** How long to wait for a content script before saying the page cannot be read. */
const ANSWER_TIMEOUT_MS = 1500;

/**
 * The tab whose terms the popup shows. Normally the active tab of the popup's window
 * (`tabs.query` without the `tabs` permission still gives ids). The e2e tests open
 * popup.html as a page in a tab, where "the active tab" would be that page itself, so
 * they name the target with `?tab=<id>`; extension pages are not web-accessible, so no
 * web page can open the popup with a tab id of its choosing.
 */
export async function targetTabId(search: string): Promise<number | undefined> {
  const named = Number(new URLSearchParams(search).get('tab'));
  if (Number.isSafeInteger(named) && named > 0) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

// Resolves null once `ms` pass without an answer.
function withTimeout<T>(promise: Promise<T | null>, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    void promise.then((value) => (clearTimeout(timer), resolve(value)));
  });
}

/** The "This page" state for a validated answer (null: none, or malformed). */
export function stateOfTerms(response: PageTermsResponse | null): PageTermsState {
  if (!response) return { status: 'unreachable' };
  const hostname = response.hostname ?? '';
  if (!response.available) return { status: 'off', hostname };
  return { status: 'ready', hostname, terms: response.terms };
}

/**
 * Asks the tab's content script for its terms. Browser pages, stores, PDFs and tabs
 * opened before installation have none: sendMessage rejects (or never answers), which
 * is "unreachable", never an error; so is a malformed answer.
 */
export async function loadPageTerms(
  tabId: number | undefined,
  tabs: MessageTabs = browser.tabs,
): Promise<PageTermsState> {
  if (tabId === undefined) return { status: 'unreachable' };
  // The top-level page's script speaks for the tab, its frames' terms included.
  const answer = sendToTab(tabs, tabId, { type: 'get-page-terms' }, { frameId: 0 });
  return stateOfTerms(await withTimeout(answer, ANSWER_TIMEOUT_MS));
}

/** Asks the content script to scroll to the term's next occurrence; false if it could not. */
export async function revealTerm(
  tabId: number | undefined,
  termId: string,
  tabs: MessageTabs = browser.tabs,
): Promise<boolean> {
  if (tabId === undefined) return false;
  // Null: no content script received it; it answers nothing (undefined) when it did.
  const message = { type: 'reveal-term', termId } as const;
  return (await sendToTab(tabs, tabId, message, { frameId: 0 })) !== null;
}
