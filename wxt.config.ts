import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The address-bar keyword: type it and a space to search the guide. */
const OMNIBOX_KEYWORD = 'myo';

/** Firefox's id for MyoLens: permanent once the add-on is on addons.mozilla.org. */
const GECKO_ID = 'myolens@extension';

/**
 * Preact's DOM diff supports `dangerouslySetInnerHTML` with `dom.innerHTML = value.__html`,
 * the one HTML-string sink in our bundles (Mozilla's linter flags it as
 * UNSAFE_VAR_ASSIGNMENT). We never use that prop (ESLint forbids it), so the build replaces
 * the assignment with a throw: the sink is gone from every package, and any future use
 * fails loudly instead of parsing HTML. The build fails if Preact's code no longer has the
 * expected shape, so an upgrade cannot bring the sink back unnoticed.
 */
function preactWithoutInnerHtml(): Plugin {
  const preactDist = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(module\.js|mjs)$/;
  const sink = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;
  return {
    name: 'myolens:preact-without-inner-html',
    transform(code, id) {
      if (!preactDist.test(id.split('?')[0]!)) return null;
      const patched = code.replace(
        sink,
        '(()=>{throw new TypeError("dangerouslySetInnerHTML is disabled in MyoLens")})()',
      );
      if (patched === code) this.error(`no dangerouslySetInnerHTML sink found in ${id}`);
      return { code: patched, map: null };
    },
  };
}

/** The name frames.js calls its second stage by (entrypoints/frames.ts). */
const FRAMES_READER = 'myolensFramesReader';

/**
 * Folds the frames' second stage (frames-reader.js, everything the top's script has) into
 * their first stage's file as one function the first calls where a frame may hold a term.
 * As a function of its own it costs a frame that never calls it nearly nothing: V8 keeps
 * its source and pre-parses it. Bundled into frames.js by a dynamic import instead, its
 * hundreds of functions were each made at once, 0.07 MB in every frame (measured), and a
 * separate file would have to be web-accessible, which lets any page detect MyoLens.
 */
async function foldFramesReader(outDir: string): Promise<void> {
  const first = join(outDir, 'frames.js');
  const second = join(outDir, 'frames-reader.js');
  const [probe, reader] = await Promise.all([readFile(first, 'utf8'), readFile(second, 'utf8')]);
  if (!probe.includes(FRAMES_READER))
    throw new Error(`frames.js no longer calls ${FRAMES_READER}: see entrypoints/frames.ts`);
  await writeFile(
    first,
    `(function(){function ${FRAMES_READER}(){\n${reader}\n}\n${probe}\n})();\n`,
  );
  await rm(second);
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every name's origin stays visible in the file that uses it.
  imports: false,
  hooks: {
    'build:done': (wxt) => foldFramesReader(wxt.config.outDir),
  },
  // Manifest V3 for every browser (WXT's default for Firefox is still MV2).
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact(), preactWithoutInnerHtml()],
  }),
  zip: {
    // The sources archive AMO reviewers rebuild from (`npm ci && npm run build:firefox`):
    // WXT already leaves out node_modules, dotfiles, .output/ and *.test/*.spec files;
    // these are the rest that the build does not need.
    excludeSources: [
      'content/generated/**',
      'tests/**',
      'test-results/**',
      'playwright-report/**',
      'demo-screenshots/**',
      'bench-results/**',
      'playwright.config.ts',
      'vitest.config.ts',
      '**/*.log',
    ],
  },
  manifest: ({ browser }) => ({
    name: 'MyoLens',
    description:
      'Explains vitamin D and muscle-health terms where you read them, from one bundled guide. Works offline.',
    // `sidePanel` for Chromium's side panel; Firefox's sidebar needs no permission.
    permissions: ['storage', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Frames get a small first stage of their own (entrypoints/frames.ts): in every frame,
    // srcdoc and about:blank ones included (`match_origin_as_fallback`: Chromium 99,
    // Firefox 128), with the stylesheet the top's script has (WXT adds that entry for
    // entrypoints/highlighter.content, top frame only). README, "Where MyoLens reads".
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['frames.js'],
        css: ['content-scripts/highlighter.css'],
        run_at: 'document_idle',
        all_frames: true,
        match_origin_as_fallback: true,
      },
    ],
    // "myo" then a space in the address bar searches the guide (a manifest key, not a
    // permission). Short, and no browser's built-in search engine uses it (README).
    omnibox: { keyword: OMNIBOX_KEYWORD },
    commands: {
      'next-term': {
        suggested_key: { default: 'Alt+Shift+Down' },
        description: 'Go to the next marked term and show its explanation',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Shift+Up' },
        description: 'Go to the previous marked term and show its explanation',
      },
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Turn MyoLens on or off for this site',
      },
      // The fourth and last suggested key Chromium allows. Firefox opens and closes its
      // sidebar with the built-in command; Chromium has none, so background/ does it.
      ...(browser === 'firefox'
        ? {
            _execute_sidebar_action: {
              suggested_key: { default: 'Alt+Shift+G' },
              description: 'Open or close the MyoLens sidebar',
            },
          }
        : {
            'toggle-panel': {
              suggested_key: { default: 'Alt+Shift+G' },
              description: 'Open or close the MyoLens side panel',
            },
          }),
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          // 140 is the first desktop Firefox that reads `data_collection_permissions`
          // (Firefox for Android: 142), which AMO requires of new add-ons, and an ESR.
          // Everything else we use is older: MV3 (109), storage.sync, contextMenus,
          // action, content scripts, adoptedStyleSheets (101), CSS :focus-visible (85),
          // accent-color (92), forced-colors (89), requestIdleCallback (55), regex
          // lookbehind and \p{…} (78).
          strict_min_version: '140.0',
          // MyoLens collects and transmits nothing (see README, "Privacy").
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
