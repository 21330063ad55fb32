import { readFile as readFromDisk } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/**
 * Serves the web build at /app/ and nothing else: the "server" stays unreachable for the API.
 * Files are read once and kept in memory, so the disk's hiccups on this machine stay out of the
 * page-load figures (the app's own protocol handler caches them the same way).
 */
export async function serveWebBuild(root: string): Promise<{ url: string; close(): Promise<void> }> {
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
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://x').pathname;
    if (!pathname.startsWith('/app/')) {
      response.writeHead(503).end();
      return;
    }
    const relative = pathname.slice('/app/'.length) || 'index.html';
    const file = path.join(root, path.normalize(relative));
    readFile(file.startsWith(root) ? file : path.join(root, 'index.html')).then(
      (body) =>
        response
          .writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
