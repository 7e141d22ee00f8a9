import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The lint gate is a security control ("no code from strings, no HTML from strings"), so
// it gets tests of its own: small snippets linted with the project's real config, as
// `npx eslint .` would lint them at these paths, must fail with the rule that guards them.

const ROOT = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** Source folders the extension is built from: the rules must hold in each. */
const SOURCE_PATHS = [
  'entrypoints/highlighter.content/snippet.ts',
  'entrypoints/popup/snippet.tsx',
  'components/Snippet.tsx',
  'lib/snippet.ts',
];

/** The rule ids of the errors ESLint reports for `code` at `path`. */
async function errors(code: string, path = SOURCE_PATHS[0]!): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

/** Declarations that let each snippet be valid TypeScript on its own. */
const DECLS = 'declare const el: HTMLElement; declare const s: string;\n';

const CASES: { name: string; code: string; rules: string[] }[] = [
  {
    name: 'innerHTML assignment',
    code: 'el.innerHTML = s;',
    rules: ['no-restricted-syntax', 'no-unsanitized/property'],
  },
  {
    name: 'innerHTML += (append)',
    code: 'el.innerHTML += s;',
    rules: ['no-restricted-syntax', 'no-unsanitized/property'],
  },
  {
    name: 'innerHTML assignment of a literal',
    code: "el.innerHTML = '<b>x</b>';",
    rules: ['no-restricted-syntax'],
  },
  {
    name: 'outerHTML assignment',
    code: 'el.outerHTML = s;',
    rules: ['no-restricted-syntax', 'no-unsanitized/property'],
  },
  {
    name: 'insertAdjacentHTML',
    code: "el.insertAdjacentHTML('beforeend', s);",
    rules: ['no-restricted-syntax', 'no-unsanitized/method'],
  },
  {
    name: 'document.write',
    code: 'document.write(s);',
    rules: ['no-restricted-syntax', 'no-unsanitized/method'],
  },
  {
    name: 'createContextualFragment',
    code: 'document.createRange().createContextualFragment(s);',
    rules: ['no-restricted-syntax', 'no-unsanitized/method'],
  },
  { name: 'eval', code: 'eval(s);', rules: ['no-eval'] },
  { name: 'indirect eval', code: '(0, eval)(s);', rules: ['no-eval'] },
  { name: 'globalThis.eval', code: 'globalThis.eval(s);', rules: ['no-eval'] },
  { name: 'window.eval', code: 'window.eval(s);', rules: ['no-eval'] },
  { name: 'new Function', code: "new Function('a', s);", rules: ['no-new-func'] },
  { name: 'Function() without new', code: "Function('return 1')();", rules: ['no-new-func'] },
  {
    name: 'setTimeout with a string',
    code: "setTimeout('run()', 10);",
    rules: ['no-implied-eval'],
  },
  {
    name: 'setInterval with a string',
    code: "setInterval('run()', 10);",
    rules: ['no-implied-eval'],
  },
  {
    name: 'window.setTimeout with a string',
    code: "window.setTimeout('run()', 10);",
    rules: ['no-implied-eval'],
  },
  {
    name: 'setTimeout with a template string',
    code: 'setTimeout(`run(${s})`, 10);',
    rules: ['no-implied-eval'],
  },
  {
    name: 'setTimeout with a concatenated string',
    code: "setTimeout('run(' + s + ')', 10);",
    rules: ['no-implied-eval'],
  },
  {
    name: 'a javascript: URL',
    code: "location.href = 'javascript:void 0';",
    rules: ['no-script-url'],
  },
  { name: 'import() of a computed URL', code: 'void import(s);', rules: ['no-unsanitized/method'] },
];

describe('the lint gate (eslint.config.js) rejects code and HTML from strings', () => {
  // ESLint loads its config and plugins on the first question: seconds on a loaded machine.
  it('lints the source folders (none of them is ignored)', async () => {
    for (const path of SOURCE_PATHS)
      expect(await eslint.isPathIgnored(resolve(ROOT, path))).toBe(false);
  }, 60_000);

  it('passes the safe equivalents (so the failures below are about the sinks)', async () => {
    const code = `${DECLS}el.textContent = s;\nsetTimeout(() => el.remove(), 10);\nel.append(document.createElement('b'));\n`;
    for (const path of SOURCE_PATHS) expect(await errors(code, path), path).toEqual([]);
  });

  for (const { name, code, rules } of CASES) {
    it(`fails on ${name}`, async () => {
      const found = await errors(DECLS + code);
      for (const rule of rules) expect(found, code).toContain(rule);
    });
  }

  it('fails on innerHTML in every source folder', async () => {
    for (const path of SOURCE_PATHS)
      expect(await errors(`${DECLS}el.innerHTML = s;`, path), path).toContain(
        'no-restricted-syntax',
      );
  });

  it("fails on Preact's dangerouslySetInnerHTML", async () => {
    const code =
      'export const X = (p: { s: string }) => <div dangerouslySetInnerHTML={{ __html: p.s }} />;\n';
    expect(await errors(code, 'components/Snippet.tsx')).toContain('no-restricted-syntax');
  });
});
