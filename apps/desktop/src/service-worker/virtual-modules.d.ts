/** Written by the build (vite-plugins/app-shell-worker.ts) from the web build's output. */
declare module 'virtual:precache-manifest' {
  /** The page every workbench route is served as, relative to the worker. */
  export const PAGE: string;
  /** Every file of the build except source maps and the worker itself. */
  export const precacheManifest: Array<{ url: string; revision: string | null }>;
}
