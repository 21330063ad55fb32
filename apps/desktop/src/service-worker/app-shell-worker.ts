/// <reference lib="webworker" />
/**
 * The web workbench's service worker (`/app/sw.js`, scope `/app/`): it keeps the current build's
 * page and assets so a reload works while the server is out of reach. It holds no user data:
 * the API, the socket and attachments always go to the network.
 *
 * - Assets (hashed names) come from the precache, which is filled when the worker installs.
 * - A navigation goes to the network first, so a new build is picked up at once; only when the
 *   server cannot be reached in time does the kept page answer.
 * - A new worker waits until no tab uses the old one (no `skipWaiting`): an open tab may still
 *   lazy-load its own build's chunks, which only the old worker's precache holds.
 */

import { PAGE, precacheManifest } from 'virtual:precache-manifest';
import {
  cleanupOutdatedCaches,
  matchPrecache,
  type PrecacheEntry,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

/** How long a navigation waits for the server before the kept page answers. */
const NAVIGATION_TIMEOUT_MS = 4_000;

// Registered before the precache's route, which would otherwise answer `/app/` from the cache
// (its directory index) and so keep serving an old build until every tab had closed.
registerRoute(
  new NavigationRoute(async ({ request }) => {
    try {
      return await fetch(request, { signal: AbortSignal.timeout(NAVIGATION_TIMEOUT_MS) });
    } catch (error) {
      const kept = await matchPrecache(PAGE);
      if (kept) return kept;
      throw error;
    }
  }),
);
precacheAndRoute(precacheManifest satisfies PrecacheEntry[]);
cleanupOutdatedCaches();
