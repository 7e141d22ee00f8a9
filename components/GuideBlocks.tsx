import type { JSX } from 'preact';
import type { Block } from '../content/schema';
import { GuideTable } from './GuideTable';
import { InlineContent } from './InlineContent';

/** Renders content blocks: paragraphs, lists and tables (labelled by the given heading id). */
export function GuideBlocks({
  blocks,
  labelledBy,
}: {
  blocks: readonly Block[];
  labelledBy: string;
}): JSX.Element {
  return <>{blocks.map((block, index) => renderBlock(block, index, labelledBy))}</>;
}

function renderBlock(block: Block, key: number, labelledBy: string): JSX.Element {
  switch (block.type) {
    case 'paragraph':
      return (
        <p key={key}>
          <InlineContent nodes={block.children} />
        </p>
      );
    case 'list': {
      const items = block.items.map((item, index) => (
        <li key={index}>
          <InlineContent nodes={item} />
        </li>
      ));
      return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
    case 'table':
      return <GuideTable key={key} table={block} labelledBy={labelledBy} />;
  }
}
