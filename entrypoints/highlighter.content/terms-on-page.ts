import type { PageTermsResponse } from '@/lib/messages';
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
