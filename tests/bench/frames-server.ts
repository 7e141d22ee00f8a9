/**
 * The framed article's server: the top document and its 30 frames, every `*.test` host
 * answered on one port (SITES_FLAG maps them all to 127.0.0.1). With `hold`, a frame's
 * response stops after `<body>` until `release()`: its document is committed (it has a
 * target of its own, to attach to) but not parsed to its end, so no document_idle script
 * has run in it yet.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { framedArticle, type FramedArticle } from './pages';

/** The server of the framed article. */
export interface FramesServer {
  page: FramedArticle;
  /** The top document's URL, on the news site. */
  url: string;
  /** Hold every frame's document after `<body>` until `release()`, from the next load on. */
  hold(): void;
  /** Sends the rest of every held document, and holds no more. */
  release(): void;
  /** Frame documents held now. */
  held(): number;
  close(): Promise<void>;
}

/** Starts the server on a free port of 127.0.0.1 and generates the page for it. */
export async function startFramesServer(): Promise<FramesServer> {
  const routes = new Map<string, string>();
  const waiting: (() => void)[] = [];
  let holding = false;
  const send = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(body);
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = routes.get(path);
    if (body === undefined) return send(res, 404, 'not found');
    if (!holding || !path.startsWith('/frames/')) return send(res, 200, body);
    const cut = body.indexOf('<body>') + '<body>'.length;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.write(body.slice(0, cut));
    waiting.push(() => res.end(body.slice(cut)));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const page = framedArticle((site, path) => `http://${site}:${port}${path}`);
  routes.set('/news/article.html', page.html);
  for (const f of page.frames) routes.set(f.path, f.html);
  return {
    page,
    url: `http://news.test:${port}/news/article.html`,
    hold: () => void (holding = true),
    release: () => {
      holding = false;
      for (const go of waiting.splice(0)) go();
    },
    held: () => waiting.length,
    close: () =>
      new Promise((ok) => {
        for (const go of waiting.splice(0)) go();
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
