/** The query and fragment of a guide deep link: `?q=<query>` and `#<section|term-id>`. */
export function guideLinkSuffix({ hash, query }: { hash?: string; query?: string }): string {
  const search = query ? `?q=${encodeURIComponent(query)}` : '';
  const fragment = hash ? `#${encodeURIComponent(hash)}` : '';
  return `${search}${fragment}`;
}
