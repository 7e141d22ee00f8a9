/**
 * Queries real readers type, with the result each one means and how high it must rank.
 * The unit tests hold search to these; a benchmark can time them.
 */
import type { SearchKind } from './search-documents';

/** Where the expected result must appear. */
export type ExpectedRank =
  /** The very first result of all (what Enter on the top option opens). */
  | 'first'
  /** The first result of its group (Glossary, Guide sections or FAQ). */
  | 'group-first'
  /** Among the first three of its group. */
  | 'group-top-3';

/** One reader query and the result it should find. */
export interface ReaderQuery {
  query: string;
  kind: SearchKind;
  id: string;
  rank: ExpectedRank;
}

const q = (query: string, kind: SearchKind, id: string, rank: ExpectedRank): ReaderQuery => ({
  query,
  kind,
  id,
  rank,
});

export const READER_QUERIES: readonly ReaderQuery[] = [
  // Typos in the condition names readers hear from a doctor.
  q('sarcopnia', 'term', 'sarcopenia', 'first'),
  q('sarcopenia', 'term', 'sarcopenia', 'first'),
  q('sarkopenia', 'term', 'sarcopenia', 'first'),
  q('dynapena', 'term', 'dynapenia', 'first'),
  q('vitamn d', 'term', 'vitamin-d', 'first'),
  q('vitamin d', 'term', 'vitamin-d', 'first'),
  q('hypercalcaemia', 'term', 'hypercalcemia', 'first'),
  q('hypercalcemia', 'term', 'hypercalcemia', 'first'),
  // Prefixes, as typed letter by letter.
  q('mito', 'term', 'mitochondria', 'first'),
  q('mito', 'section', 'mitochondria-oxidative-stress', 'group-first'),
  q('leuc', 'term', 'leucine', 'first'),
  q('sarco', 'term', 'sarcopenia', 'group-top-3'),
  q('oxid', 'term', 'oxidative-stress', 'group-top-3'),
  // Aliases and other forms.
  q('fast twitch', 'term', 'type-ii-muscle-fibers', 'first'),
  q('fast-twitch fibres', 'term', 'type-ii-muscle-fibers', 'first'),
  q('type 2 fibers', 'term', 'type-ii-muscle-fibers', 'first'),
  // Not "calcitriol": the glossary dropped it (a prescription drug the article never names).
  q('1,25-dihydroxy vitamin D', 'term', 'active-vitamin-d', 'first'),
  q('cholecalciferol', 'term', 'vitamin-d', 'first'),
  q('oily fish', 'term', 'fatty-fish', 'first'),
  q('strength training', 'term', 'resistance-exercise', 'first'),
  q('weight training', 'term', 'resistance-exercise', 'first'),
  q('protein kinase b', 'term', 'akt', 'first'),
  q('hypervitaminosis', 'term', 'vitamin-d-toxicity', 'first'),
  q('age related muscle loss', 'term', 'sarcopenia', 'first'),
  q('muscle loss', 'term', 'muscle-wasting', 'group-first'),
  q('reactive oxygen species', 'term', 'ros', 'first'),
  q('oxphos', 'term', 'oxidative-phosphorylation', 'first'),
  // Acronyms.
  q('ROS', 'term', 'ros', 'first'),
  q('IGF-1', 'term', 'igf-1', 'first'),
  q('igf1', 'term', 'igf-1', 'first'),
  q('VDR', 'term', 'vdr', 'first'),
  q('akt', 'term', 'akt', 'first'),
  q('FOXO', 'term', 'foxo', 'first'),
  // Plain names.
  q('leucine', 'term', 'leucine', 'first'),
  q('frailty', 'term', 'frailty', 'first'),
  q('inflammation', 'term', 'inflammation', 'first'),
  q('gene expression', 'term', 'gene-expression', 'first'),
  q('steroid hormone', 'term', 'steroid-hormone', 'first'),
  q('sarcoplasmic reticulum', 'term', 'sarcoplasmic-reticulum', 'first'),
  q('mitochondrial dysfunction', 'term', 'mitochondrial-dysfunction', 'first'),
  q('protein synthesis', 'term', 'muscle-protein-synthesis', 'first'),
  q('catabolism', 'term', 'catabolism', 'first'),
  q('skeletal muscle', 'term', 'skeletal-muscle', 'first'),
  q('risk of falls', 'term', 'fall-risk', 'first'),
  q('protein', 'term', 'protein-intake', 'group-top-3'),
  // Questions: the FAQ entry that answers them.
  q('how much vitamin d', 'faq', 'faq-dosage', 'first'),
  q('how much vitamin d should i take', 'faq', 'faq-dosage', 'first'),
  q('vitamin d dose', 'faq', 'faq-dosage', 'group-first'),
  q('vitamin d dosage', 'faq', 'faq-dosage', 'group-first'),
  q('vitamin d overdose', 'faq', 'faq-toxicity', 'group-first'),
  q('too much vitamin d', 'faq', 'faq-toxicity', 'group-first'),
  q('can you take too much vitamin d?', 'faq', 'faq-toxicity', 'first'),
  q('which foods have vitamin d', 'faq', 'faq-sources', 'first'),
  q('salmon', 'faq', 'faq-sources', 'group-first'),
  q('egg yolks', 'faq', 'faq-sources', 'group-first'),
  q('does vitamin d help recovery after exercise', 'faq', 'faq-recovery', 'first'),
  q('how does vitamin d work in muscle', 'faq', 'faq-mechanism', 'first'),
  q('does supplementation improve muscle strength', 'faq', 'faq-supplement-effect', 'first'),
  q('why does deficiency cause weakness', 'faq', 'faq-deficiency-effects', 'first'),
  // Topics the guide's sections cover.
  q('vitamin d receptor', 'section', 'vitamin-d-receptor', 'group-first'),
  q('calcium handling', 'section', 'intracellular-calcium', 'group-first'),
  q('muscle cramps', 'section', 'comparison', 'group-first'),
  q('sufficient vs deficient', 'section', 'comparison', 'first'),
  q('exercise and protein', 'section', 'synergistic-strategies', 'group-first'),
  q('medical advice', 'section', 'disclaimer', 'first'),
  q('key points', 'section', 'key-points', 'first'),
];
