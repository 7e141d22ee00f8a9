/** Median, min and max of samples. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function summarize(values: readonly number[]): Summary {
  const v = [...values].sort((a, b) => a - b);
  if (!v.length) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  return { median, min: v[0]!, max: v[v.length - 1]!, n: v.length };
}

/** A duration for a table: "12.3" under 100 ms, "1234" above. */
export function ms(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return x < 100 ? x.toFixed(1) : x.toFixed(0);
}

/** "median (min–max)". */
export function range(s: Summary): string {
  if (!s.n) return '—';
  return s.n === 1 ? ms(s.median) : `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
}
