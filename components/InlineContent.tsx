import type { JSX } from 'preact';
import type { Inline } from '../content/schema';

/** Renders inline content nodes (text, strong, em, links) as elements; never as HTML. */
export function InlineContent({ nodes }: { nodes: readonly Inline[] }): JSX.Element {
  return <>{nodes.map(renderInline)}</>;
}

function renderInline(node: Inline, index: number): JSX.Element | string {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'strong':
      return (
        <strong key={index}>
          <InlineContent nodes={node.children} />
        </strong>
      );
    case 'em':
      return (
        <em key={index}>
          <InlineContent nodes={node.children} />
        </em>
      );
    case 'link': {
      // External links leave the extension page; in-page fragments stay.
      const external = !node.href.startsWith('#');
      return (
        <a
          key={index}
          href={node.href}
          {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
        >
          <InlineContent nodes={node.children} />
        </a>
      );
    }
  }
}
