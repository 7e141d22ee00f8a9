import type { BrowserContext, CDPSession, Frame, Page, Worker } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { glossary } from '../../content/glossary-index';
import { ContentWorld } from './content-world';
import { expect, ROOT } from './fixtures';
import { mentionBox, mentionRects, scanned, type Rect } from './helpers';

/** Screenshots kept after the run for review. */
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');

/** The glossary term with this id (throws for a typo in a test). */
export function term(id: string): (typeof glossary)[number] {
  const found = glossary.find((t) => t.id === id);
  if (!found) throw new Error(`no glossary term ${id}`);
  return found;
}

/** A box in CSS pixels, relative to the viewport. */
export type Box = Rect;

/** What the tooltip shows now, read from inside its closed shadow root. */
export interface TooltipState {
  /** The layer is shown and holds a rendered, visible tooltip. */
  open: boolean;
  /** An animation (the entrance) is still running in the shadow root. */
  animating: boolean;
  /** How many tooltips are rendered in the shadow root. */
  count: number;
  /** The shadow root's mode as the DOM reports it ('closed' for ours). */
  mode: string;
  label: string | null;
  category: string | null;
  summary: string | null;
  /** Every button's accessible text (aria-label, else its text), in order. */
  buttons: string[];
  /** The text of the focused control inside the tooltip, or null. */
  focused: string | null;
  /** What the aria-live region says (the keyboard announcement). */
  live: string;
  /** The visible box (the positioned layer). */
  layer: Box | null;
  /** The viewport without scrollbars (documentElement.client*). */
  viewport: { width: number; height: number };
}

/**
 * Reads MyoLens's tooltip through the Chrome DevTools Protocol.
 *
 * Why not locators: the tooltip lives in a *closed* shadow root, and Playwright's locators,
 * `getByRole` and `ariaSnapshot()` only pierce open ones (checked: `getByRole('dialog')`
 * finds nothing). CDP sees every shadow root: `DOM.describeNode({pierce: true})` on the
 * `<myolens-ui>` host lists its closed root, `DOM.resolveNode` turns that into a JS object
 * in an isolated world of our own (so a hostile page's prototype patches cannot fool the
 * probe), and `Runtime.callFunctionOn` reads it. `Accessibility.getFullAXTree` gives what
 * a screen reader gets: the dialog's role and computed name (`queryAXTree` stops at shadow
 * roots). Keyboard focus inside the tooltip is the shadow root's `activeElement`.
 */
export class TooltipProbe {
  private world: { loaderId: string; contextId: number } | undefined;
  /** The tooltip's shadow root, resolved in the probe's world (see run). */
  private root: { objectId: string; mode: string } | undefined;

  private constructor(
    readonly page: Page,
    readonly cdp: CDPSession,
    /** The frame whose tooltip is read: the page's own, or one of its frames. */
    readonly frame: Frame,
    /** An in-process frame's `name` attribute, found in the page's frame tree by it. */
    private readonly childName?: string,
  ) {}

  /**
   * A probe for `page` (one CDP session, kept for the page's life), or for the tooltip of
   * one of its frames: a cross-site frame's own session, or a same-process frame's
   * document (found by its `name` attribute) through the page's.
   */
  static async attach(page: Page, frame: Frame = page.mainFrame()): Promise<TooltipProbe> {
    if (frame === page.mainFrame())
      return new TooltipProbe(page, await page.context().newCDPSession(page), frame);
    // A session of its own exists only for a frame in another process.
    const own = await page
      .context()
      .newCDPSession(frame)
      .catch(() => null);
    if (own) return new TooltipProbe(page, own, frame);
    if (!frame.name()) throw new Error(`a same-process frame needs a name: ${frame.url()}`);
    return new TooltipProbe(page, await page.context().newCDPSession(page), frame, frame.name());
  }

  /** The probe's frame in its session's frame tree. */
  private async cdpFrame(): Promise<{ id: string; loaderId: string }> {
    const { frameTree } = await this.cdp.send('Page.getFrameTree');
    if (!this.childName) return frameTree.frame;
    type Tree = typeof frameTree;
    const find = (tree: Tree): Tree['frame'] | undefined =>
      tree.frame.name === this.childName
        ? tree.frame
        : (tree.childFrames ?? []).map(find).find(Boolean);
    const found = find(frameTree);
    if (!found) throw new Error(`no frame named ${this.childName}`);
    return found;
  }

  private async contextId(): Promise<number> {
    const { id, loaderId } = await this.cdpFrame();
    if (this.world?.loaderId !== loaderId) {
      const { executionContextId } = await this.cdp.send('Page.createIsolatedWorld', {
        frameId: id,
        worldName: 'myolens-tooltip-probe',
      });
      this.world = { loaderId, contextId: executionContextId };
    }
    return this.world.contextId;
  }

  /**
   * Evaluates `expression` in the probe's own isolated world of the page: the page's
   * overridden built-ins and prototypes do not reach it (page.evaluate would run in the
   * page's world, through the page's functions).
   */
  async isolated<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', {
      expression,
      contextId: await this.contextId(),
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`probe world: ${exceptionDetails.text}`);
    return result.value as T;
  }

  /** The host's backend node id and its closed shadow root's, or null before first use. */
  private async host(): Promise<{ host: number; root: number; mode: string } | null> {
    // Looked up in the probe's world of the frame's document (the page's own functions
    // do not reach it), then described through CDP, which sees into closed roots.
    const evaluated = await this.cdp
      .send('Runtime.evaluate', {
        expression: `document.querySelector('[data-myolens-ui]')`,
        contextId: await this.contextId(),
        objectGroup: 'probe-host',
      })
      .catch(lost);
    const objectId = evaluated?.result.objectId;
    if (!objectId) return null;
    // The host leaves the document whenever the tooltip closes (ui-host.ts): found a moment
    // ago, it may be gone now, which is a closed tooltip, not an error.
    const node = await this.cdp
      .send('DOM.describeNode', { objectId, depth: 1, pierce: true })
      .then(({ node }) => node, gone)
      .finally(() => this.cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'probe-host' }));
    if (!node) return null;
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    return { host: node.backendNodeId, root: shadow.backendNodeId, mode: shadow.shadowRootType! };
  }

  /** Runs `fn` with `this` bound to the tooltip's shadow root; null when there is none. */
  async inShadow<T>(fn: string, ...args: unknown[]): Promise<T | null> {
    return (await this.run<T>(fn, args))?.value ?? null;
  }

  /**
   * Runs `fn` on the tooltip's shadow root. The root, once found, stays resolved in the
   * probe's world, so a poll is one round trip: the host's lookup (four) is repeated only
   * when the page navigated or another host took its place.
   */
  private async run<T>(fn: string, args: unknown[]): Promise<{ value: T; mode: string } | null> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const root = this.root ?? (await this.resolveRoot());
      if (!root) return null;
      const answer = await this.cdp
        .send('Runtime.callFunctionOn', {
          objectId: root.objectId,
          // The host leaves the document whenever the tooltip closes (ui-host.ts).
          functionDeclaration: `async function (...args) {
            if (!this.host.isConnected)
              return document.querySelector('[data-myolens-ui]') ? { stale: true } : { closed: true };
            return { value: await (${fn}).apply(this, args) };
          }`,
          arguments: args.map((value) => ({ value })),
          returnByValue: true,
          awaitPromise: true,
        })
        .catch(lost);
      if (answer && answer.exceptionDetails)
        throw new Error(`probe failed: ${answer.exceptionDetails.text}`);
      const out = answer?.result.value as { value?: T; closed?: true; stale?: true } | undefined;
      if (out?.closed) return null;
      if (out && !out.stale) return { value: out.value as T, mode: root.mode };
      // Navigated away (the object is gone with its world), or a new host: look again.
      await this.forgetRoot();
    }
    return null;
  }

  /** Finds the host and resolves its shadow root in the probe's world; null when none. */
  private async resolveRoot(): Promise<{ objectId: string; mode: string } | null> {
    const found = await this.host();
    if (!found) return null;
    const resolved = await this.cdp
      .send('DOM.resolveNode', {
        backendNodeId: found.root,
        executionContextId: await this.contextId(),
        objectGroup: 'probe',
      })
      .catch(gone);
    if (!resolved?.object.objectId) return null;
    this.root = { objectId: resolved.object.objectId, mode: found.mode };
    return this.root;
  }

  private async forgetRoot(): Promise<void> {
    this.root = undefined;
    await this.cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'probe' }).catch(() => {});
  }

  /** Everything a test asserts about the tooltip, in one round trip. */
  async state(): Promise<TooltipState> {
    const found = await this.run<Omit<TooltipState, 'mode'>>(STATE_FN, []);
    if (found) return { ...found.value, mode: found.mode };
    const viewport = await this.frame.evaluate(() => ({
      width: document.documentElement.clientWidth,
      height: document.documentElement.clientHeight,
    }));
    return {
      open: false,
      animating: false,
      count: 0,
      mode: 'none',
      label: null,
      category: null,
      summary: null,
      buttons: [],
      focused: null,
      live: '',
      layer: null,
      viewport,
    };
  }

  /** The tooltip dialog as the accessibility tree exposes it (role and computed name). */
  async dialog(): Promise<{ role: string; name: string } | null> {
    // queryAXTree does not descend into shadow trees; the full tree does.
    const { nodes } = await this.cdp.send('Accessibility.getFullAXTree');
    const node = nodes.find((n) => !n.ignored && n.role?.value === 'dialog');
    if (!node) return null;
    return { role: String(node.role?.value), name: String(node.name?.value ?? '') };
  }

  /** Computed styles of the tooltip's parts (selector → property → value). */
  async styles(
    selectors: string[],
    properties: string[],
  ): Promise<Record<string, Record<string, string>>> {
    return (
      (await this.inShadow<Record<string, Record<string, string>>>(
        STYLES_FN,
        selectors,
        properties,
      )) ?? {}
    );
  }

  /** Clicks the tooltip button whose accessible text matches (a real, trusted click). */
  async clickButton(name: string | RegExp): Promise<void> {
    const s = await this.state();
    const boxes = await this.inShadow<(Box & { text: string })[]>(BUTTON_BOXES_FN);
    const hit = boxes?.find((b) =>
      typeof name === 'string' ? b.text === name : name.test(b.text),
    );
    if (!hit) throw new Error(`no tooltip button ${String(name)} in ${JSON.stringify(s.buttons)}`);
    await this.page.mouse.click(hit.x + hit.width / 2, hit.y + hit.height / 2);
  }

  /** Polls `state()` until `done` holds; fails with the last state seen. */
  private async until(
    what: string,
    done: (s: TooltipState) => boolean,
    timeout: number,
  ): Promise<TooltipState> {
    const end = Date.now() + timeout;
    let last = await this.state();
    while (!done(last)) {
      if (Date.now() > end)
        throw new Error(`tooltip never ${what} in ${timeout} ms; last: ${JSON.stringify(last)}`);
      // A poll of the condition, not a wait for time to pass: each state() is a round trip.
      await new Promise((r) => setTimeout(r, 25));
      last = await this.state();
    }
    return last;
  }

  /**
   * Waits until the content script has nothing pending (no timer, frame or message: see
   * ContentWorld.quiet), then returns the tooltip's state: final until the next input. How
   * a test checks that something did not happen (a tooltip that must not open, or close).
   */
  async quiet(): Promise<TooltipState> {
    await (await ContentWorld.of(this.page)).quiet();
    return this.state();
  }

  /** The tooltip's state once its layer stops moving (placement runs on later frames). */
  async settled(): Promise<TooltipState> {
    await this.inShadow(SETTLED_FN);
    return this.state();
  }

  /**
   * Waits until the tooltip is open, shows `label` and its entrance animation is over
   * (measurements and pixels are final); returns its state.
   */
  waitOpen(label?: string, timeout = 10_000): Promise<TooltipState> {
    return this.until(
      `opened${label ? ` on ${label}` : ''}`,
      (s) => s.open && !s.animating && (label === undefined || s.label === label),
      timeout,
    );
  }

  /**
   * Waits until the tooltip is open on `label` with keyboard focus inside it (a move by
   * keyboard); returns its state.
   */
  waitFocused(label: string, timeout = 10_000): Promise<TooltipState> {
    return this.until(
      `focused on ${label}`,
      (s) => s.open && !!s.focused && s.label === label,
      timeout,
    );
  }

  /** Waits until no tooltip is shown. */
  async waitClosed(timeout = 5_000): Promise<void> {
    await this.until('closed', (s) => !s.open, timeout);
  }
}

/** A CDP error for an object whose world went away (the page navigated) becomes null. */
function lost(error: unknown): null {
  if (
    error instanceof Error &&
    /Could not find object|Cannot find context|context was destroyed|navigated or closed/i.test(
      error.message,
    )
  )
    return null;
  throw error;
}

/** A CDP error for a node that left the document between two calls becomes null. */
function gone(error: unknown): null {
  if (error instanceof Error && /Could not find node|No node with given id/i.test(error.message))
    return null;
  throw error;
}

// Functions run inside the page with `this` = the closed shadow root (strings, so the
// test's compiler does not rewrite them).
const STATE_FN = `function () {
  const root = this;
  const doc = root.ownerDocument;
  const layer = root.querySelector('.ml-layer');
  const tip = root.querySelector('.ml-tip');
  const text = (sel) => root.querySelector(sel)?.textContent?.trim() ?? null;
  const name = (el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  const open = !!layer && !layer.hidden && !!tip && tip.checkVisibility({ opacityProperty: false });
  const r = layer && !layer.hidden ? layer.getBoundingClientRect() : null;
  const active = root.activeElement;
  return {
    open,
    animating: root.getAnimations().some((a) => a.playState === 'running'),
    count: root.querySelectorAll('.ml-tip').length,
    label: text('.ml-tip__label'),
    category: text('.ml-tip__cat'),
    summary: text('.ml-tip__summary'),
    buttons: [...root.querySelectorAll('.ml-tip button')].map(name),
    focused: active ? name(active) : null,
    live: root.querySelector('[aria-live]')?.textContent ?? '',
    layer: r && { x: r.x, y: r.y, width: r.width, height: r.height },
    viewport: { width: doc.documentElement.clientWidth, height: doc.documentElement.clientHeight },
  };
}`;

const STYLES_FN = `function (selectors, properties) {
  const out = {};
  for (const sel of selectors) {
    const el = this.querySelector(sel);
    if (!el) continue;
    const cs = getComputedStyle(el);
    out[sel] = Object.fromEntries(properties.map((p) => [p, cs.getPropertyValue(p)]));
  }
  return out;
}`;

// The layer's box the same on two frames in a row (at most 60 frames: then it moves on,
// and the test's own checks say where it is).
const SETTLED_FN = `async function () {
  const layer = this.querySelector('.ml-layer');
  if (!layer) return;
  const frame = () => new Promise((r) => { requestAnimationFrame(r); setTimeout(r, 100); });
  let last = '';
  for (let i = 0; i < 60; i++) {
    const r = layer.getBoundingClientRect();
    const key = [r.x, r.y, r.width, r.height].join();
    if (key === last) return;
    last = key;
    await frame();
  }
}`;

const BUTTON_BOXES_FN = `function () {
  return [...this.querySelectorAll('.ml-tip button')].map((b) => {
    const r = b.getBoundingClientRect();
    const text = (b.getAttribute('aria-label') ?? b.textContent ?? '').trim();
    return { x: r.x, y: r.y, width: r.width, height: r.height, text };
  });
}`;

/** Opens a fixture page and waits until its content script has found its terms. */
export async function openFixture(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await scanned(page);
  return page;
}

/** The first mark of `termId` on the page (marks are in the light DOM: locators work). */
export function markOf(page: Page, termId: string, nth = 0) {
  return page.locator(`mark[data-myolens-term="${termId}"]`).nth(nth);
}

/** Viewport box of an element of the light DOM. */
export async function boxOf(page: Page, selector: string, nth = 0): Promise<Box> {
  const box = await page.locator(selector).nth(nth).boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  return box;
}

/** Does `inner` lie wholly inside the viewport? */
export function insideViewport(inner: Box, viewport: { width: number; height: number }): boolean {
  return (
    inner.x >= 0 &&
    inner.y >= 0 &&
    inner.x + inner.width <= viewport.width &&
    inner.y + inner.height <= viewport.height
  );
}

/**
 * Sends the content script `move-term` the way the keyboard command does: the background
 * service worker (an extension page, so the content script accepts it) messages the tab.
 * The tab is found as the active one after `bringToFront()`: `tabs.query({url})` cannot
 * see page URLs, since the manifest asks for neither `tabs` nor host permissions.
 */
export async function moveTerm(background: Worker, page: Page, direction: 1 | -1): Promise<void> {
  await page.bringToFront();
  await background.evaluate(async (direction) => {
    const { tabs } = (globalThis as unknown as { chrome: { tabs: TabsApi } }).chrome;
    const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    await tabs.sendMessage(tab.id, { type: 'move-term', direction });
  }, direction);
}

interface TabsApi {
  query(query: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/** The light-DOM element focused in the page: a mark's term id, the host, or a tag name. */
export function focusedInPage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const termId = el.getAttribute('data-myolens-term');
    if (termId) return `mark:${termId}`;
    return el.id ? `${el.localName}#${el.id}` : el.localName;
  });
}

/**
 * A touch tap through CDP. The fixture's persistent context has no `hasTouch`, so
 * `page.touchscreen` refuses; turning on touch emulation for the page and dispatching
 * touch events gives real `pointerType: 'touch'` pointer events.
 */
export async function tap(cdp: CDPSession, x: number, y: number): Promise<void> {
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** Saves a screenshot under test-results/screenshots/. */
export async function screenshot(page: Page, name: string, clip?: Box): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), clip });
}

/**
 * Moves the pointer onto the `nth` mention of `termId` (its first line's centre, found as
 * text: see mentionRects), whichever renderer shows it.
 */
export async function pointAt(page: Page, termId: string, nth = 0): Promise<Box> {
  const [line] = await mentionRects(page, termId, nth);
  await page.mouse.move(line!.x + line!.width / 2, line!.y + line!.height / 2);
  return line!;
}

/** Points at a mention (see pointAt) and waits for its tooltip. */
export async function hoverOpen(
  probe: TooltipProbe,
  termId: string,
  nth = 0,
): Promise<TooltipState> {
  await pointAt(probe.page, termId, nth);
  return probe.waitOpen(term(termId).label);
}

/** The box of the `nth` mention of `termId`, whichever renderer shows it. */
export function termBox(page: Page, termId: string, nth = 0): Promise<Box> {
  return mentionBox(page, termId, nth);
}

/** Gap between a mark and its tooltip (Floating UI `offset`). */
export const OFFSET = 8;

/** The tooltip sits `OFFSET` px above or below `anchor`, sharing some of its columns. */
export function expectNextTo(layer: Box, anchor: Box, what: string): void {
  const below = Math.round(layer.y - (anchor.y + anchor.height));
  const above = Math.round(anchor.y - (layer.y + layer.height));
  expect([below, above], `${what}: ${OFFSET}px above or below`).toContain(OFFSET);
  const sharesColumns = layer.x < anchor.x + anchor.width && anchor.x < layer.x + layer.width;
  expect(sharesColumns, `${what}: horizontally next to the mark`).toBe(true);
}

/** The tooltip's state once its layer stops moving (placement runs on later frames). */
export function settled(probe: TooltipProbe): Promise<TooltipState> {
  return probe.settled();
}
