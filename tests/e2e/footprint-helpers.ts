import type { BrowserContext, Page, Worker } from '@playwright/test';
import { scanned, setSettings, unmarked } from './helpers';
import { mutations, watchMutations } from './paint-helpers';

/** One line per node a screen reader gets: its role, name and number of children. */
export function axLines(
  nodes: {
    ignored: boolean;
    role?: { value?: unknown };
    name?: { value?: unknown };
    childIds?: string[];
  }[],
): string[] {
  return nodes
    .filter((n) => !n.ignored)
    .map((n) => `${n.role?.value ?? ''}|${String(n.name?.value ?? '')}|${n.childIds?.length ?? 0}`);
}

/** What a screen reader gets: the accessibility tree's roles, names and structure. */
export async function axTree(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return axLines((await cdp.send('Accessibility.getFullAXTree')).nodes);
  } finally {
    await cdp.detach();
  }
}

/** The body's HTML, as the page's own scripts read it. */
export function bodyHTML(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerHTML);
}

/** The body's HTML with every open shadow root's, nested ones too (`getHTML`). */
export function composedHTML(page: Page): Promise<string> {
  return page.evaluate(() => {
    const roots: ShadowRoot[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        roots.push(el.shadowRoot);
        walk(el.shadowRoot);
      }
    };
    walk(document);
    return document.body.getHTML({ serializableShadowRoots: true, shadowRoots: roots });
  });
}

/** What a page is without MyoLens: its HTML, accessibility tree and own mutations. */
export interface PageOwn {
  html: string;
  ax: string[];
  own: string[];
}

/** Reads a page's own state (see PageOwn); `html` says how its HTML is read. */
export async function pageOwn(page: Page, html = bodyHTML): Promise<PageOwn> {
  return { html: await html(page), ax: await axTree(page), own: await mutations(page) };
}

/**
 * Opens `url` with MyoLens off (the page's own state, read with `html`), then turns it on
 * and waits for the scan.
 */
export async function offThenOn(
  context: BrowserContext,
  background: Worker,
  url: string,
  html = bodyHTML,
): Promise<PageOwn & { page: Page }> {
  await setSettings(background, { enabled: false });
  const page = await context.newPage();
  await watchMutations(page);
  await page.goto(url, { waitUntil: 'load' });
  await unmarked(page);
  // What the parser and the page's own scripts did: MyoLens may add nothing to it.
  const own = await pageOwn(page, html);
  await setSettings(background, { enabled: true });
  await scanned(page);
  return { page, ...own };
}
