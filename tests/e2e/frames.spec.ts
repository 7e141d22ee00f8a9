/**
 * Frames are read like the page (README, "Where MyoLens reads"): for each kind of frame
 * real sites use, hovering a mention inside it opens its tooltip in the frame and Escape
 * closes it (pressed where the keyboard is: the top-level page), the keyboard moves
 * through the mentions of the document that has focus, "This page" counts the frame's
 * mentions with the page's, and the page and the frame stay their own (DOM, copied HTML,
 * accessibility tree); turning off clears every frame.
 */
import type { BrowserContext, Frame, Page, Worker } from '@playwright/test';
import { expect, ourErrors, test } from './fixtures';
import { expectedTabCounts, frameListeners, frameNamed, pointAtIn } from './frame-helpers';
import { axLines, axTree, bodyHTML } from './footprint-helpers';
import { expectedMentions, scanned, setSettings, unmarked } from './helpers';
import { idleCounts, mutations, paintedRanges, tellTab, watchMutations } from './paint-helpers';
import { openPanelPage } from './panel-helpers';
import { frontTabId, showView } from './popup-helpers';
import { moveTerm, term, TooltipProbe } from './tooltip-helpers';

/** A kind of frame, and what its page does after load to fill or point it (if anything). */
interface Structure {
  name: string;
  file: string;
  /** The story's address ends so once the frame shows it (a frame pointed by a script). */
  path?: string;
  late?: 'fill' | 'navigate';
  /** A frame whose own scripts cannot run (sandbox without allow-scripts). */
  noScripts?: boolean;
  /**
   * Hover every mention, not only the first and the last: in the two kinds that differ
   * most from a page (another site's process; an opaque origin without scripts). Where a
   * mention sits in a frame's text is the same in every kind.
   */
  everyMention?: boolean;
}

const STRUCTURES: Structure[] = [
  { name: 'a same-origin frame', file: 'same-origin.html', path: '/story.html' },
  { name: 'a cross-site frame', file: 'cross-site.html', path: '/story.html', everyMention: true },
  {
    name: 'a sandboxed srcdoc frame (a webmail newsletter)',
    file: 'srcdoc-sandboxed.html',
    noScripts: true,
    everyMention: true,
  },
  { name: 'a sandboxed srcdoc frame that runs scripts', file: 'srcdoc-scripts.html' },
  { name: 'an about:blank frame its page fills after load', file: 'blank.html', late: 'fill' },
  {
    name: 'a frame navigated after load',
    file: 'navigated.html',
    path: '/story.html',
    late: 'navigate',
  },
];

/** What a page and its frame are without MyoLens. */
interface Own {
  html: string;
  frameHtml: string;
  ax: string[];
  frameAx: string[];
  own: string[];
  frameOwn: string[] | null;
}

/** The frame's body HTML, as its own scripts (or, in a frame without any, the browser) read it. */
function frameHTML(frame: Frame): Promise<string> {
  return frame.evaluate(() => document.body.innerHTML);
}

/** The frame's accessibility tree, through its own session or the page's (see TooltipProbe). */
async function frameAxTree(page: Page, frame: Frame): Promise<string[]> {
  const own = await page
    .context()
    .newCDPSession(frame)
    .catch(() => null);
  const cdp = own ?? (await page.context().newCDPSession(page));
  try {
    let frameId: string | undefined;
    if (!own) {
      const { frameTree } = await cdp.send('Page.getFrameTree');
      frameId = frameTree.childFrames?.find((c) => c.frame.name === frame.name())?.frame.id;
      if (!frameId) throw new Error(`no frame named ${frame.name()}`);
    }
    return axLines(
      (await cdp.send('Accessibility.getFullAXTree', frameId ? { frameId } : {})).nodes,
    );
  } finally {
    await cdp.detach();
  }
}

/** The page's own mutations and its frame's, if its scripts can keep a list. */
async function ownOf(page: Page, frame: Frame, noScripts?: boolean): Promise<Own> {
  return {
    html: await bodyHTML(page),
    frameHtml: await frameHTML(frame),
    ax: await axTree(page),
    frameAx: await frameAxTree(page, frame),
    own: await mutations(page),
    frameOwn: noScripts ? null : await mutations(frame),
  };
}

/** Runs the page's after-load step and returns the frame showing the story. */
async function storyFrame(page: Page, { path, late }: Structure): Promise<Frame> {
  if (late)
    await page.evaluate((name) => (window as unknown as Record<string, () => void>)[name]!(), late);
  return frameNamed(page, 'story', path);
}

/**
 * Opens a fixture whose story frame (`name` "story", or `frameName`) shows `path`, and
 * waits until "This page" counts the page's mentions and the frame's.
 */
async function openFramed(
  context: BrowserContext,
  url: string,
  { frameName = 'story', path = '/story.html' } = {},
): Promise<{ page: Page; frame: Frame; tab: Record<string, number> }> {
  const page = await context.newPage();
  await page.goto(url);
  const frame = await frameNamed(page, frameName, path);
  const tab = await expectedTabCounts(page, [frame]);
  await expect.poll(() => idleCounts(page)).toEqual(tab);
  return { page, frame, tab };
}

/** Does the frame's highlight registry hold underlines (0 when none, or nothing registered)? */
function paintedIn(frame: Frame): Promise<number> {
  return frame.evaluate(() => CSS.highlights.get('myolens')?.size ?? 0);
}

/** The page, its story frame, and their own state without MyoLens (read in a tab of its own). */
async function open(
  context: BrowserContext,
  background: Worker,
  url: string,
  structure: Structure,
): Promise<{ page: Page; frame: Frame; own: Own }> {
  await setSettings(background, { enabled: false });
  const alone = await context.newPage();
  await watchMutations(alone);
  await alone.goto(url, { waitUntil: 'load' });
  await unmarked(alone);
  const own = await ownOf(alone, await storyFrame(alone, structure), structure.noScripts);
  await alone.close();
  await setSettings(background, { enabled: true });
  const page = await context.newPage();
  await watchMutations(page);
  await page.goto(url, { waitUntil: 'load' });
  await scanned(page);
  return { page, frame: await storyFrame(page, structure), own };
}

for (const structure of STRUCTURES) {
  test(`${structure.name}: hover, Escape, keyboard, counts, footprint, off`, async ({
    context,
    server,
    background,
    consoleErrors,
  }) => {
    const url = `${server.origin}/frames/${structure.file}`;
    const { page, frame, own } = await open(context, background, url, structure);

    // "This page" counts the frame's mentions with the page's: dynapenia is only there.
    const expected = await expectedTabCounts(page, [frame]);
    expect(expected.dynapenia).toBe(1);
    await expect.poll(() => idleCounts(page)).toEqual(expected);
    await expect.poll(() => paintedIn(frame)).toBeGreaterThan(0);

    // Hover the mentions in the frame (every one, or the first and the last): each
    // tooltip opens there. The keyboard is in the page: Escape pressed there closes it.
    const probe = await TooltipProbe.attach(page, frame);
    const mentions = await expectedMentions(frame);
    expect(mentions.length).toBeGreaterThanOrEqual(8);
    const hovered = structure.everyMention ? mentions.keys() : [0, mentions.length - 1];
    for (const i of hovered) {
      const id = mentions[i]!;
      await pointAtIn(page, frame, id, mentions.slice(0, i).filter((m) => m === id).length);
      await probe.waitOpen(term(id).label);
      await page.keyboard.press('Escape');
      await probe.waitClosed();
    }
    await page.mouse.move(5, 5);

    // The keyboard in the frame moves through the frame's mentions, from its first.
    await frame.locator('h2').click();
    await moveTerm(background, page, 1);
    await probe.waitFocused(term('dynapenia').label);
    await page.keyboard.press('Escape');
    await probe.waitClosed();
    // In the page, it moves through the page's: the page's tooltip opens, not the frame's.
    const pageProbe = await TooltipProbe.attach(page);
    await page.locator('h1').click();
    await moveTerm(background, page, 1);
    await pageProbe.waitFocused(term('sarcopenia').label);
    await page.keyboard.press('Escape');
    await pageProbe.waitClosed();
    expect((await probe.state()).open).toBe(false);

    // Nothing of ours in the page or the frame, nor in what a screen reader gets.
    const now = await ownOf(page, frame, structure.noScripts);
    for (const key of Object.keys(own) as (keyof Own)[]) expect(now[key], key).toEqual(own[key]);

    // Off: nothing painted in the frame, nothing counted, still no trace.
    await setSettings(background, { enabled: false });
    await unmarked(page);
    await expect.poll(() => paintedIn(frame)).toBe(0);
    expect(await frameHTML(frame)).toBe(own.frameHtml);
    if (!structure.noScripts) expect(await mutations(frame)).toEqual(own.frameOwn);
    expect(ourErrors(consoleErrors)).toEqual([]);
  });
}

test("the page's site turned off is off in its frames; a frame's own site turned off is off there", async ({
  context,
  server,
  background,
  consoleErrors,
}) => {
  const { page, frame, tab } = await openFramed(context, `${server.origin}/frames/cross-site.html`);
  await expect.poll(() => paintedIn(frame)).toBeGreaterThan(0);

  // The page's site (127.0.0.1) off: the frame's terms go with it.
  await setSettings(background, { siteMode: 'all-except', sites: ['127.0.0.1'] });
  await unmarked(page);
  await expect.poll(() => paintedIn(frame)).toBe(0);

  // The frame's site (localhost) off: the page keeps its own terms, the frame shows none.
  await setSettings(background, { siteMode: 'all-except', sites: ['localhost'] });
  await scanned(page);
  await expect.poll(() => idleCounts(page)).toEqual(await expectedTabCounts(page, []));
  expect(await paintedIn(frame)).toBe(0);

  // In "only these sites" mode the page's listing covers its frames, wherever they come from.
  await setSettings(background, { siteMode: 'only-listed', sites: ['127.0.0.1'] });
  await expect.poll(() => idleCounts(page)).toEqual(tab);
  await expect.poll(() => paintedIn(frame)).toBeGreaterThan(0);
  expect(ourErrors(consoleErrors)).toEqual([]);
});

test('a setting changed while a framed page is open reaches the frame', async ({
  context,
  server,
  background,
  consoleErrors,
}) => {
  const { page, frame } = await openFramed(context, `${server.origin}/frames/cross-site.html`);
  // The frame registers its underlines once its IntersectionObserver reports, after the
  // counts: wait for the frame's own dynapenia (once, its first mention) to be painted.
  const paintedTerms = async () =>
    (await paintedRanges(frame)).map((r) => r.text.toLowerCase()).sort();
  await expect.poll(paintedTerms).toContain('dynapenia');

  // Hiding a term that only the frame holds takes it off the frame and out of the count.
  await setSettings(background, { hiddenTerms: ['dynapenia'] });
  await expect.poll(async () => (await idleCounts(page)).dynapenia).toBeUndefined();
  await expect.poll(paintedTerms).not.toContain('dynapenia');
  // The frame's other terms stay painted.
  expect((await paintedTerms()).length).toBeGreaterThan(0);
  expect(ourErrors(consoleErrors)).toEqual([]);
});

/**
 * "This page" reveals dynapenia, which only `frame` holds: the frame flashes it, and the
 * page's frame element `selector`, out of view before, comes into view.
 */
async function revealInFrame(
  background: Worker,
  page: Page,
  frame: Frame,
  selector: string,
): Promise<void> {
  const inView = () =>
    page.evaluate((selector) => {
      const r = document.querySelector(selector)!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, selector);
  expect(await inView()).toBe(false);

  await tellTab(background, page, { type: 'reveal-term', termId: 'dynapenia' });
  await expect
    .poll(() => frame.evaluate(() => CSS.highlights.get('myolens-flash')?.size ?? 0))
    .toBeGreaterThan(0);
  await expect.poll(inView).toBe(true);
}

test('"This page" reveals a term only a frame holds: the frame scrolls into view and flashes it', async ({
  context,
  server,
  background,
  consoleErrors,
}) => {
  const { page, frame } = await openFramed(context, `${server.origin}/frames/far.html`);
  await revealInFrame(background, page, frame, 'iframe');
  expect(ourErrors(consoleErrors)).toEqual([]);
});

test('"This page" reveals a term in a frame inside a frame that navigated itself: the outer frame scrolls into view', async ({
  context,
  server,
  consoleErrors,
  background,
}) => {
  // The reader frame's element still names hop.html; the story is a frame inside it.
  const { page, frame } = await openFramed(context, `${server.origin}/frames/far-nested.html`);
  expect(frame.parentFrame()?.url()).toMatch(/\/frames\/reader\.html$/);
  await revealInFrame(background, page, frame, 'iframe[name=reader]');
  expect(ourErrors(consoleErrors)).toEqual([]);
});

test('a frame with no candidate term starts nothing but its first stage, until its text gains one', async ({
  context,
  server,
  background,
  consoleErrors,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/frames/ad-frame.html`);
  const frame = await frameNamed(page, 'ad', '/ad.html');
  await scanned(page);
  await expect.poll(() => idleCounts(page)).toEqual(await expectedTabCounts(page, [frame]));
  // The second stage listens on the frame's window and document: nothing does here.
  expect(await frameListeners(page, frame)).toEqual([]);

  // MyoLens turned off and on again: the first stage stops watching, then looks afresh
  // (tests/unit/frame-switch.test.ts); still nothing to read, nothing starts.
  await setSettings(background, { enabled: false });
  await setSettings(background, { enabled: true });
  await scanned(page);
  expect(await frameListeners(page, frame)).toEqual([]);

  // The advertisement turns into an article while MyoLens is off; turned on, the first
  // stage sees it and MyoLens starts.
  await setSettings(background, { enabled: false });
  await frame.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Dynapenia, the loss of strength, often comes before sarcopenia.';
    document.body.append(p);
  });
  await setSettings(background, { enabled: true });
  await expect.poll(() => paintedIn(frame)).toBeGreaterThan(0);
  await expect.poll(() => idleCounts(page)).toEqual(await expectedTabCounts(page, [frame]));
  expect(await frameListeners(page, frame)).not.toEqual([]);
  expect(ourErrors(consoleErrors)).toEqual([]);
});

test("a side panel following a framed page lists the frame's terms and follows its tooltips", async ({
  context,
  server,
  background,
  openExtensionPage,
  consoleErrors,
}) => {
  // The panel first, then the page it follows is loaded in front: the panel's page is
  // resized to a panel's size (setViewportSize), which in headless Chromium leaves a
  // cross-site frame laid out before it with stale pointer coordinates (measured: hover
  // opens nothing there then; with another tab opened but not resized, it opens).
  const page = await context.newPage();
  const panel = await openPanelPage(openExtensionPage, await frontTabId(page, background));
  await showView(panel, 'This page');
  await page.bringToFront();
  await page.goto(`${server.origin}/frames/cross-site.html`);
  const frame = await frameNamed(page, 'story', '/story.html');
  await expect.poll(() => idleCounts(page)).toEqual(await expectedTabCounts(page, [frame]));
  // Dynapenia is only in the frame.
  await expect(panel.locator('.ml-page-terms__item', { hasText: 'Dynapenia' })).toBeVisible();
  const probe = await TooltipProbe.attach(page, frame);
  await pointAtIn(page, frame, 'hypercalcemia');
  await probe.waitOpen(term('hypercalcemia').label);
  await expect(panel.locator('#term-hypercalcemia')).toBeInViewport();
  expect(ourErrors(consoleErrors)).toEqual([]);
});
