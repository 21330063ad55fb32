import type { Plugin } from 'vite';

/**
 * The entry loads the app with a dynamic import so the host's boot round trip can start first;
 * this adds `<link rel="modulepreload">` for that import's chunks, so the browser fetches them
 * alongside the entry instead of after it. Only the imports whose module matches `modules`.
 */
export function preloadEntryImports(modules: RegExp): Plugin {
  return {
    name: 'switchboard:preload-entry-imports',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle ?? {};
        const entry = Object.values(bundle).find((output) => output.type === 'chunk' && output.isEntry);
        if (entry?.type !== 'chunk') return [];
        const files = new Set<string>([entry.fileName]);
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (chunk?.type !== 'chunk' || files.has(fileName)) return;
          files.add(fileName);
          for (const imported of chunk.imports) visit(imported);
        };
        for (const dynamic of entry.dynamicImports) {
          const chunk = bundle[dynamic];
          if (chunk?.type === 'chunk' && modules.test(chunk.facadeModuleId ?? '')) visit(dynamic);
        }
        files.delete(entry.fileName);
        return [...files].map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
