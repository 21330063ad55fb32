import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { asyncEntryScript } from './vite-plugins/async-entry-script.js';
import { preloadEntryImports } from './vite-plugins/preload-entry-imports.js';

// The web workbench: served by the server at /app/, loaded by Electron from app://switchboard/.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react(), tailwindcss(), preloadEntryImports(/\/app\/mount\.tsx$/), asyncEntryScript()],
  resolve: { conditions: ['source'] },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 800,
  },
});
