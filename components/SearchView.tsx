import type { JSX, RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SearchHit, SearchResults } from '../lib/search';
import { optionId, SearchResultsList } from './SearchResultsList';

const LISTBOX_ID = 'search-results';
/** Queries offered before the reader has typed anything. */
export const EXAMPLE_QUERIES = ['sarcopenia', 'how much vitamin D', 'fast twitch', 'leucine'];

/**
 * Search as you type: an ARIA 1.2 combobox (input with `aria-controls`,
 * `aria-expanded`, `aria-activedescendant`) over a grouped listbox of results.
 * Up/Down move the active result, Enter opens it (or the first), Escape clears.
 */
export function SearchView(props: {
  query: string;
  results: SearchResults;
  onQueryChange: (query: string) => void;
  onOpen: (hit: SearchHit) => void;
  inputRef?: RefObject<HTMLInputElement>;
}): JSX.Element {
  const { query, results, onQueryChange, onOpen, inputRef } = props;
  const hits = results.groups.flatMap((group) => group.hits);
  // The active index belongs to one result list: a new query starts with none active.
  const [cursor, setCursor] = useState({ results, index: -1 });
  const active = cursor.results === results ? cursor.index : -1;
  const setActive = (index: number) => setCursor({ results, index });
  const activeHit = active >= 0 ? hits[active] : undefined;
  const activeId = activeHit ? optionId(activeHit) : null;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0 && hits.length > 0) {
      event.preventDefault();
      // From "nothing active", Down goes to the first result and Up to the last.
      setActive(
        active < 0 && step < 0 ? hits.length - 1 : (active + step + hits.length) % hits.length,
      );
    } else if (event.key === 'Enter') {
      const hit = activeHit ?? hits[0];
      if (hit) {
        event.preventDefault();
        onOpen(hit);
      }
    } else if (event.key === 'Escape' && query !== '') {
      // Clearing is what Escape does here; only an empty field lets it close the popup.
      event.preventDefault();
      event.stopPropagation();
      onQueryChange('');
    }
  };

  return (
    <div class="ml-search">
      <div class="ml-search__bar">
        <label class="ml-visually-hidden" for="search-input">
          Search the guide, FAQ and glossary
        </label>
        <input
          ref={inputRef}
          id="search-input"
          class="ml-search__input"
          type="search"
          role="combobox"
          autocomplete="off"
          spellcheck={false}
          placeholder="Search: sarcopenia, leucine, how much…"
          aria-autocomplete="list"
          aria-controls={LISTBOX_ID}
          aria-expanded={results.count > 0}
          aria-activedescendant={activeId ?? undefined}
          value={query}
          onInput={(event) => onQueryChange(event.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <p role="status" class="ml-visually-hidden">
        {query.trim() === ''
          ? ''
          : results.count > 0
            ? `${results.count} ${results.count === 1 ? 'result' : 'results'}`
            : 'No results'}
      </p>
      <SearchResultsList id={LISTBOX_ID} results={results} activeId={activeId} onOpen={onOpen} />
      {query.trim() === '' && (
        <SearchHint
          lead="Look up a term, a question or a topic of the guide. Try:"
          queries={EXAMPLE_QUERIES}
          onPick={onQueryChange}
          inputRef={inputRef}
        />
      )}
      {query.trim() !== '' && results.count === 0 && (
        <div class="ml-search__empty">
          <p>
            Nothing in the guide matches “{results.query}”.
            {results.suggestions.length === 0 && ' Check the spelling, or try a shorter word.'}
          </p>
          {results.suggestions.length > 0 && (
            <SearchHint
              lead="Did you mean:"
              queries={results.suggestions}
              onPick={onQueryChange}
              inputRef={inputRef}
            />
          )}
        </div>
      )}
    </div>
  );
}

/** A line of query buttons; picking one searches for it and returns focus to the field. */
function SearchHint(props: {
  lead: string;
  queries: readonly string[];
  onPick: (query: string) => void;
  inputRef?: RefObject<HTMLInputElement>;
}): JSX.Element {
  return (
    <div class="ml-search__hint">
      <p>{props.lead}</p>
      <ul class="ml-chips">
        {props.queries.map((query) => (
          <li key={query}>
            <button
              type="button"
              class="ml-chip"
              onClick={() => {
                props.onPick(query);
                props.inputRef?.current?.focus();
              }}
            >
              {query}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
