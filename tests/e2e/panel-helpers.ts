import {
  expect,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from '@playwright/test';
import { scanned } from './helpers';
import { frontTabId } from './popup-helpers';

/** A side panel's size in headless Chromium 156 (its default width). */
export const PANEL_SIZE = { width: 360, height: 800 };

/**
 * Opens sidepanel.html as a page in a tab, following tab `tabId` first. Tabs the reader
 * switches to afterwards (in the same window) are followed as in the real panel.
 */
export async function openPanelPage(
  openExtensionPage: (path: string) => Promise<Page>,
  tabId: number,
): Promise<Page> {
  const page = await openExtensionPage(`sidepanel.html?tab=${tabId}`);
  await page.setViewportSize(PANEL_SIZE);
  await page.locator('#search-input').waitFor();
  return page;
}

interface ChromeApis {
  chrome: {
    runtime: {
      getContexts(filter: object): Promise<{ documentUrl?: string }[]>;
    };
    tabs: { query(q: object): Promise<{ id?: number; windowId?: number }[]> };
  };
}

/** The documents of our side panels open now (Chromium reports no window for them). */
export function openPanels(background: Worker): Promise<string[]> {
  return background.evaluate(async () => {
    const { runtime } = (globalThis as unknown as ChromeApis).chrome;
    const contexts = await runtime.getContexts({ contextTypes: ['SIDE_PANEL'] });
    return contexts.map((c) => c.documentUrl ?? '');
  });
}

/** The window of every open tab, by tab id. */
export function tabWindows(background: Worker): Promise<Record<number, number | undefined>> {
  return background.evaluate(async () => {
    const tabs = await (globalThis as unknown as ChromeApis).chrome.tabs.query({});
    return Object.fromEntries(tabs.map((t) => [t.id!, t.windowId]));
  });
}

/**
 * Evaluates `expression` (awaited, returned by value) in the browser's real side panel.
 * Playwright does not expose side panels as pages; CDP lists them as targets, and a
 * non-flattened session reaches them through any page's CDP session.
 */
export async function inSidePanel<T>(
  context: BrowserContext,
  page: Page,
  expression: string,
): Promise<T | undefined> {
  const cdp: CDPSession = await context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find(
      (t) => t.type === 'page' && /^chrome-extension:\/\/[a-p]{32}\/sidepanel\.html/.test(t.url),
    );
    if (!target) return undefined;
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    const answer = new Promise<T | undefined>((resolve) => {
      const on = (event: { sessionId: string; message: string }) => {
        const reply = JSON.parse(event.message) as {
          id?: number;
          result?: { result?: { value?: T } };
        };
        if (event.sessionId !== sessionId || reply.id !== 1) return;
        cdp.off('Target.receivedMessageFromTarget', on);
        resolve(reply.result?.result?.value);
      };
      cdp.on('Target.receivedMessageFromTarget', on);
    });
    const params = { expression, returnByValue: true, awaitPromise: true };
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params }),
    });
    const value = await answer;
    await cdp.send('Target.detachFromTarget', { sessionId });
    return value;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** What the real side panel shows: its selected view, focus, query, and where an id is. */
export interface PanelView {
  view: string;
  focused: string;
  query: string;
  /** The top of `#<anchor>` in the panel's viewport, or null when it is not rendered. */
  top: number | null;
}

/** Reads the real side panel's state (undefined when no panel is open). */
export function sidePanelView(
  context: BrowserContext,
  page: Page,
  anchor = '',
): Promise<PanelView | undefined> {
  return inSidePanel<PanelView>(
    context,
    page,
    `(() => {
      const el = ${JSON.stringify(anchor)} && document.getElementById(${JSON.stringify(anchor)});
      return {
        view: document.querySelector('[role=tab][aria-selected=true]')?.textContent ?? '',
        focused: document.activeElement?.id || document.activeElement?.tagName || '',
        query: document.getElementById('search-input')?.value ?? '',
        top: el ? Math.round(el.getBoundingClientRect().top) : null,
      };
    })()`,
  );
}

/**
 * Waits until the real side panel is open and shows the guide at `section` (the Article
 * view, the section at the top, focus on it), and checks that no guide tab opened.
 */
export async function expectPanelAt(
  context: BrowserContext,
  page: Page,
  background: Worker,
  section: string,
): Promise<void> {
  const tabs = context.pages().length;
  await expect.poll(() => openPanels(background)).toHaveLength(1);
  await expect
    .poll(async () => {
      const shown = await sidePanelView(context, page, section);
      return shown && { view: shown.view, focused: shown.focused, top: shown.top };
    })
    .toEqual({ view: 'Article', focused: section, top: expect.any(Number) });
  const { top } = (await sidePanelView(context, page, section))!;
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(200);
  expect(context.pages(), 'no guide tab').toHaveLength(tabs);
}

/** The demo article in a tab, and the panel's page following it. */
export async function panelOnDemo(
  context: BrowserContext,
  origin: string,
  background: Worker,
  openExtensionPage: (path: string) => Promise<Page>,
): Promise<{ demo: Page; panel: Page }> {
  const demo = await context.newPage();
  await demo.goto(`${origin}/demo/index.html`);
  await scanned(demo);
  const panel = await openPanelPage(openExtensionPage, await frontTabId(demo, background));
  return { demo, panel };
}
