import { defineConfig } from 'vite';

// A sandboxed preload cannot require local files: it is bundled into one CommonJS file.
export default defineConfig({
  resolve: { conditions: ['source'] },
  build: {
    outDir: 'dist/preload',
    emptyOutDir: true,
    ssr: 'src/preload/index.ts',
    rollupOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: 'index.cjs' } },
  },
  ssr: { noExternal: true },
});
