/**
 * content/faq.md to FAQ entries: each `## Question? {#faq-id}` heading starts an entry,
 * the blocks under it are the answer.
 */
import * as v from 'valibot';
import { FaqEntrySchema, type Block, type FaqEntry } from '../schema';
import { fieldPath, issueText } from './issues';
import { headingParts, lexLines, report, toBlock, type Reporter } from './markdown';

/** Parses and checks the FAQ Markdown; returns the entries only when there are no errors. */
export function parseFaq(
  markdown: string,
  file = 'content/faq.md',
): { faq?: FaqEntry[]; errors: string[] } {
  const reporter: Reporter = { file, errors: [] };
  const drafts: { id: string; question: string; answer: Block[]; line: number }[] = [];
  const idLines = new Map<string, number>();

  for (const { token, line } of lexLines(markdown)) {
    if (token.type === 'heading') {
      const { title, id } = headingParts(
        token as Parameters<typeof headingParts>[0],
        reporter,
        line,
      );
      if ((token as { depth: number }).depth !== 2)
        report(reporter, line, `question "${title}" must be a "##" heading`);
      const seen = idLines.get(id);
      if (id && seen !== undefined)
        report(reporter, line, `duplicate FAQ id "${id}" (first used on line ${seen})`);
      idLines.set(id, line);
      drafts.push({ id, question: title, answer: [], line });
      continue;
    }
    const block = toBlock(token, reporter, line);
    if (!block) continue;
    const current = drafts.at(-1);
    if (current) current.answer.push(block);
    else report(reporter, line, 'text before the first "##" question');
  }

  const faq: FaqEntry[] = [];
  for (const { line, ...draft } of drafts) {
    const checked = v.safeParse(FaqEntrySchema, draft);
    if (checked.success) faq.push(checked.output);
    else
      for (const issue of checked.issues)
        report(
          reporter,
          line,
          `entry "${draft.id}": field "${fieldPath(issue)}": ${issueText(issue)}`,
        );
  }
  if (drafts.length === 0) reporter.errors.push(`${file}: no questions found`);
  return reporter.errors.length > 0 ? { errors: reporter.errors } : { faq, errors: [] };
}
