/**
 * Glossary checks: each entry against the schema, then the rules that span entries and
 * files (unique ids and forms, known sections and related terms, presence in the text).
 */
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import { GlossaryTermSchema, type GlossaryTerm } from '../schema';
import { formSourceIssues } from './form-sources';
import { findForm, formKey, formsCollide } from './forms';
import { fieldPath, issueText } from './issues';

/** What the glossary is checked against. */
export interface GlossaryContext {
  /** Ids a term's `section` may name (guide sections and FAQ entries). */
  anchors: ReadonlySet<string>;
  /** The text every term must occur in (guide and FAQ answers). */
  text: string;
}

/** Parses the glossary YAML; a syntax error becomes a message instead of a throw. */
export function parseGlossaryYaml(
  source: string,
  file = 'content/glossary.yaml',
): { data?: unknown; errors: string[] } {
  try {
    return { data: parseYaml(source) as unknown, errors: [] };
  } catch (error) {
    return {
      errors: [`${file}: invalid YAML: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
}

/** Validates raw glossary data; returns the terms only when every check passes. */
export function validateGlossary(
  data: unknown,
  context: GlossaryContext,
  file = 'content/glossary.yaml',
): { glossary?: GlossaryTerm[]; errors: string[] } {
  if (!Array.isArray(data)) return { errors: [`${file}: must be a list of terms`] };
  const errors: string[] = [];
  const entries: unknown[] = data;
  const name = (entry: unknown, index: number): string => {
    const id = (entry as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? `term "${id}"` : `term #${index + 1}`;
  };
  const fail = (entry: string, field: string, message: string): void => {
    errors.push(`${file}: ${entry}: field "${field}": ${message}`);
  };

  const terms: GlossaryTerm[] = [];
  entries.forEach((entry, index) => {
    const checked = v.safeParse(GlossaryTermSchema, entry);
    if (checked.success) terms.push(checked.output);
    else
      for (const issue of checked.issues) {
        const path = fieldPath(issue);
        if (path) fail(name(entry, index), path, issueText(issue));
        else errors.push(`${file}: ${name(entry, index)}: must be a mapping of fields`);
      }
  });

  const allIds = new Set<string>();
  entries.forEach((entry, index) => {
    const id = (entry as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    if (allIds.has(id)) fail(name(entry, index), 'id', `duplicate id "${id}"`);
    allIds.add(id);
  });

  terms.forEach((term, index) => {
    const entry = `term "${term.id}"`;
    if (!context.anchors.has(term.section))
      fail(entry, 'section', `unknown section id "${term.section}"`);
    for (const source of term.alsoFrom ?? []) {
      if (source === term.section) fail(entry, 'alsoFrom', `"${source}" is already the section`);
      else if (!context.anchors.has(source))
        fail(entry, 'alsoFrom', `unknown section id "${source}"`);
    }
    for (const related of term.related) {
      if (related === term.id) fail(entry, 'related', 'a term cannot be related to itself');
      else if (!allIds.has(related)) fail(entry, 'related', `unknown term id "${related}"`);
    }
    checkOwnForms(term, (message) => fail(entry, 'forms', message));
    const lower = new Set(term.forms.map((f) => f.toLowerCase()));
    for (const [form, why] of Object.entries(term.shared ?? {})) {
      if (!lower.has(form.toLowerCase()))
        fail(entry, 'shared', `"${form}" is not one of the forms`);
      else if (!why.trim()) fail(entry, 'shared', `"${form}" needs the fields that share it`);
    }
    for (const earlier of terms.slice(0, index)) {
      for (const form of term.forms) {
        const clash = earlier.forms.find((other) =>
          formsCollide(
            { form, caseSensitive: term.caseSensitive },
            { form: other, caseSensitive: earlier.caseSensitive },
          ),
        );
        if (clash !== undefined)
          fail(entry, 'forms', `"${form}" is also claimed by term "${earlier.id}" (as "${clash}")`);
      }
    }
    if (findForm(context.text, term.forms, term.caseSensitive) === undefined) {
      fail(entry, 'forms', 'none of the forms occurs in the guide or the FAQ');
    }
    for (const issue of formSourceIssues(term, context.text))
      fail(entry, issue.field, issue.message);
  });

  return errors.length > 0 ? { errors } : { glossary: terms, errors: [] };
}

function checkOwnForms(term: GlossaryTerm, fail: (message: string) => void): void {
  const seen = new Set<string>();
  for (const form of term.forms) {
    const key = formKey(form, term.caseSensitive);
    if (seen.has(key))
      fail(
        `"${form}" is listed twice (${term.caseSensitive ? 'hyphens and spaces count' : 'hyphens, spaces and case count'} as equal)`,
      );
    seen.add(key);
  }
}
