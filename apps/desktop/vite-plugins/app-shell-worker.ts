import { createHash } from 'node:crypto';
import path from 'node:path';
import { build, type Plugin } from 'vite';

/** The worker's file name in the build; the web host registers it (host/app-shell-worker.ts). */
export const WORKER_FILE = 'sw.js';
const PAGE = 'index.html';
const MANIFEST_MODULE = 'virtual:precache-manifest';

/**
 * Builds the web workbench's service worker (`entry`) next to the page, once the page's build is
 * written: one classic script holding the list of files to keep, as workbox-precaching wants it.
 * Hashed assets need no revision; the page gets its content's hash, so a new build replaces it.
 */
export function appShellWorker(entry: string): Plugin {
  let outDir = '';
  return {
    name: 'switchboard:app-shell-worker',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const manifest = Object.values(bundle)
        .filter((file) => !file.fileName.endsWith('.map') && file.fileName !== WORKER_FILE)
        .map((file) => ({
          url: file.fileName,
          revision:
            file.fileName === PAGE
              ? createHash('sha256')
                  .update(file.type === 'asset' ? file.source : file.code)
                  .digest('hex')
                  .slice(0, 16)
              : null,
        }))
        .sort((a, b) => a.url.localeCompare(b.url));
      if (!manifest.some((file) => file.url === PAGE)) throw new Error(`the build wrote no ${PAGE}`);
      await build({
        configFile: false,
        logLevel: 'warn',
        // Workbox keeps its development logging behind this check.
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        plugins: [
          {
            name: 'switchboard:precache-manifest',
            resolveId: (id) => (id === MANIFEST_MODULE ? `\0${MANIFEST_MODULE}` : undefined),
            load: (id) =>
              id === `\0${MANIFEST_MODULE}`
                ? `export const PAGE = ${JSON.stringify(PAGE)};\nexport const precacheManifest = ${JSON.stringify(manifest)};`
                : undefined,
          },
        ],
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          lib: { entry, formats: ['iife'], name: 'switchboardAppShell', fileName: () => WORKER_FILE },
        },
      });
    },
  };
}
