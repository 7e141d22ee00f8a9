import type { Frame, Page } from '@playwright/test';
import { expect } from './fixtures';
import { expectedCounts, mentionRects, type Rect } from './helpers';

/**
 * The page's frame with this `name` attribute, once its document has loaded; with `path`,
 * once that document is the one at an address ending so (a frame a script points later).
 */
export async function frameNamed(page: Page, name: string, path?: string): Promise<Frame> {
  let frame: Frame | null = null;
  await expect
    .poll(() => {
      frame = page.frame({ name });
      return frame !== null && (path === undefined || frame.url().endsWith(path));
    })
    .toBe(true);
  await frame!.waitForLoadState('load');
  return frame!;
}

/** Where a frame's viewport starts in its page's (the fixtures' frames have no border). */
export async function frameOrigin(frame: Frame): Promise<{ x: number; y: number }> {
  const element = await frame.frameElement();
  const box = await element.boundingBox();
  if (!box) throw new Error(`frame ${frame.name()} is not displayed`);
  return { x: box.x, y: box.y };
}

/** The `nth` mention of `termId` in a frame, its lines in the page's coordinates. */
export async function mentionRectsIn(frame: Frame, termId: string, nth = 0): Promise<Rect[]> {
  const element = await frame.frameElement();
  await element.scrollIntoViewIfNeeded();
  const rects = await mentionRects(frame, termId, nth);
  const origin = await frameOrigin(frame);
  return rects.map((r) => ({ ...r, x: r.x + origin.x, y: r.y + origin.y }));
}

/** Moves the pointer onto the `nth` mention of `termId` in a frame (see pointAt). */
export async function pointAtIn(page: Page, frame: Frame, termId: string, nth = 0): Promise<Rect> {
  const [line] = await mentionRectsIn(frame, termId, nth);
  await page.mouse.move(line!.x + line!.width / 2, line!.y + line!.height / 2);
  return line!;
}

/** What "This page" should count: the page's mentions and its frames'. */
export async function expectedTabCounts(
  page: Page,
  frames: Frame[],
): Promise<Record<string, number>> {
  const out = await expectedCounts(page);
  for (const frame of frames)
    for (const [id, n] of Object.entries(await expectedCounts(frame))) out[id] = (out[id] ?? 0) + n;
  return out;
}

/**
 * The event types MyoLens listens for on a page's or cross-site frame's window and
 * document: how a test tells that its second stage has not started in a frame (or that
 * the frames' first stage stopped at once in a top-level document). CDP's DOMDebugger lists a
 * target's listeners of one world, so they are read in the content scripts' world (the
 * execution context Chromium names after the extension).
 */
export async function frameListeners(
  page: Page,
  frame: Frame = page.mainFrame(),
): Promise<string[]> {
  const target = frame === page.mainFrame() ? page : frame;
  const cdp = await page.context().newCDPSession(target);
  try {
    const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'MyoLens');
    // No world: no script of ours ran there, and nothing of ours listens.
    if (!world) return [];
    const types: string[] = [];
    for (const expression of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
        objectId: result.objectId!,
      });
      types.push(...listeners.map((l) => l.type));
    }
    return types.sort();
  } finally {
    await cdp.detach();
  }
}
