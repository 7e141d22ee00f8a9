import type { JSX } from 'preact';
import type { Guide, GuideSection } from '../content/schema';

/** The guide's table of contents: a labelled nav of links to the section ids. */
export function GuideToc({
  guide,
  label = 'In this article',
}: {
  guide: Guide;
  label?: string;
}): JSX.Element {
  return (
    <nav class="ml-toc" aria-label={label}>
      <TocList sections={guide.sections} />
    </nav>
  );
}

function TocList({ sections }: { sections: readonly GuideSection[] }): JSX.Element {
  return (
    <ol class="ml-toc__list">
      {sections.map((section) => (
        <li key={section.id} class="ml-toc__item">
          <a href={`#${section.id}`}>{section.title}</a>
          {section.children.length > 0 && <TocList sections={section.children} />}
        </li>
      ))}
    </ol>
  );
}
