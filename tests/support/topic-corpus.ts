/**
 * The page-topic gate's corpora (tests/fixtures/off-topic and on-topic, see the README
 * there): each page with the guide forms its sources.json says it uses.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

/** One corpus page. */
export interface CorpusPage {
  /** "off-topic" or "on-topic". */
  corpus: 'off-topic' | 'on-topic';
  file: string;
  field: string;
  /** The guide forms the page uses, as written on it. */
  forms: string[];
  html: string;
}

/** Every page of one corpus, in sources.json order. */
export function corpusPages(corpus: CorpusPage['corpus']): CorpusPage[] {
  const dir = join(FIXTURES, corpus);
  const sources: { file: string; field: string; forms: string[] }[] = JSON.parse(
    readFileSync(join(dir, 'sources.json'), 'utf8'),
  );
  return sources.map((s) => ({
    corpus,
    file: s.file,
    field: s.field,
    forms: s.forms,
    html: readFileSync(join(dir, s.file), 'utf8'),
  }));
}
