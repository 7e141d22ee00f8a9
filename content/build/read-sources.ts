/**
 * Reading the authored files from disk (Node only; used by the build script and tests).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentSources } from './build';

/** File names of the authored sources inside content/. */
export const SOURCE_FILES: Record<keyof ContentSources, string> = {
  guide: 'guide.md',
  faq: 'faq.md',
  glossary: 'glossary.yaml',
};

/** Reads guide, FAQ and glossary sources from a content directory. */
export function readContentSources(contentDir: string): ContentSources {
  const read = (name: string): string => readFileSync(path.join(contentDir, name), 'utf8');
  return {
    guide: read(SOURCE_FILES.guide),
    faq: read(SOURCE_FILES.faq),
    glossary: read(SOURCE_FILES.glossary),
  };
}
