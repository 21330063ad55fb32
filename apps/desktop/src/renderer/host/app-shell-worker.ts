/// <reference types="vite/client" />
/**
 * Registers the web workbench's service worker (src/service-worker), which keeps the page and
 * its assets so a reload works while the server is out of reach. Only in a built web workbench
 * served over HTTP(S): the Electron app loads its files from its own protocol and never calls
 * this. Registered once the page has loaded, so filling its cache never competes with startup.
 */
export function registerAppShellWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  if (!window.isSecureContext) return;
  const register = () => {
    // Without a worker the workbench still runs; it just cannot reload while the server is down.
    navigator.serviceWorker.register(new URL('sw.js', document.baseURI)).catch((error: unknown) => {
      console.warn('The offline page could not be set up:', error);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
