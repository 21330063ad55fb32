import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const WIDGET_DIR = fileURLToPath(new URL('..', import.meta.url));
export const DIST_DIR = path.join(WIDGET_DIR, 'dist');

/**
 * Builds the two bundles and the demo page into `outdir`:
 * - `widget.js`, the loader a site embeds (launcher, API, lazy loading; no socket.io),
 * - `chat.js`, the chat itself, loaded on first open or when a conversation is in progress,
 * - `demo.html`, a plain page embedding the loader (served at `/demo`).
 */
export async function buildWidget(outdir = DIST_DIR): Promise<void> {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: {
      widget: path.join(WIDGET_DIR, 'src/loader/main.ts'),
      chat: path.join(WIDGET_DIR, 'src/chat/main.ts'),
    },
    outdir,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    conditions: ['source'],
    legalComments: 'none',
    sourcemap: false,
    logLevel: 'warning',
  });
  copyFileSync(path.join(WIDGET_DIR, 'src/demo/demo.html'), path.join(outdir, 'demo.html'));
}
