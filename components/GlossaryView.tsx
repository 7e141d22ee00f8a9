import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { GlossaryTerm, GuideSection } from '../content/schema';
import { GlossaryList, type GlossaryGrouping } from './GlossaryList';
import { GuideDisclaimer } from './GuideDisclaimer';

const GROUPINGS: { value: GlossaryGrouping; label: string }[] = [
  { value: 'alphabetical', label: 'A–Z' },
  { value: 'category', label: 'By category' },
];

/** The glossary with a switch between A–Z and by-category grouping, the article's disclaimer last. */
export function GlossaryView(props: {
  terms: readonly GlossaryTerm[];
  anchors: ReadonlyMap<string, string>;
  disclaimer: GuideSection;
}): JSX.Element {
  const [grouping, setGrouping] = useState<GlossaryGrouping>('alphabetical');
  return (
    <section class="ml-view" aria-labelledby="glossary-view-title">
      <div class="ml-view__head">
        <h2 id="glossary-view-title" class="ml-view__title">
          Glossary <span class="ml-view__count">{props.terms.length} terms</span>
        </h2>
        {/* Toggle buttons, not tabs: both groupings show the same entries. */}
        <div class="ml-segmented" role="group" aria-label="Group terms">
          {GROUPINGS.map((option) => (
            <button
              key={option.value}
              type="button"
              class="ml-segmented__option"
              aria-pressed={grouping === option.value}
              onClick={() => setGrouping(option.value)}
            >
              {option.label}
            </button>
          ))}
        </div>
      </div>
      <GlossaryList terms={props.terms} anchors={props.anchors} groupBy={grouping} />
      <GuideDisclaimer disclaimer={props.disclaimer} headingId="glossary-view-disclaimer" />
    </section>
  );
}
