import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildContent } from '../../content/build/build';
import { readContentSources } from '../../content/build/read-sources';
import { validateAliases } from '../../content/build/validate-aliases';
import { glossary } from '../../content/index';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sources = readContentSources(path.join(repoRoot, 'content'));

const note = 'a note';
const errorsOf = (data: unknown) => validateAliases(data, glossary).errors;

describe('content/aliases.yaml', () => {
  test('the authored aliases build, every alias with its note', () => {
    expect(sources.aliases).toBeDefined();
    const built = buildContent(sources);
    expect(built.errors).toEqual([]);
    expect(built.aliases?.ros).toContain('free radicals');
  });

  test('an unknown term id is an error', () => {
    expect(errorsOf({ 'free-radicals': [{ alias: 'free radicals', note }] })).toEqual([
      'content/aliases.yaml: term "free-radicals": unknown term id "free-radicals"',
    ]);
  });

  test('an alias listed twice is an error, under one term or two (case, hyphens, plurals fold)', () => {
    expect(
      errorsOf({
        ros: [
          { alias: 'free radicals', note },
          { alias: 'Free-radical', note },
        ],
      }),
    ).toEqual(['content/aliases.yaml: term "ros": alias "Free-radical" is listed twice']);
    expect(
      errorsOf({
        ros: [{ alias: 'free radicals', note }],
        'oxidative-stress': [{ alias: 'free radicals', note }],
      }),
    ).toEqual([
      'content/aliases.yaml: term "oxidative-stress": alias "free radicals" is listed twice (also under term "ros")',
    ]);
  });

  test('an alias that is a form (its own term or another) is an error', () => {
    expect(errorsOf({ sarcopenia: [{ alias: 'Age related muscle loss', note }] })).toEqual([
      'content/aliases.yaml: term "sarcopenia": alias "Age related muscle loss" is a form of term "sarcopenia" ("age-related muscle loss")',
    ]);
    // Case-insensitive against a case-sensitive form too: "ros" would be searched as ROS.
    expect(errorsOf({ 'oxidative-stress': [{ alias: 'ros', note }] })).toEqual([
      'content/aliases.yaml: term "oxidative-stress": alias "ros" is a form of term "ros" ("ROS")',
    ]);
  });

  test('the shape is checked: a note for every alias, lists, kebab-case ids', () => {
    expect(errorsOf({ ros: [{ alias: 'free radicals' }] })).toEqual([
      'content/aliases.yaml: aliases: field "ros[0].note": is missing',
    ]);
    expect(errorsOf({ ros: 'free radicals' })).toEqual([
      'content/aliases.yaml: aliases: field "ros": must be a list of { alias, note }',
    ]);
    expect(errorsOf({ ros: [] })).toEqual([
      'content/aliases.yaml: aliases: field "ros": omit the term rather than leaving its list empty',
    ]);
    expect(errorsOf({ ros: [{ alias: 'free radicals', note, claim: 'x' }] })).toEqual([
      'content/aliases.yaml: aliases: field "ros[0].claim": unknown field',
    ]);
    expect(errorsOf(['free radicals'])).toEqual([
      'content/aliases.yaml: must be a mapping of term id to a list of aliases',
    ]);
    expect(errorsOf({ ROS: [{ alias: 'free radicals', note }] })[0]).toMatch(
      /^content\/aliases\.yaml: aliases: field "ROS": must be kebab-case/,
    );
  });

  test('the build reports alias errors with the rest, and content without the file builds', () => {
    const built = buildContent({ ...sources, aliases: 'nope:\n  - alias: x\n    note: y\n' });
    expect(built.errors).toEqual(['content/aliases.yaml: term "nope": unknown term id "nope"']);
    expect(buildContent({ ...sources, aliases: 'ros: [\n' }).errors[0]).toMatch(
      /^content\/aliases\.yaml: invalid YAML/,
    );
    const { aliases: _omitted, ...without } = sources;
    expect(buildContent(without)).toMatchObject({ errors: [], aliases: {} });
  });
});
