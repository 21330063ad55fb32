import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'vite';

/** The worker's file name in the build; the web host registers it (host/app-shell-worker.ts). */
export const WORKER_FILE = 'sw.js';
const PAGE = 'index.html';
const MANIFEST_MODULE = 'virtual:precache-manifest';

/**
 * Builds the web workbench's service worker (`entry`) next to the page, once the page's build is
 * written: one classic script holding the list of files to keep, as workbox-precaching wants it.
 * Hashed assets need no revision; the page and the public folder's files (icons, the web app
 * manifest) get their content's hash, so a new build replaces them.
 */
export function appShellWorker(entry: string): Plugin {
  let outDir = '';
  let publicDir = '';
  return {
    name: 'switchboard:app-shell-worker',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      publicDir = config.publicDir;
    },
    async writeBundle(_options, bundle) {
      const built = Object.values(bundle)
        .filter((file) => !file.fileName.endsWith('.map') && file.fileName !== WORKER_FILE)
        .map((file) => ({
          url: file.fileName,
          revision: file.fileName === PAGE ? revision(file.type === 'asset' ? file.source : file.code) : null,
        }));
      const manifest = [...built, ...publicFiles(publicDir)].sort((a, b) => a.url.localeCompare(b.url));
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

function revision(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}

/** What Vite copies from the public folder as it is, by URL relative to the page. */
function publicFiles(dir: string): Array<{ url: string; revision: string }> {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return {
        url: path.relative(dir, file).split(path.sep).join('/'),
        revision: revision(readFileSync(file)),
      };
    });
}
