import type { JSX } from 'preact';
import type { GuideSection } from '../content/schema';
import { GuideBlocks } from './GuideBlocks';
import { GuideHeading } from './GuideSectionView';

/**
 * The article's own disclaimer section, as every view that holds its advice shows it
 * (article, FAQ, glossary: dosage and toxicity are answered there too). `headingId`
 * keeps ids unique where the article's `#disclaimer` is not the one meant.
 */
export function GuideDisclaimer(props: {
  disclaimer: GuideSection;
  headingId?: string;
}): JSX.Element {
  const { disclaimer } = props;
  const id = props.headingId ?? disclaimer.id;
  return (
    <footer class="ml-guide__disclaimer">
      <GuideHeading level={disclaimer.level} id={id}>
        {disclaimer.title}
      </GuideHeading>
      <GuideBlocks blocks={disclaimer.blocks} labelledBy={id} />
    </footer>
  );
}
