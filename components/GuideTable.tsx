import type { JSX } from 'preact';
import type { Block } from '../content/schema';

type Table = Extract<Block, { type: 'table' }>;

/**
 * Renders a table with column and row headers, inside a scroll region that keyboard users
 * can focus (WCAG 2.1.1: a scrollable region must be reachable without a mouse).
 */
export function GuideTable({
  table,
  labelledBy,
}: {
  table: Table;
  labelledBy: string;
}): JSX.Element {
  return (
    <div class="ml-table-scroll" role="region" tabIndex={0} aria-labelledby={labelledBy}>
      <table class="ml-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            {table.head.map((cell, index) => (
              <th key={index} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={index}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
