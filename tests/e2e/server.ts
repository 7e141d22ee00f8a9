import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};

/** A route that answers with fixed content and headers instead of a file. */
export interface Route {
  body: string;
  type?: string;
  headers?: Record<string, string>;
}

export interface FixtureServer {
  origin: string;
  /** Serve `body` at `path` (e.g. '/csp.html') with extra headers. */
  route(path: string, route: Route): void;
  /** Forgets every route (the server outlives a test: the next one starts without them). */
  reset(): void;
  close(): Promise<void>;
}

/**
 * A static server on 127.0.0.1 (random free port) over several roots, tried in order;
 * `/shared/<file>` maps to the real-world pages in ../shared/pages.
 */
export async function startServer(
  roots: { prefix: string; dir: string }[],
): Promise<FixtureServer> {
  const routes = new Map<string, Route>();
  const send = (
    res: ServerResponse,
    status: number,
    body: string | Buffer,
    type: string,
    headers = {},
  ) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(body);
  };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const fixed = routes.get(path);
    if (fixed) return send(res, 200, fixed.body, fixed.type ?? TYPES['.html']!, fixed.headers);
    const root = roots.find((r) => path.startsWith(r.prefix));
    if (!root) return send(res, 404, 'not found', TYPES['.txt']!);
    const base = resolve(root.dir);
    const rel = path.slice(root.prefix.length);
    const file = normalize(join(base, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel));
    if (!file.startsWith(base)) return send(res, 403, 'forbidden', TYPES['.txt']!);
    readFile(file).then(
      (buf) => send(res, 200, buf, TYPES[extname(file)] ?? 'application/octet-stream'),
      () => send(res, 404, 'not found', TYPES['.txt']!),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    route: (path, route) => void routes.set(path, route),
    reset: () => routes.clear(),
    close: () =>
      new Promise((ok) => {
        // Browsers keep connections alive; close() alone would wait for them.
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
