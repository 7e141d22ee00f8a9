/**
 * Build step for the knowledge base: `npx tsx content/build/cli.ts [contentDir]`.
 * Reads guide.md, faq.md and glossary.yaml from content/ (or contentDir), validates them
 * and writes typed modules to <contentDir>/generated/. Exits 1 listing every error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildContent, generatedModules } from './build';
import { readContentSources } from './read-sources';
import { PATTERN_FILE, PROBE_FILE, patternModule, probeModule } from './pattern';
import { SEARCH_INDEX_FILE, searchIndexModule } from './search-index';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const contentDir = path.resolve(process.argv[2] ?? path.join(root, 'content'));
const outDir = path.join(contentDir, 'generated');

const built = buildContent(readContentSources(contentDir));

if (built.errors.length > 0 || !built.guide || !built.faq || !built.glossary) {
  console.error(`Content has ${built.errors.length} error(s):`);
  for (const error of built.errors) console.error(`  ${error}`);
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
const content = { guide: built.guide, faq: built.faq, glossary: built.glossary };
const modules = {
  ...generatedModules(content),
  // Lay aliases are indexed for search only: the glossary and the matcher never see them.
  [SEARCH_INDEX_FILE]: searchIndexModule({ ...content, aliases: built.aliases }),
  [PATTERN_FILE]: patternModule(content.glossary),
  [PROBE_FILE]: probeModule(content.glossary),
};
for (const [name, source] of Object.entries(modules))
  writeFileSync(path.join(outDir, name), source);
console.log(
  `${path.relative(root, outDir) || outDir}: ${built.glossary.length} terms, ${built.faq.length} FAQ entries ` +
    `(${Object.keys(modules).join(', ')})`,
);
