import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DESKTOP_DIR = fileURLToPath(new URL('../..', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * Builds the web workbench into `outDir` (its own folder: other suites build dist/web meanwhile),
 * from a shell with `env` (the test process's own by default).
 */
export function buildWorkbench(outDir: string, env: NodeJS.ProcessEnv = process.env): void {
  execFileSync(
    process.execPath,
    [
      fileURLToPath(new URL('../../../../node_modules/vite/bin/vite.js', import.meta.url)),
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
    ],
    { cwd: DESKTOP_DIR, stdio: 'ignore', env },
  );
}

/** Serves a workbench build at `/app/` (index.html for every route) from its own origin. */
export async function servePages(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const relative = new URL(request.url ?? '/', 'http://x').pathname.replace(/^\/app\/?/, '');
    const file = path.join(dir, path.extname(relative) ? path.normalize(relative) : 'index.html');
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      },
      () => {
        response.writeHead(404);
        response.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
