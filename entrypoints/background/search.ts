/**
 * The guide's search in the background, for the selection bubble and the address bar: the
 * same prebuilt MiniSearch index the popup loads, loaded on first use (a service worker
 * that only shows badges never pays for it).
 */
import { faq, glossary, guide } from '@/content/index';
import { contentIndex } from '@/lib/omnibox';
import type { SearchResults } from '@/lib/search';
import { searchDocuments } from '@/lib/search/documents';
import { loadKnowledgeSearch } from '@/lib/search/setup';

/** Search, and which guide anchor each address-bar suggestion's content opens. */
export interface KnowledgeSearch {
  search(query: string): SearchResults;
  contents: ReadonlyMap<string, string>;
}

let loaded: KnowledgeSearch | undefined;

/** The loaded search (built once per background start). */
export function knowledgeSearch(): KnowledgeSearch {
  if (!loaded) {
    const content = { guide, faq, glossary };
    const { search } = loadKnowledgeSearch(content);
    loaded = { search, contents: contentIndex(searchDocuments(content)) };
  }
  return loaded;
}
