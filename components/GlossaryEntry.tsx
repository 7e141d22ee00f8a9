import type { JSX } from 'preact';
import { CATEGORY_LABELS } from '../content/categories';
import type { GlossaryTerm } from '../content/schema';

/** Props shared by the glossary list and its entries. */
export interface GlossaryLinks {
  /** Titles of the guide sections and FAQ entries terms point to, by id. */
  anchors: ReadonlyMap<string, string>;
  /** The link to a guide anchor; `#id` when the glossary shares the guide's page. */
  hrefFor?: (anchorId: string) => string;
}

/** One glossary entry (a dt/dd group) with id `term-<id>`, its summary and its links. */
export function GlossaryEntry(
  props: GlossaryLinks & { term: GlossaryTerm; labels: ReadonlyMap<string, string> },
): JSX.Element {
  const { term, anchors, labels, hrefFor = (id: string) => `#${id}` } = props;
  const related = term.related.filter((id) => labels.has(id));
  return (
    <div class="ml-glossary__entry" id={`term-${term.id}`}>
      <dt class="ml-glossary__term">{term.label}</dt>
      <dd class="ml-glossary__category" data-category={term.category}>
        {CATEGORY_LABELS[term.category]}
      </dd>
      <dd class="ml-glossary__summary">{term.summary}</dd>
      <dd class="ml-glossary__links">
        <a class="ml-glossary__more" href={hrefFor(term.section)}>
          Read more: {anchors.get(term.section) ?? term.section}
        </a>
        {related.length > 0 && (
          <span class="ml-glossary__related">
            {' See also: '}
            {related.map((id, index) => (
              <span key={id}>
                {index > 0 && ', '}
                <a href={`#term-${id}`}>{labels.get(id)}</a>
              </span>
            ))}
          </span>
        )}
      </dd>
    </div>
  );
}
