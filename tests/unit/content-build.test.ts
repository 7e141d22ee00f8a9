import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { buildContent, generatedModules } from '../../content/build/build';
import { readContentSources, SOURCE_FILES } from '../../content/build/read-sources';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sources = readContentSources(path.join(repoRoot, 'content'));

describe('buildContent', () => {
  test('the authored content builds without errors', () => {
    expect(buildContent(sources).errors).toEqual([]);
  });

  test('collects the errors of every file at once', () => {
    const errors = buildContent({
      guide: sources.guide.replace('{#proven-link}', '{#key-points}'),
      faq: sources.faq.replace('Can you take too much vitamin D?', 'Too much vitamin D'),
      glossary: sources.glossary,
    }).errors;
    expect(
      errors.some(
        (error) =>
          error.startsWith('content/guide.md:') &&
          error.includes('duplicate section id "key-points"'),
      ),
    ).toBe(true);
    expect(
      errors.some(
        (error) => error.startsWith('content/faq.md:') && error.includes('must end with "?"'),
      ),
    ).toBe(true);
  });

  test('checks the glossary against the real guide and FAQ', () => {
    const glossary = sources.glossary.replace(
      'section: intracellular-calcium',
      'section: receptor',
    );
    expect(buildContent({ ...sources, glossary }).errors).toEqual([
      'content/glossary.yaml: term "intracellular-calcium": field "section": unknown section id "receptor"',
    ]);
  });

  test('rejects an FAQ id that repeats a section id', () => {
    const faq = sources.faq.replace('{#faq-dosage}', '{#conclusion}');
    expect(buildContent({ ...sources, faq }).errors).toEqual([
      'content/faq.md: entry "conclusion": field "id": also used by a guide section',
    ]);
  });

  test('generated modules are typed TypeScript with JSON literals, glossary alone in its module', () => {
    const built = buildContent(sources);
    if (!built.guide || !built.faq || !built.glossary) throw new Error('content did not build');
    const modules = generatedModules({
      guide: built.guide,
      faq: built.faq,
      glossary: built.glossary,
    });
    expect(Object.keys(modules).sort()).toEqual(['faq.ts', 'glossary.ts', 'guide.ts']);
    expect(modules['glossary.ts']).toContain("import type { GlossaryTerm } from '../schema';");
    expect(modules['glossary.ts']).toContain('export const glossary: GlossaryTerm[] = [');
    expect(modules['guide.ts']).toContain('export const guide: Guide = {');
    expect(modules['faq.ts']).toContain('export const faq: FaqEntry[] = [');
    // The content script imports the glossary module: it must not carry the article.
    expect(modules['glossary.ts']).not.toContain('Mounting evidence from clinical');
    expect(modules['glossary.ts']).not.toContain('Determining the right amount');
  });
});

describe('content/build/cli.ts', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });
  const run = (files: Record<string, string>) => {
    dir = mkdtempSync(path.join(tmpdir(), 'myolens-content-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'content/build/cli.ts'), dir],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    );
  };

  test('writes the modules for valid content', () => {
    const result = run({
      [SOURCE_FILES.guide]: sources.guide,
      [SOURCE_FILES.faq]: sources.faq,
      [SOURCE_FILES.glossary]: sources.glossary,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(dir, 'generated/glossary.ts'), 'utf8')).toContain('"id": "vdr"');
  }, 30_000);

  test('exits non-zero listing every error', () => {
    const glossary = sources.glossary.replace(
      'section: vitamin-d-receptor\n  related: [active-vitamin-d, gene-expression, steroid-hormone]',
      'section: receptor\n  related: [nope]',
    );
    const result = run({
      [SOURCE_FILES.guide]: sources.guide,
      [SOURCE_FILES.faq]: sources.faq,
      [SOURCE_FILES.glossary]: glossary,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Content has 2 error(s):');
    expect(result.stderr).toContain(
      'content/glossary.yaml: term "vdr": field "section": unknown section id "receptor"',
    );
    expect(result.stderr).toContain(
      'content/glossary.yaml: term "vdr": field "related": unknown term id "nope"',
    );
  }, 30_000);
});
