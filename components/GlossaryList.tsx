import type { JSX } from 'preact';
import { groupAlphabetically, groupByCategory } from '../content/glossary-groups';
import type { GlossaryTerm } from '../content/schema';
import { GlossaryEntry, type GlossaryLinks } from './GlossaryEntry';

/** How the glossary is grouped. */
export type GlossaryGrouping = 'alphabetical' | 'category';

/** All glossary terms, grouped A–Z or by category, each group a heading and a definition list. */
export function GlossaryList(
  props: GlossaryLinks & {
    terms: readonly GlossaryTerm[];
    groupBy?: GlossaryGrouping;
    headingLevel?: 2 | 3 | 4;
  },
): JSX.Element {
  const { terms, groupBy = 'alphabetical', headingLevel = 3, ...links } = props;
  const groups = groupBy === 'category' ? groupByCategory(terms) : groupAlphabetically(terms);
  const labels = new Map(terms.map((term) => [term.id, term.label]));
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2] ?? 'h3';
  return (
    <div class={`ml-glossary ml-glossary--${groupBy}`}>
      {groups.map((group) => (
        // Unnamed sections on purpose: one landmark per letter would crowd the landmark list.
        <section key={group.key} class="ml-glossary__group">
          <Heading
            id={`glossary-${groupBy}-${groupKeyId(group.key)}`}
            class="ml-glossary__group-title"
          >
            {group.title}
          </Heading>
          <dl class="ml-glossary__list">
            {group.terms.map((term) => (
              <GlossaryEntry key={term.id} term={term} labels={labels} {...links} />
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

// "#" (labels starting with a digit) is not a usable id character in a fragment.
const groupKeyId = (key: string): string => (key === '#' ? 'other' : key.toLowerCase());
