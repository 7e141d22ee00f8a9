/**
 * Talking to the content script of the tab the popup or the side panel shows: which
 * terms it found, and "show me this one".
 */
import { browser } from 'wxt/browser';
import type { PageTermsState } from '@/components/PageTermsView';
import { parsePageTermsResponse, type PageTermsResponse } from '@/lib/messages';

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

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer')), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

/** What the content script's answer (or its absence) means for the "This page" view. */
export function pageTermsState(raw: unknown): PageTermsState {
  return stateOfTerms(parsePageTermsResponse(raw));
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
 * is "unreachable", never an error.
 */
export async function loadPageTerms(tabId: number | undefined): Promise<PageTermsState> {
  if (tabId === undefined) return { status: 'unreachable' };
  try {
    const raw: unknown = await withTimeout(
      browser.tabs.sendMessage(tabId, { type: 'get-page-terms' }),
      ANSWER_TIMEOUT_MS,
    );
    return pageTermsState(raw);
  } catch {
    return { status: 'unreachable' };
  }
}

/** Asks the content script to scroll to the term's next occurrence; false if it could not. */
export async function revealTerm(tabId: number | undefined, termId: string): Promise<boolean> {
  if (tabId === undefined) return false;
  try {
    await browser.tabs.sendMessage(tabId, { type: 'reveal-term', termId });
    return true;
  } catch {
    return false;
  }
}
