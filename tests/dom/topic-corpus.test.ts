// @vitest-environment happy-dom
/**
 * The page-topic gate on the corpora, through the content script's own scanner: on the
 * 48 off-topic pages (17 fields, each using guide forms in its own sense) nothing is
 * marked, so there is nothing to hover either; on the 20 topic pages every guide form the
 * page uses is still marked.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { glossary } from '@/content/glossary-index';
import { compileMatcher } from '@/lib/matcher';
import { corpusPages, type CorpusPage } from '../support/topic-corpus';
import { TestSession, timerHost, ungatedMatcher, wrapAll } from './session';

const matcher = compileMatcher(glossary);
const options = wrapAll;
const host = timerHost;
let session: TestSession | undefined;

afterEach(() => {
  session?.stop();
  document.body.replaceChildren();
});

/** Loads the page into the test document and scans it as the content script does. */
async function marked(page: CorpusPage, using = matcher): Promise<string[]> {
  const parsed = new DOMParser().parseFromString(page.html, 'text/html');
  document.body.replaceChildren(
    ...[...parsed.body.childNodes].map((n) => document.importNode(n, true)),
  );
  session = new TestSession(document, host, using, options);
  session.start();
  await session.whenIdle();
  return session.mentions().map((o) => o.node.data.slice(o.start, o.end));
}

/** A form as the matcher compares it: letter case aside, hyphen and space equal. */
const key = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\s\u2010-\u2015-]+/g, ' ')
    .trim();

describe('off-topic pages: no underline, so no tooltip', () => {
  for (const page of corpusPages('off-topic')) {
    test(`${page.file} (${page.field}: ${page.forms.join(', ')})`, async () => {
      expect(await marked(page)).toEqual([]);
    });
  }
});

describe('topic pages: every guide form they use is marked', () => {
  for (const page of corpusPages('on-topic')) {
    test(`${page.file} (${page.forms.join(', ')})`, async () => {
      const found = new Set((await marked(page)).map(key));
      const missing = page.forms.filter(
        (form) => ![...found].some((f) => f === key(form) || f.startsWith(key(form))),
      );
      expect(missing).toEqual([]);
    });
  }
});

describe('pages about the body lose no mention to the gate', () => {
  // The same scan with every form treated as the guide's own: what was shown before the gate.
  const ungated = ungatedMatcher();
  const pages: CorpusPage[] = [
    ...corpusPages('on-topic'),
    {
      corpus: 'on-topic',
      file: 'demo/index.html',
      field: 'the guide',
      forms: [],
      html: readFileSync(resolve(import.meta.dirname, '../fixtures/demo/index.html'), 'utf8'),
    },
  ];
  for (const page of pages) {
    test(page.file, async () => {
      const gated = await marked(page);
      session?.stop();
      const all = await marked(page, ungated);
      expect(gated.length).toBeGreaterThan(0);
      expect(gated).toEqual(all);
    });
  }
});
