/**
 * Resolves once the document has been parsed. The entry script is async (see
 * vite-plugins/async-entry-script.ts), so the app may load before the parser reaches `#root`.
 */
export function documentParsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  );
}
