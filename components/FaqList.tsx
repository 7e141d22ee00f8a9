import type { JSX } from 'preact';
import type { FaqEntry } from '../content/schema';
import { GuideBlocks } from './GuideBlocks';

/**
 * The FAQ as native disclosures. `openId` opens one entry, e.g. the one a `#faq-…` link
 * targets: fragment navigation to a closed <details> does not open it by itself.
 */
export function FaqList({
  entries,
  openId,
}: {
  entries: readonly FaqEntry[];
  openId?: string;
}): JSX.Element {
  return (
    <div class="ml-faq">
      {entries.map((entry) => (
        <details key={entry.id} id={entry.id} class="ml-faq__item" open={entry.id === openId}>
          <summary class="ml-faq__question">{entry.question}</summary>
          <div class="ml-faq__answer">
            <GuideBlocks blocks={entry.answer} labelledBy={entry.id} />
          </div>
        </details>
      ))}
    </div>
  );
}
