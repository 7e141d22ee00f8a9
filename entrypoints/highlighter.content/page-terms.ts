import type { PageController } from './controller';

/** The terms mentioned on this page with their counts, in the order they first appear. */
export function pageTerms(controller: PageController | undefined, hostname: string) {
  const counts = new Map<string, number>();
  for (const o of controller?.mentions() ?? [])
    counts.set(o.termId, (counts.get(o.termId) ?? 0) + 1);
  return {
    terms: [...counts].map(([id, count]) => ({ id, count })),
    available: controller !== undefined,
    hostname,
  };
}
