import type { LookupHit, LookupResults as Results } from '../lib/lookup-results';
import { Highlighted } from './Highlighted';
import { TipHead } from './Tooltip';

/** What the results bubble can ask its host to do. */
export interface LookupResultsActions {
  /** Opens the guide at a result. */
  openHit(hit: LookupHit): void;
  /** Opens the guide's search for the looked-up text. */
  openQuery(): void;
  /** Shows a glossary term (a "did you mean" name) in the bubble instead. */
  showTerm(label: string): void;
  close(): void;
}

export interface LookupResultsProps {
  results: Results;
  actions: LookupResultsActions;
  /** The id the dialog's label points at (unique within the shadow root). */
  labelId: string;
}

const KIND_NAMES: Record<LookupHit['kind'], string> = {
  term: 'Glossary',
  section: 'Guide section',
  faq: 'FAQ',
};

/**
 * The selection bubble for text that is not a glossary term: the guide's best search
 * results for it, each opening the guide there, and the whole search in the guide.
 * A non-modal dialog like the tooltip, with the same head and close button.
 */
export function LookupResults({ results, actions, labelId }: LookupResultsProps) {
  const { query, hits, suggestions } = results;
  return (
    <div class="ml-tip ml-lookup" role="dialog" aria-labelledby={labelId} dir="ltr" lang="en">
      <TipHead
        labelId={labelId}
        label={`“${query}”`}
        category="In the guide"
        onClose={() => actions.close()}
      />
      {hits.length > 0 ? (
        <ul class="ml-lookup__hits" aria-label="Results">
          {hits.map((hit, i) => (
            <li key={hit.anchor} class="ml-lookup__item">
              <button
                type="button"
                class="ml-lookup__hit"
                aria-describedby={`${labelId}-hit-${i}`}
                onClick={() => actions.openHit(hit)}
              >
                <Highlighted segments={hit.title} />
                <span class="ml-lookup__kind"> · {KIND_NAMES[hit.kind]}</span>
              </button>
              <p class="ml-lookup__snippet" id={`${labelId}-hit-${i}`}>
                <Highlighted segments={hit.snippet} />
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="ml-tip__summary">Nothing in the guide matches “{query}”.</p>
      )}
      {hits.length === 0 && suggestions.length > 0 && (
        <div class="ml-tip__related">
          <span class="ml-tip__related-label" id={`${labelId}-sug`}>
            Did you mean:
          </span>
          <ul aria-labelledby={`${labelId}-sug`}>
            {suggestions.map((label) => (
              <li key={label}>
                <button type="button" class="ml-tip__chip" onClick={() => actions.showTerm(label)}>
                  {label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <button
        type="button"
        class="ml-tip__more ml-lookup__more"
        onClick={() => actions.openQuery()}
      >
        Open in the guide <span aria-hidden="true">→</span>
      </button>
      <p class="ml-tip__note">From the MyoLens guide. Not medical advice.</p>
    </div>
  );
}
