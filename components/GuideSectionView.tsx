import type { ComponentChildren, JSX } from 'preact';
import type { GuideSection } from '../content/schema';
import { GuideBlocks } from './GuideBlocks';

/** Renders a guide section and its subsections; the heading carries the section id for deep links. */
export function GuideSectionView({ section }: { section: GuideSection }): JSX.Element {
  return (
    <section class={`ml-guide__section ml-guide__section--level-${section.level}`}>
      <GuideHeading level={section.level} id={section.id}>
        {section.title}
      </GuideHeading>
      <GuideBlocks blocks={section.blocks} labelledBy={section.id} />
      {section.children.map((child) => (
        <GuideSectionView key={child.id} section={child} />
      ))}
    </section>
  );
}

/** A heading element of the given level (h2–h6; the article's h1 is its title). */
export function GuideHeading(props: {
  level: number;
  id: string;
  children: ComponentChildren;
}): JSX.Element {
  const Tag =
    (['h2', 'h3', 'h4', 'h5', 'h6'] as const)[Math.min(Math.max(props.level, 2), 6) - 2] ?? 'h6';
  return (
    <Tag id={props.id} class="ml-guide__heading">
      {props.children}
    </Tag>
  );
}
