/**
 * The matcher's fixture glossary and its table of cases, shared by the string tests
 * (matcher.test.ts) and the real mark.js run (matcher-markjs.test.ts).
 */
import type { MatchableTerm } from '@/lib/matcher';

/** A slice of the guide's glossary, with the shapes that make matching hard. */
export const GLOSSARY: readonly MatchableTerm[] = [
  { id: 'sarcopenia', forms: ['sarcopenia'], caseSensitive: false },
  { id: 'dynapenia', forms: ['dynapenia'], caseSensitive: false },
  { id: 'muscle-atrophy', forms: ['muscle atrophy', 'muscular atrophy'], caseSensitive: false },
  { id: 'vitamin-d', forms: ['vitamin D', 'vitamin D3', 'cholecalciferol'], caseSensitive: false },
  {
    id: 'vitamin-d-deficiency',
    forms: ['vitamin D deficiency', 'vitamin D insufficiency'],
    caseSensitive: false,
  },
  { id: 'vdr', forms: ['VDR', 'vitamin D receptor'], caseSensitive: true },
  { id: 'calcitriol', forms: ['1,25-dihydroxyvitamin D', 'calcitriol'], caseSensitive: false },
  {
    id: 'type-2-fibres',
    forms: [
      'type II muscle fibre',
      'type II muscle fiber',
      'type II fibre',
      'type II fiber',
      'fast-twitch fibre',
      'fast-twitch fiber',
    ],
    caseSensitive: false,
  },
  {
    id: 'sarcoplasmic-reticulum',
    forms: ['sarcoplasmic reticulum', 'sarcoplasmic reticula'],
    caseSensitive: false,
  },
  { id: 'mitochondria', forms: ['mitochondria', 'mitochondrion'], caseSensitive: false },
  { id: 'mitochondrial-dysfunction', forms: ['mitochondrial dysfunction'], caseSensitive: false },
  { id: 'oxidative-stress', forms: ['oxidative stress'], caseSensitive: false },
  {
    id: 'ros',
    forms: ['ROS', 'reactive oxygen species'],
    caseSensitive: true,
    context: ['muscle', 'oxidative', 'mitochondria', 'cell', 'vitamin', 'stress'],
  },
  { id: 'igf-1', forms: ['IGF-1', 'insulin-like growth factor 1'], caseSensitive: true },
  {
    id: 'akt',
    forms: ['Akt', 'AKT', 'protein kinase B'],
    caseSensitive: true,
    context: ['protein', 'muscle', 'pathway', 'igf-1', 'foxo', 'kinase'],
  },
  { id: 'foxo', forms: ['FOXO', 'FoxO'], caseSensitive: true },
  { id: 'leucine', forms: ['leucine'], caseSensitive: false },
  { id: 'hypercalcemia', forms: ['hypercalcemia', 'hypercalcaemia'], caseSensitive: false },
  { id: 'fatty-fish', forms: ['fatty fish', 'oily fish'], caseSensitive: false },
];

/** One row: the text, what a reader expects marked, and the page it sits on when that matters. */
export interface Case {
  text: string;
  expect: ReadonlyArray<readonly [surface: string, termId: string]>;
  /** Page text for `activeIds`; the text itself when omitted. */
  page?: string;
  why?: string;
}

const none: Case['expect'] = [];

export const CASES: readonly Case[] = [
  // Case and plain words
  { text: 'Sarcopenia is common after 70.', expect: [['Sarcopenia', 'sarcopenia']] },
  {
    text: 'SARCOPENIA AND DYNAPENIA',
    expect: [
      ['SARCOPENIA', 'sarcopenia'],
      ['DYNAPENIA', 'dynapenia'],
    ],
  },
  {
    text: 'Vitamin D and muscle atrophy',
    expect: [
      ['Vitamin D', 'vitamin-d'],
      ['muscle atrophy', 'muscle-atrophy'],
    ],
  },
  { text: 'Leucine-rich meals', expect: [['Leucine', 'leucine']], why: 'a hyphen ends a word' },
  { text: 'Too much can cause hypercalcemia.', expect: [['hypercalcemia', 'hypercalcemia']] },
  {
    text: 'Too much can cause hypercalcaemia.',
    expect: [['hypercalcaemia', 'hypercalcemia']],
    why: 'British spelling',
  },
  {
    text: 'type II muscle fibres and type II muscle fibers',
    expect: [
      ['type II muscle fibres', 'type-2-fibres'],
      ['type II muscle fibers', 'type-2-fibres'],
    ],
  },
  {
    text: 'eat oily fish or fatty fish',
    expect: [
      ['oily fish', 'fatty-fish'],
      ['fatty fish', 'fatty-fish'],
    ],
  },
  { text: 'calcitriol', expect: [['calcitriol', 'calcitriol']], why: 'the whole string' },
  {
    text: 'ros levels',
    expect: none,
    page: 'oxidative stress in muscle',
    why: 'ROS is case-sensitive',
  },
  {
    text: 'Ros and Vdr',
    expect: none,
    page: 'muscle',
    why: 'case-sensitive acronyms match only as written',
  },
  {
    text: 'akt signalling',
    expect: none,
    page: 'protein kinase',
    why: 'lower-case akt is not listed',
  },
  {
    text: 'AKT signalling',
    expect: [['AKT', 'akt']],
    page: 'protein kinase',
    why: 'AKT is listed as a form',
  },
  {
    text: 'Foxo and FoxO',
    expect: [['FoxO', 'foxo']],
    why: 'only listed spellings of a case-sensitive term',
  },
  {
    text: 'Vitamin D receptor',
    expect: [['Vitamin D receptor', 'vdr']],
    why: 'sentence-initial capital of a lower-case form',
  },
  {
    text: 'VITAMIN D RECEPTOR',
    expect: [['VITAMIN D', 'vitamin-d']],
    why: 'the case-sensitive receptor form fails; the case-insensitive vitamin D remains',
  },

  // Longest match
  { text: 'the vitamin D receptor binds', expect: [['vitamin D receptor', 'vdr']] },
  {
    text: 'vitamin D deficiency is common',
    expect: [['vitamin D deficiency', 'vitamin-d-deficiency']],
  },
  {
    text: 'vitamin D3 or vitamin D',
    expect: [
      ['vitamin D3', 'vitamin-d'],
      ['vitamin D', 'vitamin-d'],
    ],
  },
  {
    text: 'mitochondrial dysfunction and mitochondria',
    expect: [
      ['mitochondrial dysfunction', 'mitochondrial-dysfunction'],
      ['mitochondria', 'mitochondria'],
    ],
  },
  {
    text: 'vitamin D receptorial',
    expect: [['vitamin D', 'vitamin-d']],
    why: 'a longer form that fails the word end falls back',
  },
  { text: 'vitamin D deficient', expect: [['vitamin D', 'vitamin-d']] },
  { text: 'type II fibres', expect: [['type II fibres', 'type-2-fibres']] },
  { text: '1,25-dihydroxyvitamin D levels', expect: [['1,25-dihydroxyvitamin D', 'calcitriol']] },

  // Adjacency and punctuation
  {
    text: 'sarcopenia/dynapenia',
    expect: [
      ['sarcopenia', 'sarcopenia'],
      ['dynapenia', 'dynapenia'],
    ],
  },
  {
    text: 'sarcopenia–dynapenia',
    expect: [
      ['sarcopenia', 'sarcopenia'],
      ['dynapenia', 'dynapenia'],
    ],
    why: 'en dash',
  },
  { text: '(sarcopenia)', expect: [['sarcopenia', 'sarcopenia']] },
  {
    text: '“Sarcopenia,” she said; dynapenia!',
    expect: [
      ['Sarcopenia', 'sarcopenia'],
      ['dynapenia', 'dynapenia'],
    ],
  },
  {
    text: 'VDR-mediated, VDR:RXR',
    expect: [
      ['VDR', 'vdr'],
      ['VDR', 'vdr'],
    ],
  },
  { text: 'VDR.', expect: [['VDR', 'vdr']], why: 'end of sentence, end of string' },
  { text: 'Is it sarcopenia?', expect: [['sarcopenia', 'sarcopenia']] },
  { text: 'vitamin D-deficient', expect: [['vitamin D', 'vitamin-d']] },

  // Multiple occurrences
  {
    text: 'VDR binds; VDR dimerises; vitamin D activates VDR',
    expect: [
      ['VDR', 'vdr'],
      ['VDR', 'vdr'],
      ['vitamin D', 'vitamin-d'],
      ['VDR', 'vdr'],
    ],
  },
  {
    text: 'leucine leucine leucine',
    expect: [
      ['leucine', 'leucine'],
      ['leucine', 'leucine'],
      ['leucine', 'leucine'],
    ],
  },

  // Plurals and possessives
  {
    text: 'FOXOs and VDRs',
    expect: [
      ['FOXOs', 'foxo'],
      ['VDRs', 'vdr'],
    ],
  },
  { text: 'fast-twitch fibres', expect: [['fast-twitch fibres', 'type-2-fibres']] },
  { text: 'oxidative stresses', expect: [['oxidative stresses', 'oxidative-stress']] },
  {
    text: 'sarcoplasmic reticula',
    expect: [['sarcoplasmic reticula', 'sarcoplasmic-reticulum']],
    why: 'irregular plural is listed',
  },
  {
    text: "sarcopenia's burden",
    expect: [['sarcopenia', 'sarcopenia']],
    why: 'possessive is not wrapped',
  },
  { text: 'the VDR’s ligand', expect: [['VDR', 'vdr']] },
  {
    text: "the FOXOs' targets",
    expect: [['FOXOs', 'foxo']],
    why: 'plural wrapped, plural possessive not',
  },
  { text: 'ROSes', expect: none, page: 'muscle', why: 'ROS is already plural' },
  { text: 'vitamin Ds', expect: none, why: 'no plural for a one-letter last word' },
  { text: 'sarcopenic adults', expect: none, why: 'adjectives are not forms' },

  // Separators between words
  { text: 'fast twitch fibre', expect: [['fast twitch fibre', 'type-2-fibres']] },
  {
    text: 'fast\u2010twitch fibre',
    expect: [['fast\u2010twitch fibre', 'type-2-fibres']],
    why: 'U+2010 hyphen',
  },
  {
    text: 'fast\u2011twitch fibre',
    expect: [['fast\u2011twitch fibre', 'type-2-fibres']],
    why: 'U+2011 non-breaking hyphen',
  },
  {
    text: 'fast\u00ADtwitch fibre',
    expect: [['fast\u00ADtwitch fibre', 'type-2-fibres']],
    why: 'soft hyphen between words',
  },
  {
    text: 'fast-\ntwitch fibre',
    expect: [['fast-\ntwitch fibre', 'type-2-fibres']],
    why: 'line-broken hyphen',
  },
  {
    text: 'fast- twitch fibre',
    expect: [['fast- twitch fibre', 'type-2-fibres']],
    why: 'hyphen at a line break in extracted text',
  },
  { text: 'vitamin\u00A0D', expect: [['vitamin\u00A0D', 'vitamin-d']], why: 'no-break space' },
  { text: 'vitamin \n\t D', expect: [['vitamin \n\t D', 'vitamin-d']], why: 'any whitespace run' },
  {
    text: 'IGF\u20111 and IGF 1',
    expect: [
      ['IGF\u20111', 'igf-1'],
      ['IGF 1', 'igf-1'],
    ],
  },
  { text: 'fasttwitch fibre', expect: none, why: 'a separator is required' },
  { text: 'fast—twitch fibre', expect: none, why: 'an em dash is not a hyphen' },
  { text: 'vitaminD', expect: none, why: 'a separator is required' },

  // Soft hyphens inside words: a word split by one is not read through. Reading through
  // them took an optional \xAD after every letter: 3,370 of them made the pattern 42 KB
  // and its first use in a page cost 100-170 ms of compiling (measured), on every page.
  {
    text: 'sarco\u00ADpenia',
    expect: none,
    why: 'a soft hyphen inside a word is not read through (cost, above)',
  },
  {
    text: 'hyper\u00ADcal\u00ADcae\u00ADmia',
    expect: none,
    why: 'a soft hyphen inside a word is not read through (cost, above)',
  },
  { text: 'sarcopenia\u00ADlike', expect: none, why: 'a soft hyphen continues the word' },

  // Whole words only
  { text: 'Rosemary and prosaic roses', expect: none, page: 'muscle cell' },
  { text: 'Die Akten liegen vor', expect: none, page: 'protein' },
  { text: 'getVDR() and VDR_score', expect: none },
  {
    text: 'mitochondrial function',
    expect: none,
    why: '"mitochondrial" alone is not "mitochondria"',
  },
  {
    text: 'IGF-12 and IGF-1R',
    expect: none,
    why: 'digits and letters continue the word; IGF-1R is the receptor',
  },
  { text: 'VDR2 or 2VDR', expect: none },
  { text: 'Akt1 isoform', expect: none, page: 'protein', why: 'isoforms are other words' },
  { text: 'dynapenias', expect: [['dynapenias', 'dynapenia']] },
  { text: 'dynapenial', expect: none },
  {
    text: 'мышечнаяVDR',
    expect: none,
    why: 'Cyrillic is written with spaces, so its letters continue a word',
  },
  { text: 'VDR\u0301', expect: none, why: 'a combining mark belongs to the word' },

  // Other scripts around a term
  { text: '维生素D受体（VDR）在肌肉中表达', expect: [['VDR', 'vdr']] },
  {
    text: '研究发现VDR表达降低',
    expect: [['VDR', 'vdr']],
    why: 'Chinese has no spaces between words',
  },
  { text: 'VDRは筋肉に', expect: [['VDR', 'vdr']] },
  { text: 'VDR는 근육에서', expect: [['VDR', 'vdr']], why: 'Korean particles attach to the word' },
  { text: 'يرتبط فيتامين د بمستقبل VDR في العضلات', expect: [['VDR', 'vdr']] },
  {
    text: '\u200Fהקולטן\u200F VDR\u200F בשריר',
    expect: [['VDR', 'vdr']],
    why: 'bidi marks around the term',
  },
  { text: 'La sarcopénie (sarcopenia) touche', expect: [['sarcopenia', 'sarcopenia']] },
  {
    text: "l'IGF-1 et la leucine",
    expect: [
      ['IGF-1', 'igf-1'],
      ['leucine', 'leucine'],
    ],
  },

  // URLs, e-mail addresses, paths, code
  { text: 'https://example.org/vdr/VDR', expect: none },
  { text: 'http://sarcopenia.net/', expect: none },
  { text: 'visit www.sarcopenia.org today', expect: none },
  { text: 'sarcopenia@example.org', expect: none },
  { text: 'info@sarcopenia.org', expect: none },
  { text: 'VDR-lab@example.org', expect: none },
  { text: 'example.org/VDR', expect: none },
  { text: 'C:\\studies\\VDR\\data.csv', expect: none },
  { text: '~/data/sarcopenia and ./sarcopenia/run.sh', expect: none },
  { text: 'see /usr/share/sarcopenia', expect: none },
  { text: 'search?q=sarcopenia&lang=en', expect: none },
  { text: 'obj.VDR and VDR.score', expect: none },
  {
    text: 'VDR.sarcopenia',
    expect: none,
    why: 'dotted names, checked on both sides so mark.js agrees',
  },
  { text: 'ros_node and rosbag and ROS2', expect: none, page: 'muscle cell' },
  { text: 'See https://example.org/x for sarcopenia.', expect: [['sarcopenia', 'sarcopenia']] },
  { text: '(www.example.org) VDR', expect: [['VDR', 'vdr']] },

  // Context for ambiguous acronyms
  { text: 'ROS node publishes topics', expect: none, why: 'a robotics page: no context word' },
  { text: 'Im zweiten Akt des Dramas', expect: none, why: 'German theatre: no context word' },
  {
    text: 'ROS levels rise under oxidative stress',
    expect: [
      ['ROS', 'ros'],
      ['oxidative stress', 'oxidative-stress'],
    ],
  },
  {
    text: 'Akt phosphorylates FOXO',
    expect: [
      ['Akt', 'akt'],
      ['FOXO', 'foxo'],
    ],
    why: '"foxo" is a context word',
  },
  {
    text: 'ROS rise',
    page: 'Ageing muscles lose strength.',
    expect: [['ROS', 'ros']],
    why: 'context from elsewhere on the page; plural counts',
  },
  { text: 'Akt is active', page: 'the IGF-1 pathway', expect: [['Akt', 'akt']] },
  { text: 'ROS and Akt', page: 'cellular', expect: none, why: '"cellular" is not "cell"' },
  {
    text: 'reactive oxygen species (ROS)',
    expect: none,
    why: 'ROS and its long form share the context rule; this text has no context word',
  },
];
