import type { JSX } from 'preact';
import type { Guide } from '../content/schema';
import { GuideArticle } from './GuideArticle';
import { GuideToc } from './GuideToc';

/** The whole guide with its table of contents first; TOC links are `#id` fragments. */
export function ArticleView({ guide }: { guide: Guide }): JSX.Element {
  return (
    <div class="ml-article">
      <GuideToc guide={guide} label="Contents" />
      <GuideArticle guide={guide} />
    </div>
  );
}
