/**
 * Firefox smoke test: the built Firefox package (.output/firefox-mv3) in real, headless
 * Firefoxes (Debian's firefox-esr, and the oldest ESR the manifest allows when installed),
 * driven over WebDriver BiDi by puppeteer-core. The Playwright suite covers behaviour in
 * Chromium; this checks that the same code works in Gecko: it installs, marks a page, shows
 * a styled tooltip in its closed shadow root (also under a strict page CSP), talks to the
 * background, keeps its context menu across background restarts, renders its pages, shows
 * the selection bubble and suggests from the address bar.
 *
 *   npm run build:firefox && npx tsx tests/firefox/smoke.ts
 *
 * Writes .reports/firefox.json (counts for the gate) and screenshots to
 * test-results/firefox/.
 */
import puppeteer, { type Page } from 'puppeteer-core';
import type { Browser as WebExtensionApi } from 'webextension-polyfill';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { glossary, termById } from '../../content/glossary-index';
import { compileMatcher } from '../../lib/matcher';
import { LOOKUP_MENU_ID, lookupQuery } from '../../entrypoints/background/menus';
import { startServer, type FixtureServer } from '../e2e/server';
import { BidiPage, type BidiNode } from './bidi';
import { findFirefoxes, NO_FIREFOX_HELP } from './find-firefox';
import { assert, atLeast, Checks, shot, waitFor, type CheckResult } from './harness';
import { checkLookup } from './lookup';
import {
  assertVisibleAndStyled,
  buttonCentre,
  describe,
  hoverAndReadTooltip,
  readTooltip,
} from './tooltip';

const ROOT = resolve(import.meta.dirname, '../..');
const EXTENSION_DIR = join(ROOT, '.output/firefox-mv3');
const OUT = join(ROOT, 'test-results/firefox');
/** The whole run, every Firefox included, must end well before this. */
const DEADLINE_MS = 180_000;
/** A strict page CSP: the page's own inline <style> is blocked, ours must not be. */
const STRICT_CSP = "default-src 'none'; img-src 'self'";
/** Firefox suspends an idle event page after this (default 30 s): short, to see a restart. */
const BACKGROUND_IDLE_MS = 1000;
const MARK = 'mark[data-myolens-term]';
/** The first Firefox that paints highlights (browser-quirks.ts decides the same way). */
const PAINTS_FROM = 149;

/** A term on the page as the test finds it: its id and where to point at it. */
interface Found {
  termId: string;
  /** The mark's selector (wrap), or the centre of the painted range (paint). */
  target: string | { x: number; y: number };
  count: number;
}

/**
 * The terms MyoLens shows on `page`, by the renderer this Firefox should use: painted
 * highlights and no <mark> of ours (149+), or marks and no highlight (older ESRs accept
 * highlights but paint none, so wrapping must have been chosen).
 */
async function shownTerms(page: Page, paints: boolean): Promise<Found | undefined> {
  const seen = await page.evaluate((sel) => {
    const marks = document.querySelectorAll(sel);
    const painted = CSS.highlights?.get('myolens');
    const first = painted?.values().next().value as AbstractRange | undefined;
    let point: { x: number; y: number; text: string } | undefined;
    if (first) {
      const range = document.createRange();
      range.setStart(first.startContainer, first.startOffset);
      range.setEnd(first.endContainer, first.endOffset);
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const r = range.getBoundingClientRect();
      point = { x: r.x + r.width / 2, y: r.y + r.height / 2, text: range.toString() };
    }
    return {
      marks: marks.length,
      markTerm: marks[0]?.getAttribute('data-myolens-term') ?? '',
      painted: painted?.size ?? 0,
      point,
    };
  }, MARK);
  if (paints) {
    assert(seen.marks === 0, `painting, yet ${seen.marks} <mark> elements in the page`);
    if (seen.painted <= 10 || !seen.point) return undefined;
    const termId = matcher.termIdOf(seen.point.text) ?? '';
    return { termId, target: { x: seen.point.x, y: seen.point.y }, count: seen.painted };
  }
  assert(seen.painted === 0, `wrapping, yet ${seen.painted} painted highlights`);
  return seen.marks > 10 ? { termId: seen.markTerm, target: MARK, count: seen.marks } : undefined;
}
const matcher = compileMatcher(glossary);

interface Manifest {
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
}

/** Runs in an extension page, where Firefox provides the `browser` global. */
declare const browser: WebExtensionApi;

/** Every check against one Firefox. */
async function testFirefox(
  executablePath: string,
  version: string,
  server: FixtureServer,
  manifest: Manifest,
): Promise<CheckResult[]> {
  const checks = new Checks(`[Firefox ${version}]`, OUT);
  const gecko = manifest.browser_specific_settings?.gecko ?? {};
  const geckoId = gecko.id ?? '';
  // Firefox gives each add-on a random per-profile UUID for its moz-extension:// origin;
  // this preference fixes it, so the test knows the guide's and popup's URLs.
  const uuid = randomUUID();
  const ownOrigin = `moz-extension://${uuid}/`;
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      errors.push(`${page.url()}: ${msg.text()} (at ${msg.location().url ?? '?'})`);
    });
    page.on('pageerror', (err: unknown) => {
      errors.push(`${page.url()}: ${err instanceof Error ? err.stack : String(err)}`);
    });
  };
  /**
   * The open tab whose document's URL starts with `prefix`. Firefox sends no (ESR 153) or
   * not all (ESR 140) BiDi navigation events for moz-extension:// tabs, so Puppeteer's
   * idea of their URL can be stale: ask each document.
   */
  const tabAt = (prefix: string) =>
    waitFor(`a tab at ${prefix}`, async () => {
      for (const p of await firefox.pages()) {
        const href = await p.evaluate(() => location.href).catch(() => p.url());
        if (href.startsWith(prefix)) return { tab: p, href };
      }
      return undefined;
    });

  const t0 = Date.now();
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'extensions.background.idle.timeout': BACKGROUND_IDLE_MS,
    },
    env: { ...process.env, MOZ_HEADLESS: '1' },
  });
  console.log(`\nFirefox ${version} (${executablePath}), started in ${Date.now() - t0} ms`);
  try {
    await checks.run("meets the manifest's strict_min_version", undefined, async () => {
      const min = gecko.strict_min_version;
      assert(min, 'the manifest has no browser_specific_settings.gecko.strict_min_version');
      assert(atLeast(version, min), `Firefox ${version} is older than ${min}`);
    });

    await checks.run('installs as a temporary add-on', undefined, async () => {
      const id = await firefox.installExtension(EXTENSION_DIR);
      assert(id === geckoId, `installed as ${id}, expected ${geckoId}`);
    });

    const page = await firefox.newPage();
    watch(page);
    let termId = '';
    let target: Found['target'] = MARK;
    let bidi: BidiPage | undefined;
    const paints = Number.parseInt(version, 10) >= PAINTS_FROM;
    const how = paints ? 'paints' : 'wraps';
    await checks.run(`${how} terms on the demo page`, page, async () => {
      await page.goto(`${server.origin}/demo/index.html`);
      const found = await waitFor('more than 10 terms shown', () => shownTerms(page, paints));
      console.log(`      ${found.count} ${paints ? 'painted ranges' : 'marks'}`);
      ({ termId, target } = found);
      bidi = await BidiPage.of(firefox, page);
    });

    let dialog: BidiNode | undefined;
    await checks.run(
      'hover opens a visible, styled tooltip in a closed shadow root',
      page,
      async () => {
        assert(bidi, 'no marked page');
        const term = termById(termId);
        assert(term, `the first mark names an unknown term "${termId}"`);
        const read = await hoverAndReadTooltip(page, bidi, target);
        dialog = read.dialog;
        console.log(`      ${describe(read.state)}`);
        assertVisibleAndStyled(read.state, term.label);
        await shot(page, OUT, `tooltip-${version}.png`);
      },
    );

    let extensionPage: Page | undefined;
    let demoTabId: number | undefined;
    await checks.run('"Read more" opens the guide tab at the term\'s section', page, async () => {
      assert(bidi && dialog, 'no open tooltip');
      const box = await buttonCentre(bidi, dialog, /read more/i);
      assert(box, 'the tooltip has no "Read more" button');
      // A trusted click (the content script ignores synthetic events) into the closed root.
      await page.mouse.click(box.x, box.y);
      const { tab: guide, href } = await tabAt(`${ownOrigin}guide.html`);
      watch(guide);
      extensionPage = guide;
      const section = termById(termId)!.section;
      const { hash } = new URL(href);
      assert(hash === `#${section}`, `the guide opened at "${hash}", expected "#${section}"`);
      await waitFor('the guide to render', () =>
        guide.evaluate(() => (document.getElementById('app')?.childElementCount ?? 0) > 0),
      );
    });

    await checks.run('the popup page renders with its search box', extensionPage, async () => {
      const popup = extensionPage;
      assert(popup, 'no extension page open');
      // Firefox's BiDi will not navigate a tab to moz-extension:// ("not allowed in this
      // context"); an extension page may, so the guide tab goes to the popup's page.
      await popup.evaluate(() => location.assign('/popup.html'));
      await waitFor('the popup page', () =>
        popup.evaluate(() => location.pathname === '/popup.html' && document.readyState),
      );
      await popup.waitForSelector('input[type="search"]', { timeout: 10_000 });
      await shot(popup, OUT, `popup-${version}.png`);
    });

    await checks.run(
      `the settings say this browser ${paints ? 'paints' : 'cannot paint (MyoLens wraps)'}`,
      extensionPage,
      async () => {
        const popup = extensionPage;
        assert(popup, 'no extension page open');
        await popup.click('#tab-settings');
        await popup.waitForSelector('#renderer-paint', { timeout: 10_000 });
        // The popup learns the engine asynchronously: wait for its answer to show.
        const note = await waitFor('the renderer note to settle', async () => {
          const text = await popup.evaluate(
            () => document.getElementById('renderer-hint')?.textContent ?? '',
          );
          return paints === (text === '') && { text };
        });
        if (!paints) {
          assert(/cannot paint/.test(note.text), `the note says: ${note.text}`);
          console.log(`      "${note.text}"`);
        }
      },
    );

    await checks.run("the popup reaches the page's content script", page, async () => {
      assert(extensionPage, 'no extension page open');
      // What the popup's "This page" view asks (components/tab-terms.ts), sent from
      // the popup's own page to every tab: the demo page's content script must answer.
      const { tabIds, answers } = await extensionPage.evaluate(async () => {
        const tabs = await browser.tabs.query({});
        const answers = await Promise.all(
          tabs.map((t) =>
            browser.tabs
              .sendMessage(t.id!, { type: 'get-page-terms' }, { frameId: 0 })
              .catch(() => null),
          ),
        );
        return { tabIds: tabs.map((t) => t.id), answers };
      });
      const found = answers.find(
        (a): a is { available: boolean; terms: unknown[] } =>
          !!a && typeof a === 'object' && 'terms' in a,
      );
      assert(found, `no content script answered: ${JSON.stringify(answers)}`);
      assert(found.available && found.terms.length > 10, `answer: ${JSON.stringify(found)}`);
      console.log(`      ${found.terms.length} distinct terms on the demo page`);
      demoTabId = tabIds[answers.indexOf(found)];
    });

    await checks.run(
      "the sidebar page renders and shows the demo tab's terms",
      extensionPage,
      async () => {
        const ext = extensionPage;
        assert(ext && demoTabId !== undefined, 'no extension page, or no demo tab id');
        // The sidebar's page in a tab, told which tab to follow (as the e2e suite does).
        await ext.evaluate((id) => location.assign(`/sidepanel.html?tab=${id}`), demoTabId);
        await waitFor('the sidebar page', () =>
          ext.evaluate(() => location.pathname === '/sidepanel.html' && document.readyState),
        );
        await ext.waitForSelector('#search-input', { timeout: 10_000 });
        await ext.click('#tab-page');
        const rows = await waitFor('"This page" to list the demo page\'s terms', async () => {
          const n = await ext.evaluate(
            () => document.querySelectorAll('.ml-page-terms__item').length,
          );
          return n > 10 && n;
        });
        console.log(`      "This page" lists ${rows} terms`);
        await shot(ext, OUT, `sidebar-page-${version}.png`);
      },
    );

    await checks.run(
      'the sidebar opens from a click, not from a message; "Read more" then shows its section there',
      page,
      async () => {
        const ext = extensionPage;
        assert(ext && bidi, 'no extension page or no marked page');
        // Without user input Firefox refuses (the background meets the same refusal when
        // a content script's message asks: background/panel.ts).
        const refused = await ext.evaluate(() =>
          browser.sidebarAction.open().then(
            () => 'opened',
            (e: Error) => e.message,
          ),
        );
        assert(/user input/.test(refused), `sidebarAction.open() without a gesture: ${refused}`);
        console.log(`      no gesture: "${refused}"`);
        // A trusted click in an extension page is user input: the sidebar opens.
        await ext.evaluate(() => {
          const button = document.createElement('button');
          button.id = 'smoke-sidebar';
          button.textContent = 'sidebar';
          button.addEventListener('click', () => void browser.sidebarAction.open());
          document.body.prepend(button);
        });
        await ext.bringToFront();
        await ext.click('#smoke-sidebar');
        await waitFor('the sidebar to open', () =>
          ext.evaluate(() => browser.sidebarAction.isOpen({})),
        );
        const sidebarView = () =>
          ext.evaluate(() => {
            const [view] = browser.extension.getViews({ type: 'sidebar' });
            const doc = view?.document;
            return doc?.getElementById('search-input')
              ? {
                  view: doc.querySelector('[role=tab][aria-selected=true]')?.textContent ?? '',
                  focused: doc.activeElement?.id ?? '',
                }
              : undefined;
          });
        await waitFor('the sidebar to render', sidebarView);
        // "Read more" (a trusted click, then a runtime message) cannot open a sidebar in
        // Firefox, but reuses the one open: its section shows there and no tab opens.
        await page.bringToFront();
        const { dialog: tip } = await hoverAndReadTooltip(page, bidi, target);
        const box = await buttonCentre(bidi, tip, /read more/i);
        assert(box, 'the tooltip has no "Read more" button');
        const tabsBefore = (await firefox.pages()).length;
        await page.mouse.click(box.x, box.y);
        const section = termById(termId)!.section;
        const shown = await waitFor(`the sidebar at #${section}`, async () => {
          const now = await sidebarView();
          return now?.focused === section && now;
        });
        assert(shown.view === 'Article', `the sidebar shows ${shown.view}, expected Article`);
        assert((await firefox.pages()).length === tabsBefore, 'a guide tab opened as well');
        await ext.bringToFront();
        await ext.evaluate(() => {
          const button = document.getElementById('smoke-sidebar')!;
          button.replaceWith(button.cloneNode(true));
          document
            .getElementById('smoke-sidebar')!
            .addEventListener('click', () => void browser.sidebarAction.close());
        });
        await ext.click('#smoke-sidebar');
        await waitFor(
          'the sidebar to close',
          async () => !(await ext.evaluate(() => browser.sidebarAction.isOpen({}))),
        );
      },
    );

    await checks.run('the context menu outlives a background restart', extensionPage, async () => {
      const ext = extensionPage;
      assert(ext, 'no extension page open');
      // The background is an event page in Firefox; getBackgroundPage() wakes it. Its
      // performance.timeOrigin changes when Firefox has suspended and restarted it.
      const started = () =>
        ext.evaluate(
          async () => (await browser.runtime.getBackgroundPage()).performance.timeOrigin,
        );
      const first = await started();
      await new Promise((r) => setTimeout(r, BACKGROUND_IDLE_MS * 4));
      assert((await started()) !== first, 'the background page was never suspended');
      // update() rejects for an id that does not exist: the item made at install survived.
      const menu = await ext.evaluate(
        (id) =>
          browser.contextMenus.update(id, {}).then(
            () => 'ok',
            (e: Error) => e.message,
          ),
        LOOKUP_MENU_ID,
      );
      assert(menu === 'ok', `the context menu item is gone: ${menu}`);
      // Clicking a native menu is out of reach; the background exposes its click handler.
      const selection = '  vitamin D\n receptor ';
      const called = await ext.evaluate(
        async (id, selectionText) => {
          const bg = (await browser.runtime.getBackgroundPage()) as unknown as {
            myolensMenuClicked?: (info: object) => void;
          };
          bg.myolensMenuClicked?.({ menuItemId: id, selectionText });
          return !!bg.myolensMenuClicked;
        },
        LOOKUP_MENU_ID,
        selection,
      );
      assert(called, 'the background page has no myolensMenuClicked');
      const query = encodeURIComponent(lookupQuery(selection));
      const lookup = await tabAt(`${ownOrigin}guide.html?q=${query}`);
      await lookup.tab.close();
    });

    // The selection bubble and the address bar (tests/firefox/lookup.ts).
    if (bidi && extensionPage)
      await checkLookup({ checks, page, bidi, extensionPage, version, out: OUT });

    await checks.run('the tooltip is styled under a strict page CSP too', undefined, async () => {
      const csp = await firefox.newPage();
      watch(csp);
      await csp.goto(`${server.origin}/csp/index.html`);
      const found = await waitFor('terms on the CSP page', () => shownTerms(csp, paints));
      const bidiCsp = await BidiPage.of(firefox, csp);
      const { state } = await hoverAndReadTooltip(csp, bidiCsp, found.target);
      console.log(`      ${describe(state)}`);
      assertVisibleAndStyled(state, termById(found.termId)?.label ?? '?');
      await shot(csp, OUT, `tooltip-csp-${version}.png`);
      await csp.close();
    });

    await checks.run('a term inside an open shadow root opens its tooltip', undefined, async () => {
      const shadow = await firefox.newPage();
      watch(shadow);
      await shadow.goto(`${server.origin}/shadow/attached.html`);
      // "Dynapenia" is only inside the root (tests/fixtures/shadow/story.js): its first line.
      const at = await shadow.evaluate(() => {
        const p = document.getElementById('host')?.shadowRoot?.querySelector('p');
        const text = p?.firstChild;
        if (!text) return null;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, 'Dynapenia'.length);
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      });
      assert(at, 'the fixture has no open shadow root with text');
      const bidiShadow = await BidiPage.of(firefox, shadow);
      await restUntilTooltip(shadow, bidiShadow, at, 'Dynapenia');
      await shadow.close();
    });

    await checks.run(
      'a term inside a same-origin frame opens its tooltip there',
      undefined,
      async () => {
        const framed = await firefox.newPage();
        watch(framed);
        await framed.goto(`${server.origin}/frames/same-origin.html`);
        // "Dynapenia" is only in the frame (tests/fixtures/frames/story.html): its first line,
        // in the page's coordinates.
        const at = await waitFor('the frame’s story', () =>
          framed.evaluate(() => {
            const frame = document.querySelector('iframe');
            const p = frame?.contentDocument?.querySelector('p');
            const text = p?.firstChild;
            if (!frame || !text) return null;
            const range = frame.contentDocument!.createRange();
            range.setStart(text, 0);
            range.setEnd(text, 'Dynapenia'.length);
            const r = range.getBoundingClientRect();
            const f = frame.getBoundingClientRect();
            return { x: f.x + r.x + r.width / 2, y: f.y + r.y + r.height / 2 };
          }),
        );
        const bidiFrame = await BidiPage.ofFrame(firefox, framed, '/frames/story.html');
        await restUntilTooltip(framed, bidiFrame, at, 'Dynapenia');
        await framed.close();
      },
    );

    await checks.run(
      '"This page" reveals a term only a cross-site frame holds: the frame scrolls into view',
      undefined,
      async () => {
        const ext = extensionPage;
        assert(ext, 'no extension page open');
        const far = await firefox.newPage();
        watch(far);
        await far.goto(`${server.origin}/frames/far.html`);
        const inView = () =>
          far.evaluate(() => {
            const r = document.querySelector('iframe')!.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= innerHeight;
          });
        assert(!(await inView()), 'the frame is in view before the reveal');
        // What "This page" sends (components/tab-terms.ts); until the frame has reported
        // its terms to the page, the page has nothing to reveal: asked again.
        await waitFor('the frame scrolled into view', async () => {
          await ext.evaluate(async () => {
            const [tab] = await browser.tabs.query({ url: '*://*/frames/far.html' });
            await browser.tabs
              .sendMessage(tab!.id!, { type: 'reveal-term', termId: 'dynapenia' }, { frameId: 0 })
              .catch(() => undefined);
          });
          return waitFor('the scroll', inView, 1_000).catch(() => false);
        });
        await far.close();
      },
    );

    await checks.run('no errors from MyoLens in any page', undefined, async () => {
      // The CSP page reports its own blocked inline <style>; only errors naming us count.
      const ours = errors.filter((e) => /moz-extension:|myolens/i.test(e));
      assert(ours.length === 0, ours.join('\n'));
    });
  } finally {
    await firefox.close().catch(() => undefined);
  }
  return checks.results;
}

/**
 * Rests the pointer on `at` until the tooltip naming `label` shows in `bidi`'s document
 * (the page's, or a frame's), and checks it is visible and styled. Until the text there is
 * scanned, resting on the word opens nothing: the pointer moves off and back.
 */
async function restUntilTooltip(
  page: Page,
  bidi: BidiPage,
  at: { x: number; y: number },
  label: string,
): Promise<void> {
  const { state } = await waitFor(`a tooltip over "${label}"`, async () => {
    await page.mouse.move(5, 5);
    await page.mouse.move(at.x, at.y);
    return readTooltip(bidi, label, 2_000).catch(() => undefined);
  });
  console.log(`      ${describe(state)}`);
  assertVisibleAndStyled(state, label);
}

/** The version `firefox --version` prints ("Mozilla Firefox 153.8.0esr" → "153.8.0"). */
function firefoxVersion(executablePath: string): string {
  const out = execFileSync(executablePath, ['--version'], { encoding: 'utf8' });
  return /(\d+(?:\.\d+)+)/.exec(out)?.[1] ?? '0';
}

async function main(): Promise<CheckResult[]> {
  const firefoxes = findFirefoxes();
  if (!firefoxes.length) throw new Error(NO_FIREFOX_HELP);
  const manifestFile = join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new Error(`${manifestFile} is missing: run \`npm run build:firefox\` first`);
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const min = manifest.browser_specific_settings?.gecko?.strict_min_version ?? '0';

  const server = await startServer([{ prefix: '/', dir: join(ROOT, 'tests/fixtures') }]);
  server.route('/csp/index.html', {
    body: readFileSync(join(ROOT, 'tests/fixtures/demo/index.html'), 'utf8'),
    headers: { 'content-security-policy': STRICT_CSP },
  });
  const results: CheckResult[] = [];
  try {
    for (const [i, executablePath] of firefoxes.entries()) {
      const version = firefoxVersion(executablePath);
      // An extra, older Firefox below our minimum would only refuse the add-on: skip it.
      if (i > 0 && !atLeast(version, min)) {
        console.log(`\nFirefox ${version} (${executablePath}) is older than ${min}: skipped`);
        continue;
      }
      results.push(...(await testFirefox(executablePath, version, server, manifest)));
    }
  } finally {
    await server.close();
  }
  return results;
}

setTimeout(() => {
  console.error(`Firefox smoke test: no result after ${DEADLINE_MS / 1000} s`);
  process.exit(1);
}, DEADLINE_MS).unref();

const t0 = Date.now();
console.log('Firefox smoke test');
let fatal: string | undefined;
const results = await main().catch((err: unknown) => {
  fatal = err instanceof Error ? (err.stack ?? err.message) : String(err);
  console.error(fatal);
  return [] as CheckResult[];
});
const passed = results.filter((c) => c.ok).length;
const failed = results.length - passed + (fatal ? 1 : 0);
const seconds = (Date.now() - t0) / 1000;
mkdirSync(join(ROOT, '.reports'), { recursive: true });
writeFileSync(
  join(ROOT, '.reports/firefox.json'),
  JSON.stringify({ passed, failed, fatal, seconds, checks: results }, null, 2),
);
console.log(`\nfirefox: ${passed} passed, ${failed} failed (${seconds.toFixed(1)} s)`);
process.exit(failed ? 1 : 0);
