import type { JSX } from 'preact';
import type { SearchHit, SearchResults } from '../lib/search';
import { Highlighted } from './Highlighted';

/** The DOM id of a result's option (for `aria-activedescendant`). */
export function optionId(hit: SearchHit): string {
  return `search-option-${hit.kind}-${hit.targetId}`;
}

/**
 * The results as an ARIA listbox of groups (APG "grouped listbox"): each group a
 * `role="group"` named by its label, each result a `role="option"` named by its title
 * and described by its snippet. Focus stays in the combobox input; the active option is
 * only marked (`aria-selected`), so options take no clicks' focus either.
 */
export function SearchResultsList(props: {
  id: string;
  results: SearchResults;
  activeId: string | null;
  onOpen: (hit: SearchHit) => void;
}): JSX.Element {
  const { id, results, activeId, onOpen } = props;
  return (
    <div
      id={id}
      role="listbox"
      aria-label="Search results"
      class="ml-results"
      hidden={results.count === 0}
    >
      {results.groups.map((group) => {
        const labelId = `${id}-${group.kind}-label`;
        return (
          <ul key={group.kind} role="group" aria-labelledby={labelId} class="ml-results__group">
            <li role="presentation" id={labelId} class="ml-results__group-label">
              {group.label}
            </li>
            {group.hits.map((hit) => {
              const optId = optionId(hit);
              const active = optId === activeId;
              return (
                <li
                  key={hit.id}
                  id={optId}
                  role="option"
                  aria-selected={active}
                  aria-labelledby={`${optId}-title`}
                  aria-describedby={`${optId}-snippet`}
                  class={`ml-result${active ? ' ml-result--active' : ''}`}
                  data-kind={hit.kind}
                  // Keeps focus (and the caret) in the input, as the combobox pattern expects.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => onOpen(hit)}
                >
                  <span id={`${optId}-title`} class="ml-result__title">
                    <Highlighted segments={hit.title} />
                  </span>
                  <span id={`${optId}-snippet`} class="ml-result__snippet">
                    <Highlighted segments={hit.snippet} />
                  </span>
                </li>
              );
            })}
          </ul>
        );
      })}
    </div>
  );
}
