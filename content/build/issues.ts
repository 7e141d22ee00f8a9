/**
 * valibot issues as messages an author can act on:
 * `content/glossary.yaml: term "vdr": field "summary": must be at most 240 characters (has 251)`.
 */
import type * as v from 'valibot';

type Issue = v.BaseIssue<unknown>;

/** A dotted field path like `forms[2]` or `answer[0].children` from an issue path. */
export function fieldPath(issue: Issue): string {
  return (issue.path ?? [])
    .map((item, index) =>
      typeof item.key === 'number'
        ? `[${item.key}]`
        : `${index === 0 ? '' : '.'}${String(item.key)}`,
    )
    .join('');
}

/** What went wrong, in words: missing, unknown field, wrong type, or the schema's own message. */
export function issueText(issue: Issue): string {
  if (issue.expected === 'never') return 'unknown field';
  if (issue.kind === 'schema' && issue.input === undefined) return 'is missing';
  // valibot's default messages start with "Invalid"; ours are already written for authors.
  if (!issue.message.startsWith('Invalid ')) return issue.message;
  if (issue.kind === 'schema')
    return `must be ${issue.expected ?? 'valid'} (got ${issue.received})`;
  return issue.message;
}

/** One message per issue for a whole-document schema (`what` names the document). */
export function schemaIssues(file: string, what: string, issues: readonly Issue[]): string[] {
  return issues.map((issue) => {
    const path = fieldPath(issue);
    return `${file}: ${what}${path ? `: field "${path}"` : ''}: ${issueText(issue)}`;
  });
}
