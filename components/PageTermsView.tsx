import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { GlossaryTerm } from '../content/schema';

/** What the popup learned from the active tab's content script. */
export type PageTermsState =
  | { status: 'loading' }
  /** No content script answered: a browser page, a store, a PDF, or not loaded yet. */
  | { status: 'unreachable' }
  /** The content script answered that MyoLens is off there. */
  | { status: 'off'; hostname: string }
  | { status: 'ready'; hostname: string; terms: readonly { id: string; count: number }[] };

/** The plain reason shown when the page cannot be read. */
export const UNREACHABLE_TEXT =
  "MyoLens can't read this page: browser pages and extension stores don't allow it.";

/**
 * The glossary terms found on the current page, in page order with counts. Choosing one
 * asks the page to scroll to its next occurrence; "Explain" opens its glossary entry.
 */
export function PageTermsView(props: {
  state: PageTermsState;
  termById: (id: string) => GlossaryTerm | undefined;
  reveal: (termId: string) => Promise<boolean>;
  onOpenSettings: () => void;
}): JSX.Element {
  const { state, termById, reveal } = props;
  const [notice, setNotice] = useState('');
  const title = (
    <h2 id="page-view-title" class="ml-view__title">
      On this page
    </h2>
  );
  if (state.status !== 'ready') {
    return (
      <section class="ml-view" aria-labelledby="page-view-title">
        {title}
        {state.status === 'loading' && <p role="status">Looking for terms on this page…</p>}
        {state.status === 'unreachable' && (
          <p class="ml-note">
            {UNREACHABLE_TEXT} If this is a web page that was open before MyoLens was installed,
            reload it and try again.
          </p>
        )}
        {state.status === 'off' && (
          <>
            <p class="ml-note">
              MyoLens is turned off {state.hostname ? `on ${state.hostname}` : 'here'}.
            </p>
            <button type="button" class="ml-button" onClick={props.onOpenSettings}>
              Open settings
            </button>
          </>
        )}
      </section>
    );
  }
  const terms = state.terms.flatMap((entry) => {
    const term = termById(entry.id);
    return term ? [{ term, count: entry.count }] : [];
  });
  const show = async (term: GlossaryTerm) => {
    const shown = await reveal(term.id);
    setNotice(
      shown
        ? `Showing “${term.label}” on the page.`
        : `Couldn’t show “${term.label}”: the page may have changed.`,
    );
  };
  return (
    <section class="ml-view" aria-labelledby="page-view-title">
      {title}
      {terms.length === 0 ? (
        <p class="ml-note">No glossary terms on {state.hostname || 'this page'}.</p>
      ) : (
        <>
          <p class="ml-view__lead">
            {terms.length} {terms.length === 1 ? 'term' : 'terms'} on{' '}
            {state.hostname || 'this page'}, in page order. Choose one to scroll to it; choose again
            for its next mention.
          </p>
          <ul class="ml-page-terms">
            {terms.map(({ term, count }) => (
              <li key={term.id} class="ml-page-terms__item">
                <button type="button" class="ml-page-terms__show" onClick={() => void show(term)}>
                  <span class="ml-page-terms__label">{term.label}</span>
                  <span class="ml-page-terms__count">
                    {count}
                    <span class="ml-visually-hidden">{count === 1 ? ' mention' : ' mentions'}</span>
                  </span>
                </button>
                <a class="ml-page-terms__explain" href={`#term-${term.id}`}>
                  Explain<span class="ml-visually-hidden"> {term.label}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p role="status" class="ml-page-terms__notice">
        {notice}
      </p>
    </section>
  );
}
