import type { ComponentChildren } from 'preact';
import type { GlossaryTerm } from '@/content/schema';

/** What the tooltip can ask its host to do. */
export interface TooltipActions {
  readMore(term: GlossaryTerm): void;
  showRelated(termId: string): void;
  hideTerm(term: GlossaryTerm): void;
  disableSite(): void;
  close(): void;
}

export interface TooltipProps {
  term: GlossaryTerm;
  related: GlossaryTerm[];
  /** Terms that share the words the tooltip opened on (overlapping mentions). */
  also?: GlossaryTerm[];
  hostname: string;
  actions: TooltipActions;
  /** The id the dialog's label points at (unique within the shadow root). */
  labelId: string;
}

const CATEGORY_NAMES: Record<GlossaryTerm['category'], string> = {
  condition: 'Condition',
  biology: 'Biology',
  nutrition: 'Nutrition',
  exercise: 'Exercise',
  safety: 'Safety',
};

/** The head of a tooltip or lookup bubble: its label, a category, the close button. */
export function TipHead(props: {
  labelId: string;
  label: ComponentChildren;
  category: string;
  categoryClass?: string;
  onClose: () => void;
}) {
  return (
    <div class="ml-tip__head">
      <span class="ml-tip__label" id={props.labelId}>
        {props.label}
      </span>
      <span class={props.categoryClass ? `ml-tip__cat ${props.categoryClass}` : 'ml-tip__cat'}>
        {props.category}
      </span>
      <button type="button" class="ml-tip__close" aria-label="Close" onClick={props.onClose}>
        ×
      </button>
    </div>
  );
}

/** A labelled list of terms, each a button that shows it in the same tooltip (nothing when empty). */
function TermChips(props: {
  id: string;
  label: string;
  terms: GlossaryTerm[];
  actions: TooltipActions;
}) {
  if (!props.terms.length) return null;
  return (
    <div class="ml-tip__related">
      <span class="ml-tip__related-label" id={props.id}>
        {props.label}
      </span>
      <ul aria-labelledby={props.id}>
        {props.terms.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              class="ml-tip__chip"
              onClick={() => props.actions.showRelated(r.id)}
            >
              {r.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The tooltip's content: what the guide says about one term, where to read more, the
 * other terms in the same words ("skeletal muscle atrophy": Also here), related terms,
 * and the controls to hide it. A non-modal dialog, since it holds links (WAI-ARIA APG: a
 * tooltip must not contain interactive content).
 */
export function Tooltip({ term, related, also = [], hostname, actions, labelId }: TooltipProps) {
  return (
    <div
      class="ml-tip"
      role="dialog"
      aria-labelledby={labelId}
      aria-describedby={`${labelId}-sum`}
      dir="ltr"
      lang="en"
    >
      <TipHead
        labelId={labelId}
        label={term.label}
        category={CATEGORY_NAMES[term.category]}
        categoryClass={`ml-tip__cat--${term.category}`}
        onClose={() => actions.close()}
      />
      <p class="ml-tip__summary" id={`${labelId}-sum`}>
        {term.summary}
      </p>
      <button type="button" class="ml-tip__more" onClick={() => actions.readMore(term)}>
        Read more in the guide <span aria-hidden="true">→</span>
      </button>
      <TermChips id={`${labelId}-also`} label="Also here:" terms={also} actions={actions} />
      <TermChips id={`${labelId}-rel`} label="Related:" terms={related} actions={actions} />
      <div class="ml-tip__controls">
        <button type="button" class="ml-tip__ctl" onClick={() => actions.hideTerm(term)}>
          Hide this term
        </button>
        {hostname && (
          <button type="button" class="ml-tip__ctl" onClick={() => actions.disableSite()}>
            Don’t mark terms on {hostname}
          </button>
        )}
      </div>
      <p class="ml-tip__note">From the MyoLens guide. Not medical advice.</p>
    </div>
  );
}
