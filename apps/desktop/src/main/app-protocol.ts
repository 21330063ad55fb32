import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { contentSecurityPolicy } from './content-security-policy.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built renderer at app://switchboard/ (SECURITY D2) with its CSP (D3). Paths are
 * resolved inside `root`; anything outside it, or unknown, is a 404; client routes get index.html.
 */
export function serveAppProtocol(
  protocol: Protocol,
  root: string,
  serverOrigins: (isDocument: boolean) => ReadonlyArray<string | null>,
): void {
  // The build does not change while the app runs: each file is read from disk once.
  const files = new Map<string, Promise<Buffer<ArrayBuffer>>>();
  const readOnce = (file: string) => {
    let body = files.get(file);
    if (!body) {
      body = readFile(file);
      files.set(file, body);
      body.catch(() => files.delete(file));
    }
    return body;
  };
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const relative = path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    const candidate = path.join(root, relative);
    const file =
      candidate.startsWith(root + path.sep) && path.extname(candidate)
        ? candidate
        : path.join(root, 'index.html');
    try {
      const body = await readOnce(file);
      return new Response(body, {
        headers: {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'content-security-policy': contentSecurityPolicy(
            ...serverOrigins(file === path.join(root, 'index.html')),
          ),
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
