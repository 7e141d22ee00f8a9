/**
 * Reading the authored files from disk (Node only; used by the build script and tests).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentSources } from './build';

/** File names of the authored sources inside content/. */
export const SOURCE_FILES: Record<keyof ContentSources, string> = {
  guide: 'guide.md',
  faq: 'faq.md',
  glossary: 'glossary.yaml',
  aliases: 'aliases.yaml',
};

/** Reads guide, FAQ and glossary sources (and the aliases, if any) from a content directory. */
export function readContentSources(contentDir: string): ContentSources {
  const read = (name: string): string => readFileSync(path.join(contentDir, name), 'utf8');
  const aliases = path.join(contentDir, SOURCE_FILES.aliases);
  return {
    guide: read(SOURCE_FILES.guide),
    faq: read(SOURCE_FILES.faq),
    glossary: read(SOURCE_FILES.glossary),
    // Aliases only help search: content without them still builds.
    ...(existsSync(aliases) ? { aliases: readFileSync(aliases, 'utf8') } : {}),
  };
}
