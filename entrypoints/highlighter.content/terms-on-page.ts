import { MAX_PAGE_TERMS, type FramesTerms, type PageTermsResponse } from '@/lib/messages';
import type { TabSession } from './tab';

/** The terms mentioned on this page with their counts, in the order they first appear. */
export function termsOnPage(session: TabSession | undefined, hostname: string): PageTermsResponse {
  const counts = new Map<string, number>();
  for (const o of session?.mentions() ?? []) counts.set(o.termId, (counts.get(o.termId) ?? 0) + 1);
  return {
    terms: [...counts].map(([id, count]) => ({ id, count })),
    available: session !== undefined,
    hostname,
  };
}

/**
 * The top-level page's terms with its frames' added: its own in page order, then each
 * term only frames hold, frame by frame; a term in both counts the mentions of both.
 */
export function withFrames(own: PageTermsResponse, frames: FramesTerms): PageTermsResponse {
  const counts = new Map(own.terms.map((t) => [t.id, t.count]));
  for (const frame of frames)
    for (const term of frame.terms) counts.set(term.id, (counts.get(term.id) ?? 0) + term.count);
  const terms = [...counts].map(([id, count]) => ({ id, count }));
  return { ...own, terms: terms.slice(0, MAX_PAGE_TERMS) };
}
