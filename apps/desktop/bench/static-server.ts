import { readFile as readFromDisk } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import path from 'node:path';
import type { Dispatch } from '../src/main/ipc-dispatch.js';
import { BRIDGE_PATH } from '../test/support/workbench-page.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** An empty page of the same origin as the app: a bridge with nothing else running. */
export const BLANK_PATH = '/blank';

async function jsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
}

/**
 * Serves the web build at /app/ and nothing else: the "server" stays unreachable for the API.
 * Files are read once and kept in memory, so the disk's hiccups on this machine stay out of the
 * page-load figures (the app's own protocol handler caches them the same way). Hashed assets are
 * immutable, as the server sends them, so a browser profile keeps them and their compiled code.
 * With `bridge` (main's dispatcher for the served URL), POST `${BRIDGE_PATH}/<channel>` is a
 * bridge call: the `http` host transport.
 * `BLANK_PATH` is an empty page.
 */
export async function serveWebBuild(
  root: string,
  options: { bridge?: (url: string) => Dispatch } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const files = new Map<string, Promise<Buffer>>();
  const readFile = (file: string) => {
    let body = files.get(file);
    if (!body) {
      body = readFromDisk(file);
      files.set(file, body);
      body.catch(() => files.delete(file));
    }
    return body;
  };
  let bridge: Dispatch | undefined;
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://x').pathname;
    const dispatch = bridge;
    if (dispatch && request.method === 'POST' && pathname.startsWith(`${BRIDGE_PATH}/`)) {
      jsonBody(request)
        .then((payload) => dispatch(pathname.slice(BRIDGE_PATH.length + 1), request.headers.origin, payload))
        .then(
          (value) =>
            response
              .writeHead(200, { 'content-type': 'application/json' })
              .end(JSON.stringify({ value: value ?? null })),
          () => response.writeHead(403).end(),
        );
      return;
    }
    if (pathname === BLANK_PATH) {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>blank</title>');
      return;
    }
    if (!pathname.startsWith('/app/')) {
      response.writeHead(503).end();
      return;
    }
    const relative = pathname.slice('/app/'.length) || 'index.html';
    const file = path.join(root, path.normalize(relative));
    readFile(file.startsWith(root) ? file : path.join(root, 'index.html')).then(
      (body) =>
        response
          .writeHead(200, {
            'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
            ...(relative.startsWith('assets/') ? { 'cache-control': IMMUTABLE } : {}),
          })
          .end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  bridge = options.bridge?.(url);
  return {
    url,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
