/** The extension A/B's part of the report: its target line and its table. */
import { abRow, type AbPageResult, type AbRow } from './ab-summary';
import type { BenchResults } from './results';
import { ms, range } from './stats';

/** Paint adds at most this much long-frame time on (a) and the dense page (the target). */
export const PAINT_ADDS_TARGET_MS = 60;

const signed = (x: number) => (Number.isNaN(x) ? '—' : `${x >= 0 ? '+' : '−'}${ms(Math.abs(x))}`);

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The renderer cell: what was asked for, and what the loads drew when that differs. */
function rendererCell(row: AbRow, paintInBuild: boolean | null): string {
  if (row.renderer === 'wrap') {
    return row.rendered.some((r) => r === 'paint' || r === 'both')
      ? 'wrap (✗ ranges were painted)'
      : 'wrap';
  }
  if (paintInBuild === false)
    return '**paint not in this build**: the highlights registry stayed empty and the marks were elements (this row measured the wrap renderer)';
  if (row.rendered.some((r) => r === 'elements' || r === 'both'))
    return 'paint (✗ some marks were elements)';
  return 'paint';
}

/**
 * "18920 / 18920 ✓ (64 marks)": the mentions found against the reference, and the marks
 * drawn (the paint renderer registers those near the viewport only).
 */
function countCell(row: AbRow, page: AbPageResult): string {
  const seen = [...new Set(row.counts)].join('/');
  const ok = row.counts.every((c) => c === page.reference.marks);
  return `${seen} / ${page.reference.marks} ${ok ? '✓' : '✗'} (${[...new Set(row.marks)].join('/')} marks)`;
}

const ratio = (a: number, b: number) =>
  b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}×` : a > 0 ? '∞ (none without)' : '—';

/** The A/B table: one line per page and renderer, medians over the rounds. */
export function abTable(ab: NonNullable<BenchResults['ab']>): string {
  const rows = ab.pages.flatMap((page) =>
    (['paint', 'wrap'] as const).map((renderer) => {
      const r = abRow(page, renderer);
      return [
        `${page.title} (${page.rounds.length} rounds)`,
        rendererCell(r, ab.paintInBuild),
        range(r.settled),
        `${range(r.with.sum)} (${ms(r.with.count.median)})`,
        ms(r.with.worst.median),
        `${ms(r.with.script.median)} / ${ms(r.with.rendering.median)}`,
        `${range(r.without.sum)} (${ms(r.without.count.median)})`,
        `${ms(r.without.script.median)} / ${ms(r.without.rendering.median)}`,
        `**${signed(r.adds.sum)}**`,
        `${signed(r.adds.script)} / ${signed(r.adds.rendering)}`,
        ratio(r.with.sum.median, r.without.sum.median),
        countCell(r, page),
      ];
    }),
  );
  return table(
    [
      'page',
      'renderer',
      'marks settled, ms after DCL',
      'with: LoAF ms (count)',
      'worst',
      'script / rendering',
      'without, same window: LoAF ms (count)',
      'script / rendering',
      'extension adds',
      'adds: script / rendering',
      'with ÷ without',
      'mentions / ref (marks drawn)',
    ],
    rows,
  );
}

/** The target line: paint adds ≤ 60 ms of long-frame time on (a) and on (f); null: not measured. */
export function abTarget(
  ab: NonNullable<BenchResults['ab']> | undefined,
): { name: string; measured: string; pass: boolean | null } | undefined {
  if (!ab) return undefined;
  const name = `(a) and (f): paint adds ≤ ${PAINT_ADDS_TARGET_MS} ms of long-frame time, DCL → marks settled and scan done (A/B)`;
  const pages = ['a', 'f'].flatMap((id) => ab.pages.filter((p) => p.id === id));
  if (!pages.length) return { name, measured: 'pages (a) and (f) did not run', pass: null };
  const adds = pages.map((p) => ({ id: p.id, paint: abRow(p, 'paint'), wrap: abRow(p, 'wrap') }));
  const wrapText = adds.map((a) => `(${a.id}) ${signed(a.wrap.adds.sum)} ms`).join(', ');
  if (ab.paintInBuild !== true) {
    return {
      name,
      measured: `paint not in this build (the paint loads ${ab.paintInBuild === false ? 'drew <mark> elements and no painted range' : 'drew nothing'}); wrap adds ${wrapText}`,
      pass: null,
    };
  }
  const missing = pages.length < 2 ? ` (${pages[0]!.id === 'a' ? '(f)' : '(a)'} did not run)` : '';
  return {
    name,
    measured:
      adds
        .map(
          (a) =>
            `(${a.id}) ${signed(a.paint.adds.sum)} ms (with ${ms(a.paint.with.sum.median)}, without ${ms(a.paint.without.sum.median)})`,
        )
        .join(', ') + `; wrap adds ${wrapText}${missing}`,
    pass: pages.length === 2 ? adds.every((a) => a.paint.adds.sum <= PAINT_ADDS_TARGET_MS) : null,
  };
}
