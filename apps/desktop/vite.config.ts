import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { appShellWorker } from './vite-plugins/app-shell-worker.js';
import { asyncEntryScript } from './vite-plugins/async-entry-script.js';
import { preloadEntryImports } from './vite-plugins/preload-entry-imports.js';

// The web workbench: served by the server at /app/, loaded by Electron from app://switchboard/.
export default defineConfig(({ command, mode }) => {
  // A build's mode picks React's build and JSX runtime, not whatever NODE_ENV the shell has:
  // vitest sets `test` and development shells often `development`, and either would ship React's
  // development build. Vite reads NODE_ENV after loading this file (its documented place to set it).
  if (command === 'build') process.env.NODE_ENV = mode === 'development' ? 'development' : 'production';
  return {
    root: 'src/renderer',
    base: './',
    plugins: [
      react(),
      tailwindcss(),
      preloadEntryImports(/\/app\/mount\.tsx$/),
      asyncEntryScript(),
      appShellWorker(fileURLToPath(new URL('src/service-worker/app-shell-worker.ts', import.meta.url))),
    ],
    resolve: { conditions: ['source'] },
    build: {
      outDir: '../../dist/web',
      emptyOutDir: true,
      sourcemap: true,
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 800,
    },
  };
});
