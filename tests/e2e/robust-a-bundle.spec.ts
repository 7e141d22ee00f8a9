import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { EXTENSION_DIR, expect, test } from './fixtures';

// The built extension (.output/chrome-mv3), scanned for code from strings, remote code and
// network access: what ESLint checks in our sources, checked again in everything we ship,
// bundled dependencies included. An e2e spec because the gate builds after the unit tests.
// A dependency's hit passes only through an allow-list entry that says why it is harmless
// (unreachable, or not what it looks like); unused entries fail too, so the list stays true.

interface Rule {
  name: string;
  pattern: RegExp;
  /** Which files it applies to (by extension). */
  in: string[];
}

const JS = ['.js', '.mjs'];
const PAGES = ['.html'];

const RULES: Rule[] = [
  // Code from strings.
  { name: 'eval', pattern: /(?<![\w$])eval\s*\(/g, in: JS },
  { name: 'Function constructor', pattern: /(?<![\w$.])(?:new\s+)?Function\s*\(/g, in: JS },
  { name: 'string timer', pattern: /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g, in: JS },
  // Remote code.
  { name: 'importScripts', pattern: /\bimportScripts\s*\(/g, in: JS },
  { name: 'import() of a URL', pattern: /\bimport\s*\(\s*["'`](?:https?:)?\/\//g, in: JS },
  { name: 'static import of a URL', pattern: /\b(?:from|import)\s*["'`](?:https?:)?\/\//g, in: JS },
  { name: 'script src set to a URL', pattern: /\.src\s*=\s*["'`](?:https?:)?\/\//g, in: JS },
  {
    name: '<script src> with a URL',
    pattern: /<script\b[^>]*\bsrc\s*=\s*\\?["']?(?:https?:)?\/\//gi,
    in: [...JS, ...PAGES],
  },
  { name: 'CSS @import', pattern: /@import\b/g, in: ['.css', ...PAGES] },
  { name: 'CSS url() to the network', pattern: /url\(\s*["']?(?:https?:)?\/\//g, in: ['.css'] },
  // Network access and every absolute URL: each one must be accounted for.
  {
    name: 'network API',
    pattern: /\b(?:fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon)\b\s*\(?/g,
    in: JS,
  },
  {
    name: 'absolute URL',
    pattern: /\bhttps?:\/\/[^\s"'`)<>]*/g,
    in: [...JS, ...PAGES, '.css', '.json'],
  },
];

interface Allowed {
  rule: string;
  /** Matches the hit with up to 60 characters of context either side. */
  context: RegExp;
  /** Files (relative to the build) it may appear in. */
  file: RegExp;
  why: string;
}

const ALLOWED: Allowed[] = [
  {
    rule: 'absolute URL',
    context: /http:\/\/www\.w3\.org\/(?:1999\/xhtml|2000\/svg|1998\/Math\/MathML)\b/,
    file: /./,
    why: 'XML namespace names (Preact, our scan and document checks compare against them); never fetched',
  },
  {
    rule: 'absolute URL',
    context: /new URL\(`http:\/\/\$\{\w+\}`\)/,
    file: /./,
    why: 'lib/settings parses a site the user typed as a hostname (new URL(`http://${input}`).hostname); never fetched',
  },
  {
    rule: 'absolute URL',
    context: /https:\/\/developer\.mozilla\.org\/en-US\/docs\/Web\/API\/Element\/attachShadow/,
    file: /^(?:content-scripts\/highlighter|frames)\.js$/,
    why: "text of @webext-core/isolated-element's error for an invalid host tag name",
  },
  {
    rule: 'absolute URL',
    context:
      /If thrown during (?:a build|tests)[^]*https:\/\/(?:github\.com\/wxt-dev\/wxt\/issues\/371|wxt\.dev\/guide\/go-further\/testing\.html)/,
    file: /./,
    why: "text of wxt/browser's error when no extension API is present",
  },
  {
    rule: 'network API',
    context: /`url`in \w+\?yield fetch\(\w+\.url\)/,
    file: /^(?:content-scripts\/highlighter|frames)\.js$/,
    why: "@webext-core/isolated-element fetches CSS only for { css: { url } }; WXT's createShadowRootUi always passes { textContent }: unreachable",
  },
  {
    rule: 'network API',
    context:
      /\/content-scripts\/(?:highlighter|frames-reader)\.css`\);try\{return await\(await fetch\(/,
    file: /^(?:content-scripts\/highlighter|frames)\.js$/,
    why: "WXT loadCss(): runs only with cssInjectionMode 'ui' (ours is the manifest default, in frames too), and reads our own packaged file",
  },
  {
    rule: 'network API',
    context: /rel=modulepreload|\.ep=!0;let \w+=\w+\(\w+\);fetch\(\w+\.href,\w+\)/,
    file: /./,
    why: "Vite's modulepreload polyfill: preloads our own chunks named by <link rel=modulepreload> in our pages",
  },
  {
    rule: 'network API',
    context: /(?:_index|this|_tree)\.fetch\(|\}fetch\(\w+,\w+\)\{if\(typeof \w+!=`string`\)/,
    file: /./,
    why: "MiniSearch's SearchableMap.fetch(key, init): a method of its in-memory tree, not the Fetch API",
  },
];

interface Hit {
  rule: string;
  file: string;
  match: string;
  context: string;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Every hit of every rule in `text` (a file of the build at `file`). */
function scan(file: string, text: string): Hit[] {
  const hits: Hit[] = [];
  for (const rule of RULES) {
    if (!rule.in.includes(extname(file))) continue;
    for (const m of text.matchAll(rule.pattern)) {
      const at = m.index;
      hits.push({
        rule: rule.name,
        file,
        match: m[0],
        context: text.slice(Math.max(0, at - 60), at + m[0].length + 60),
      });
    }
  }
  return hits;
}

/** The allow-list entry that accounts for a hit, if any. */
function allowed(hit: Hit): Allowed | undefined {
  return ALLOWED.find(
    (a) => a.rule === hit.rule && a.file.test(hit.file) && a.context.test(hit.context),
  );
}

test('the built extension has no eval, no Function constructor, no string timers, no remote code, and every URL and network call accounted for', () => {
  const built = files(EXTENSION_DIR);
  expect(built.some((f) => f.endsWith('content-scripts/highlighter.js'))).toBe(true);
  const hits = built.flatMap((path) =>
    scan(relative(EXTENSION_DIR, path), readFileSync(path, 'utf8')),
  );
  const unexplained = hits.filter((h) => !allowed(h));
  expect(
    unexplained.map((h) => `${h.rule} in ${h.file}: …${h.context}…`),
    'hits no allow-list entry explains',
  ).toEqual([]);
  const unused = ALLOWED.filter((a) => !hits.some((h) => allowed(h) === a));
  expect(
    unused.map((a) => `${a.rule}: ${a.why}`),
    'allow-list entries that match nothing',
  ).toEqual([]);
});

test('the manifest keeps the default extension CSP (no eval, no remote script sources)', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const csp = JSON.stringify(manifest.content_security_policy ?? {});
  expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  expect(manifest.sandbox).toBeUndefined();
});

test('the scanner finds what it looks for (control)', () => {
  const snippet = [
    'eval(s)',
    'window.eval(s)',
    'new Function("a", s)',
    'Function("return this")()',
    "setTimeout('run()', 1)",
    'setInterval(`x`, 1)',
    "importScripts('https://cdn.example/x.js')",
    'import("https://cdn.example/x.js")',
    'import x from "https://cdn.example/x.js"',
    "s.src='//cdn.example/x.js'",
    '"<script src=\\"https://cdn.example/x.js\\"></script>"',
    'fetch("/x")',
    'new WebSocket(u)',
  ].join(';\n');
  const rules = new Set(scan('content-scripts/x.js', snippet).map((h) => h.rule));
  expect([...rules].sort()).toEqual(
    [
      'eval',
      'Function constructor',
      'string timer',
      'importScripts',
      'import() of a URL',
      'static import of a URL',
      'script src set to a URL',
      '<script src> with a URL',
      'network API',
      'absolute URL',
    ].sort(),
  );
  // ...and does not mistake ordinary words for them.
  const words = 'retrieval(x); myFunction(x); a.Function(x); prefetch(x); o.evaluate(x); isEval(x)';
  expect(scan('content-scripts/x.js', words)).toEqual([]);
  expect(
    scan('x.css', '@import url("https://cdn.example/x.css");')
      .map((h) => h.rule)
      .sort(),
  ).toEqual(['CSS @import', 'CSS url() to the network', 'absolute URL'].sort());
});
