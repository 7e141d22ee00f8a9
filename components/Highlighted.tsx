import type { JSX } from 'preact';
import type { Segment } from '../lib/search/snippet';

/** Text segments with the matched ones in <mark>: text nodes only, never an HTML string. */
export function Highlighted({ segments }: { segments: readonly Segment[] }): JSX.Element {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}
