import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { glossary } from '../../content/glossary-index';
import { guide, flattenSections, blocksText } from '../../content';
import { SEARCH_INDEX_JSON } from '../../content/generated/search-index';
import { EXTENSION_DIR, expect, test } from './fixtures';

/** The article's paragraphs that no tooltip summary could hold whole. */
function articleParagraphs(): string[] {
  return (
    flattenSections(guide)
      .flatMap((section) =>
        section.blocks.filter((b) => b.type === 'paragraph').map((b) => blocksText([b])),
      )
      // Longer than any summary (240 characters at most), which may quote a sentence.
      .filter((text) => text.length > 240)
  );
}

test('the content script carries the glossary, not the article body', () => {
  const script = readFileSync(join(EXTENSION_DIR, 'content-scripts/highlighter.js'), 'utf8');
  const paragraphs = articleParagraphs();
  expect(paragraphs.length).toBeGreaterThan(8);
  for (const p of paragraphs) expect(script.includes(p), p).toBe(false);
  const plain = glossary.filter((t) => !/["'\\\\]/.test(t.summary));
  expect(plain.length).toBeGreaterThan(20);
  for (const t of plain) expect(script.includes(t.summary), t.id).toBe(true);

  // The popup and guide do carry the article.
  const chunks = readdirSync(join(EXTENSION_DIR, 'chunks')).map((f) =>
    readFileSync(join(EXTENSION_DIR, 'chunks', f), 'utf8'),
  );
  for (const p of paragraphs)
    expect(
      chunks.some((c) => c.includes(p)),
      p,
    ).toBe(true);
});

test('the search index stays in the background: the selection bubble asks it for results', () => {
  const read = (file: string) => readFileSync(join(EXTENSION_DIR, file), 'utf8');
  const script = read('content-scripts/highlighter.js');
  const background = read('background.js');
  // A stretch of the serialized index (its start: plain JSON, which the bundle keeps as is).
  const stretch = SEARCH_INDEX_JSON.slice(0, 200);
  expect(stretch).not.toMatch(/[\\`$]/);
  expect(background.includes(stretch)).toBe(true);
  expect(script.includes(stretch)).toBe(false);
  // MiniSearch names itself in its error messages.
  expect(background).toMatch(/MiniSearch:/);
  expect(script).not.toMatch(/MiniSearch/);
});
