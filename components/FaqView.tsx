import type { JSX } from 'preact';
import type { FaqEntry, GuideSection } from '../content/schema';
import { FaqList } from './FaqList';
import { GuideDisclaimer } from './GuideDisclaimer';

/** The FAQ under its heading, the article's disclaimer last; `openId` opens the entry a link or search result named. */
export function FaqView(props: {
  entries: readonly FaqEntry[];
  disclaimer: GuideSection;
  openId?: string;
}): JSX.Element {
  return (
    <section class="ml-view" aria-labelledby="faq-view-title">
      <h2 id="faq-view-title" class="ml-view__title">
        Frequently asked questions
      </h2>
      <FaqList entries={props.entries} openId={props.openId} />
      <GuideDisclaimer disclaimer={props.disclaimer} headingId="faq-view-disclaimer" />
    </section>
  );
}
