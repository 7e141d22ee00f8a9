/**
 * The few raw WebDriver BiDi calls the Firefox smoke test needs beyond Puppeteer's API:
 * BiDi can serialize a *closed* shadow tree (`includeShadowTree: 'all'`), which no page
 * script and no Puppeteer selector can reach, and hand its nodes back to page functions.
 */
import type { Browser, Page } from 'puppeteer-core';

/** A node as WebDriver BiDi serializes it (only the fields we read). */
export interface BidiNode {
  type: 'node';
  sharedId: string;
  value?: {
    nodeType: number;
    localName?: string;
    attributes?: Record<string, string>;
    children?: BidiNode[];
    shadowRoot?: BidiNode | null;
    mode?: 'open' | 'closed';
  };
}

interface BidiResult {
  type?: string;
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** Raw BiDi access for one page of a Puppeteer BiDi session. */
export class BidiPage {
  private constructor(
    private readonly connection: BidiConnection,
    readonly context: string,
  ) {}

  /** Finds the page's browsing context (by URL, so give each page its own). */
  static async of(browser: Browser, page: Page): Promise<BidiPage> {
    // Puppeteer's BiDi browser exposes its connection, though its types do not.
    const connection = (browser as unknown as { connection?: BidiConnection }).connection;
    if (!connection?.send) throw new Error('not a WebDriver BiDi session');
    const { result } = (await connection.send('browsingContext.getTree', {})) as {
      result: { contexts: { context: string; url: string }[] };
    };
    const found = result.contexts.find((c) => c.url === page.url());
    if (!found) throw new Error(`no browsing context shows ${page.url()}`);
    return new BidiPage(connection, found.context);
  }

  /** A frame of `page` whose address ends with `path` (found in the context tree, any depth). */
  static async ofFrame(browser: Browser, page: Page, path: string): Promise<BidiPage> {
    const connection = (browser as unknown as { connection?: BidiConnection }).connection;
    if (!connection?.send) throw new Error('not a WebDriver BiDi session');
    type Context = { context: string; url: string; children?: Context[] | null };
    const { result } = (await connection.send('browsingContext.getTree', {})) as {
      result: { contexts: Context[] };
    };
    const top = result.contexts.find((c) => c.url === page.url());
    const find = (c: Context): Context | undefined =>
      c.url.endsWith(path) && c !== top ? c : (c.children ?? []).map(find).find(Boolean);
    const found = top && find(top);
    if (!found) throw new Error(`no frame of ${page.url()} shows ${path}`);
    return new BidiPage(connection, found.context);
  }

  /** The first element matching `selector`, its closed shadow tree included, or null. */
  async element(selector: string): Promise<BidiNode | null> {
    const { result } = (await this.connection.send('script.evaluate', {
      expression: `document.querySelector(${JSON.stringify(selector)})`,
      target: { context: this.context },
      awaitPromise: false,
      resultOwnership: 'none',
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 12 },
    })) as { result: BidiResult };
    if (result.type === 'exception') throw new Error(result.exceptionDetails?.text);
    return result.result?.type === 'node' ? (result.result as unknown as BidiNode) : null;
  }

  /**
   * Runs `fn` (source of a function taking the nodes) in the page and returns its result
   * (awaited if a promise), which `fn` must make JSON-serializable.
   */
  async call<T>(fn: string, ...nodes: BidiNode[]): Promise<T> {
    const { result } = (await this.connection.send('script.callFunction', {
      functionDeclaration: `async (...nodes) => JSON.stringify(await (${fn})(...nodes))`,
      arguments: nodes.map((n) => ({ sharedId: n.sharedId })),
      target: { context: this.context },
      awaitPromise: true,
      resultOwnership: 'none',
    })) as { result: BidiResult };
    if (result.type === 'exception') throw new Error(result.exceptionDetails?.text);
    const json = result.result?.value;
    return (typeof json === 'string' ? JSON.parse(json) : undefined) as T;
  }
}

/** Depth-first search of a serialized tree, through shadow roots too. */
export function findNode(node: BidiNode, test: (n: BidiNode) => boolean): BidiNode | undefined {
  if (test(node)) return node;
  for (const child of [node.value?.shadowRoot, ...(node.value?.children ?? [])]) {
    const hit = child && findNode(child, test);
    if (hit) return hit;
  }
  return undefined;
}
