import type { JSX } from 'preact';
import type { FaqEntry } from '../content/schema';
import { FaqList } from './FaqList';

/** The FAQ under its heading; `openId` opens the entry a link or search result named. */
export function FaqView(props: { entries: readonly FaqEntry[]; openId?: string }): JSX.Element {
  return (
    <section class="ml-view" aria-labelledby="faq-view-title">
      <h2 id="faq-view-title" class="ml-view__title">
        Frequently asked questions
      </h2>
      <FaqList entries={props.entries} openId={props.openId} />
    </section>
  );
}
