/**
 * content/guide.md to the guide tree. Conventions (also noted at the top of guide.md):
 * YAML front matter holds `readingTime`; one `#` title whose paragraphs are the intro;
 * `##`/`###` sections; every heading ends in an explicit `{#id}`; the `## … {#disclaimer}`
 * section is last and becomes `guide.disclaimer`.
 */
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import { GuideSchema, type Guide, type GuideSection } from '../schema';
import { headingParts, lexLines, report, toBlock, type Reporter } from './markdown';
import { schemaIssues } from './issues';

export const DISCLAIMER_ID = 'disclaimer';

const FrontMatterSchema = v.strictObject({ readingTime: v.pipe(v.string(), v.nonEmpty()) });

/** Parses and checks the guide's Markdown; returns the guide only when there are no errors. */
export function parseGuide(
  markdown: string,
  file = 'content/guide.md',
): { guide?: Guide; errors: string[] } {
  const reporter: Reporter = { file, errors: [] };
  const { data, body, bodyLine } = splitFrontMatter(markdown);
  const front = v.safeParse(FrontMatterSchema, data);
  if (!front.success)
    reporter.errors.push(
      `${file}: front matter: needs "readingTime: <text>" (e.g. "readingTime: 4 min read")`,
    );

  let intro: GuideSection | undefined;
  let current: GuideSection | undefined;
  const sections: GuideSection[] = [];
  const open: GuideSection[] = [];
  const idLines = new Map<string, number>();

  for (const { token, line } of lexLines(body, bodyLine)) {
    if (token.type === 'heading') {
      const { title, id } = headingParts(
        token as Parameters<typeof headingParts>[0],
        reporter,
        line,
      );
      const depth = (token as { depth: number }).depth;
      const section: GuideSection = { id, title, level: depth, blocks: [], children: [] };
      const seen = idLines.get(id);
      if (id && seen !== undefined)
        report(reporter, line, `duplicate section id "${id}" (first used on line ${seen})`);
      idLines.set(id, line);
      if (depth === 1) {
        if (intro) report(reporter, line, 'only one "#" title is allowed');
        intro = section;
      } else {
        while ((open.at(-1)?.level ?? 1) >= depth) open.pop();
        const parent = open.at(-1);
        if (depth !== (parent?.level ?? 1) + 1)
          report(
            reporter,
            line,
            `heading "${title}" skips a level (h${depth} after h${parent?.level ?? 1})`,
          );
        (parent ? parent.children : sections).push(section);
        open.push(section);
      }
      current = section;
      continue;
    }
    const block = toBlock(token, reporter, line);
    if (!block) continue;
    if (current) current.blocks.push(block);
    else report(reporter, line, 'text before the "#" title');
  }

  if (!intro) reporter.errors.push(`${file}: missing the "#" title (it must come first)`);
  const disclaimer = sections.at(-1)?.id === DISCLAIMER_ID ? sections.pop() : undefined;
  if (!disclaimer)
    reporter.errors.push(
      `${file}: the last "##" section must be the disclaimer ("## … {#${DISCLAIMER_ID}}")`,
    );
  for (const section of [...sections, ...(intro ? [intro] : [])])
    checkNotEmpty(section, reporter, idLines);
  if (reporter.errors.length > 0 || !intro || !disclaimer || !front.success)
    return { errors: reporter.errors };

  const candidate = {
    title: intro.title,
    readingTime: front.output.readingTime,
    intro,
    sections,
    disclaimer,
  };
  const checked = v.safeParse(GuideSchema, candidate);
  if (!checked.success) return { errors: schemaIssues(file, 'guide', checked.issues) };
  return { guide: checked.output, errors: [] };
}

function checkNotEmpty(
  section: GuideSection,
  reporter: Reporter,
  idLines: Map<string, number>,
): void {
  if (section.blocks.length === 0 && section.children.length === 0) {
    report(reporter, idLines.get(section.id) ?? 0, `section "${section.id}" has no content`);
  }
  section.children.forEach((child) => checkNotEmpty(child, reporter, idLines));
}

/** Cuts a leading `---` YAML block from the Markdown; reports the line the body starts on. */
export function splitFrontMatter(markdown: string): {
  data: unknown;
  body: string;
  bodyLine: number;
} {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(markdown);
  if (!match) return { data: undefined, body: markdown, bodyLine: 1 };
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch {
    data = undefined;
  }
  return { data, body: markdown.slice(match[0].length), bodyLine: match[0].split('\n').length };
}
