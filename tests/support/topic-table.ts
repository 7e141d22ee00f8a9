/**
 * The page-topic gate's evidence on every corpus page and on the real pages in
 * ../shared/pages: score, density and decision, with how many mentions the scanner's
 * matcher finds there before the gate (shared forms) and after it. How the thresholds in
 * content/topic.ts were chosen, and what README quotes:
 *
 *   npx tsx tests/support/topic-table.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { glossary } from '../../content/glossary-index';
import { TOPIC_CUES, TOPIC_THRESHOLD, TOPIC_WINDOW } from '../../content/topic';
import { compileMatcher } from '../../lib/matcher';
import { pageTopicReader, topicReader } from '../../lib/topic';
import { readableText } from '../../entrypoints/highlighter.content/scan';
import { corpusPages } from './topic-corpus';

const matcher = compileMatcher(glossary);
const reader = pageTopicReader(matcher);
// The same reading with no early stop: the whole window's evidence, for the table.
const whole = topicReader(
  matcher,
  TOPIC_CUES,
  { minScore: Infinity, minDensity: Infinity },
  TOPIC_WINDOW,
);
const SHARED_PAGES = resolve(import.meta.dirname, '../../../shared/pages');

/** The text the content script's gate reads: the body's prose. */
function textOf(html: string): string {
  const window = new Window();
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  const text = doc.body ? readableText(doc.body as unknown as Node, TOPIC_WINDOW) : '';
  void window.happyDOM.close();
  return text;
}

const rows: { name: string; text: string; expect?: boolean }[] = [
  ...corpusPages('off-topic').map((p) => ({
    name: `off-topic/${p.file}`,
    text: textOf(p.html),
    expect: false,
  })),
  ...corpusPages('on-topic').map((p) => ({
    name: `on-topic/${p.file}`,
    text: textOf(p.html),
    expect: true,
  })),
];
if (existsSync(SHARED_PAGES))
  for (const f of readdirSync(SHARED_PAGES)
    .filter((f) => f.endsWith('.html'))
    .sort())
    rows.push({ name: `shared/${f}`, text: textOf(readFileSync(join(SHARED_PAGES, f), 'utf8')) });

console.log('score density decision shared-mentions  page  (strong | weak | specific)');
let wrong = 0;
for (const row of rows) {
  const e = whole.read(row.text);
  const on = reader.onTopic(reader.read(row.text));
  const shared = matcher
    .match(row.text)
    .filter((s) => matcher.isShared(row.text.slice(s.start, s.end))).length;
  const bad = row.expect !== undefined && row.expect !== on;
  if (bad) wrong++;
  console.log(
    `${String(e.score).padStart(5)} ${e.density.toFixed(1).padStart(7)} ${(on ? 'on' : 'off').padStart(8)} ${String(shared).padStart(15)}  ${row.name}${bad ? '  <-- WRONG' : ''}  (${[...e.strong].join(',')} | ${[...e.weak].join(',')} | ${[...e.specific].join(',')})`,
  );
}
console.log(
  `\nthreshold: score >= ${TOPIC_THRESHOLD.minScore}, density >= ${TOPIC_THRESHOLD.minDensity}; ${wrong} page(s) decided against their corpus`,
);
