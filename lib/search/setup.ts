/**
 * The knowledge base's search as the popup and guide tab use it: the build-time index
 * loaded once, the documents for titles and snippets, and where results land.
 */
import { SEARCH_INDEX_JSON } from '../../content/generated/search-index';
import type { SearchContent } from './documents';
import { searchDocuments } from './documents';
import { createSearcher, loadSearchIndex, type SearchResults } from '.';
import { createLocator, type Locator } from '../guide-links';

/** Search and navigation over the given content, from the generated index. */
export function loadKnowledgeSearch(content: SearchContent): {
  search: (query: string) => SearchResults;
  locator: Locator;
} {
  const documents = searchDocuments(content);
  const searcher = createSearcher(loadSearchIndex(SEARCH_INDEX_JSON), documents);
  return { search: (query) => searcher.search(query), locator: createLocator(documents) };
}
