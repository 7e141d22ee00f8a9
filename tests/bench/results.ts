import type { PageSchemeBench } from './page-scheme';
/** The shape of bench-results/*.json, and the summaries the tables print. */
import type { AbPageResult } from './ab-summary';
import type { FramesResult } from './frames';
import type { BundleSize } from './sizes';
import type { SearchBench } from './search';
import { summarize, type Summary } from './stats';
import type { ExtensionSample, PopupSample } from './extension';
import type { Reference } from './reference';
import type { ChurnSample, HugeSample } from './robust-timings';
import type { RowKind, RowSample } from './types';

export interface RowResult {
  kind: RowKind;
  label: string;
  samples: RowSample[];
}

export interface PageResult {
  id: string;
  title: string;
  /** Size of the HTML, and text nodes under <body>. */
  bytes: number;
  reference: Reference;
  dynamic: boolean;
  rows: RowResult[];
}

export interface ExtensionPageResult {
  id: string;
  title: string;
  reference: Reference;
  samples: ExtensionSample[];
}

export interface BenchResults {
  meta: {
    date: string;
    commit: string;
    chromium: string;
    node: string;
    cpus: string;
    loads: number;
    quick: boolean;
    seconds: number;
    /**
     * Wall time per phase of the run, in order, with its section, the page loads it made
     * and the seconds it waited on purpose (quiet windows, caps, fixed pauses); runs
     * before these were counted have name and seconds only.
     */
    phases?: { section?: string; name: string; seconds: number; loads?: number; waited?: number }[];
  };
  pages: PageResult[];
  extension?: {
    pages: ExtensionPageResult[];
    noTermsCpu?: { total: number; top: { name: string; ms: number }[] }[];
    heap?: {
      page: string;
      without: number[];
      with: number[];
      embedderWithout: number[];
      embedderWith: number[];
    }[];
    popup?: { cold: PopupSample; warm: PopupSample[] };
    /** The timings moved out of e2e (robust-b 7 and 11): churn clicks, the huge page. */
    robust?: { churn: ChurnSample[]; huge: HugeSample[] };
  };
  /**
   * The extension A/B: every page without the extension and with it under each renderer;
   * `paintInBuild` false when the paint loads drew elements and never a painted range.
   */
  ab?: { pages: AbPageResult[]; paintInBuild: boolean | null; frames?: FramesResult };
  /** Fixed costs step by step, per page: each step's times over the loads. */
  anatomy?: { page: string; steps: { step: string; ms: number[] }[] }[];
  search?: SearchBench;
  /** The tooltip's colour walk, per open (page-scheme.ts). */
  pageScheme?: PageSchemeBench;
  sizes?: BundleSize[];
  notes: string[];
}

/** Summaries of one row's samples. */
export interface RowSummary {
  total: Summary;
  work: Summary;
  startMs: Summary;
  firstViewport: Summary;
  longestTask: number;
  worstFrame: number;
  marks: Summary;
  perBatchMedian: Summary;
  perBatchMax: Summary;
  initialWork: Summary;
  capped: boolean;
}

const median = (v: readonly number[]) => summarize(v).median;

export function summarizeRow(row: RowResult): RowSummary {
  const s = row.samples;
  const pick = (f: (x: RowSample) => number | null | undefined) =>
    summarize(s.map(f).filter((x): x is number => typeof x === 'number'));
  return {
    total: pick((x) => x.total),
    work: pick((x) => x.work),
    startMs: pick((x) => x.startMs),
    firstViewport: pick((x) => x.firstViewport),
    longestTask: Math.max(0, ...s.map((x) => x.longestTask)),
    worstFrame: Math.max(0, ...s.map((x) => x.worstFrame)),
    marks: pick((x) => x.marks),
    perBatchMedian: pick((x) => (x.perBatch?.length ? median(x.perBatch) : undefined)),
    perBatchMax: pick((x) => (x.perBatch?.length ? Math.max(...x.perBatch) : undefined)),
    initialWork: pick((x) => x.initialWork),
    capped: s.some((x) => x.capped),
  };
}

/** What a row's marks should equal: raw matches for LIMIT2, marks for the others. */
export function expectedOf(kind: RowKind, ref: Reference): number | null {
  if (kind === 'limit') return null;
  return kind === 'limit2' ? ref.matches : ref.marks;
}
