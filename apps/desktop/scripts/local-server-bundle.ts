import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, type Plugin } from 'esbuild';

const DESKTOP = fileURLToPath(new URL('..', import.meta.url));
const APPS = path.join(DESKTOP, '..');
export const LOCAL_SERVER_DIR = path.join(DESKTOP, 'dist', 'server');
export const LOCAL_SERVER_ENTRY = 'server.mjs';

/**
 * The server's modules find their files relative to `import.meta.url`, which in one bundle is the
 * bundle's own URL. Each anchor is moved to a folder beside the bundle, and the files are copied
 * there. A server change that moves an anchor fails this build instead of shipping a broken app.
 */
const ANCHORS: Array<{ file: RegExp; from: string; to: string }> = [
  {
    file: /[\\/]apps[\\/]server[\\/]src[\\/]http[\\/]routes[\\/]static-routes\.ts$/,
    from: "new URL('../../../../', import.meta.url)",
    to: "new URL('./apps/', import.meta.url)",
  },
  {
    file: /[\\/]apps[\\/]server[\\/]src[\\/]store[\\/]open-sqlite\.ts$/,
    from: "new URL('../../workers/checkpoint.cjs', import.meta.url)",
    // A worker thread cannot run a script from inside app.asar; the packaged app unpacks it.
    to: "new URL('./workers/checkpoint.cjs', import.meta.url.replace('/app.asar/', '/app.asar.unpacked/'))",
  },
  {
    file: /[\\/]apps[\\/]server[\\/]src[\\/]email[\\/]mail-decoder-thread\.ts$/,
    from: "new URL('../../workers/mail-decoder.cjs', import.meta.url)",
    to: "new URL('./workers/mail-decoder.cjs', import.meta.url.replace('/app.asar/', '/app.asar.unpacked/'))",
  },
  {
    file: /[\\/]apps[\\/]server[\\/]src[\\/]reading[\\/]read-thread\.ts$/,
    from: [
      "script: new URL('../../workers/read-thread.mjs', import.meta.url),",
      "  module: new URL(FROM_SOURCES ? './read-worker.ts' : './read-worker.js', import.meta.url),",
    ].join('\n'),
    // The reading threads' module, bundled on its own beside the other workers (READ_WORKER).
    to: [
      "script: new URL('./workers/read-thread.mjs', import.meta.url.replace('/app.asar/', '/app.asar.unpacked/')),",
      "  module: new URL('./workers/read-worker.mjs', import.meta.url.replace('/app.asar/', '/app.asar.unpacked/')),",
    ].join('\n'),
  },
];

/** Worker scripts whose packages the app does not ship on their own: bundled with them. */
const SELF_CONTAINED_WORKERS = ['mail-decoder.cjs'];

/**
 * The reading threads' module (TypeScript in the server: reports and searches), bundled into the
 * workers' folder.
 */
const READ_WORKER = {
  source: path.join(APPS, 'server', 'src', 'reading', 'read-worker.ts'),
  bundled: 'read-worker.mjs',
};

const relocateAnchors: Plugin = {
  name: 'relocate-anchors',
  setup(builder) {
    const seen = new Set<RegExp>();
    for (const anchor of ANCHORS) {
      builder.onLoad({ filter: anchor.file }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes(anchor.from)) {
          throw new Error(
            `${args.path} no longer contains ${anchor.from}: update scripts/local-server-bundle.ts`,
          );
        }
        seen.add(anchor.file);
        return { contents: source.replace(anchor.from, anchor.to), loader: 'ts' };
      });
    }
    builder.onEnd((result) => {
      if (result.errors.length === 0 && seen.size !== ANCHORS.length) {
        throw new Error(
          'A relocated server module was not part of the bundle: update scripts/local-server-bundle.ts',
        );
      }
    });
  },
};

/** How the server's TypeScript is bundled: one ESM file with better-sqlite3 left outside. */
const SERVER_BUNDLE = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['source'],
  // Optional native speed-ups of ws that are not installed.
  external: ['better-sqlite3', 'bufferutil', 'utf-8-validate'],
  // CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __sbRequire } from 'node:module'; const require = __sbRequire(import.meta.url);",
  },
  logLevel: 'warning',
} satisfies BuildOptions;

/**
 * The bundled server: src/local-server/entry.ts and the whole server in one ESM file (from the
 * TypeScript sources), better-sqlite3 left outside (the app's own copy, rebuilt for Electron),
 * plus the worker threads' scripts (the email decoder bundled with mailparser, which the app does
 * not ship as a package; the reading threads' module bundled like the server), the widget and the
 * web workbench it serves.
 */
export async function buildLocalServer(outDir = LOCAL_SERVER_DIR): Promise<string> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    ...SERVER_BUNDLE,
    entryPoints: [path.join(DESKTOP, 'src', 'local-server', 'entry.ts')],
    outfile: path.join(outDir, LOCAL_SERVER_ENTRY),
    plugins: [relocateAnchors],
  });
  cpSync(path.join(APPS, 'server', 'workers'), path.join(outDir, 'workers'), { recursive: true });
  for (const worker of SELF_CONTAINED_WORKERS) {
    await build({
      entryPoints: [path.join(APPS, 'server', 'workers', worker)],
      outfile: path.join(outDir, 'workers', worker),
      allowOverwrite: true,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'warning',
    });
  }
  await build({
    ...SERVER_BUNDLE,
    entryPoints: [READ_WORKER.source],
    outfile: path.join(outDir, 'workers', READ_WORKER.bundled),
    plugins: [],
  });
  const assets = [
    [path.join(APPS, 'widget', 'dist'), path.join(outDir, 'apps', 'widget', 'dist')],
    [path.join(DESKTOP, 'dist', 'web'), path.join(outDir, 'apps', 'desktop', 'dist', 'web')],
  ] as const;
  for (const [from, to] of assets) {
    if (existsSync(from)) cpSync(from, to, { recursive: true, filter: (file) => !file.endsWith('.map') });
  }
  return path.join(outDir, LOCAL_SERVER_ENTRY);
}
