import type { JSX } from 'preact';
import type { Guide } from '../content/schema';
import { GuideBlocks } from './GuideBlocks';
import { GuideDisclaimer } from './GuideDisclaimer';
import { GuideSectionView } from './GuideSectionView';

/** Renders the whole guide: title, reading time, intro, sections and the disclaimer last. */
export function GuideArticle({ guide }: { guide: Guide }): JSX.Element {
  const { intro, disclaimer } = guide;
  return (
    <article class="ml-guide" aria-labelledby={intro.id}>
      <header class="ml-guide__header">
        <h1 id={intro.id} class="ml-guide__title">
          {guide.title}
        </h1>
        <p class="ml-guide__reading-time">{guide.readingTime}</p>
      </header>
      <div class="ml-guide__intro">
        <GuideBlocks blocks={intro.blocks} labelledBy={intro.id} />
      </div>
      {guide.sections.map((section) => (
        <GuideSectionView key={section.id} section={section} />
      ))}
      <GuideDisclaimer disclaimer={disclaimer} />
    </article>
  );
}
