import { useSyncExternalStore } from 'react';

/** The workbench's views, as hash routes (`/app/#/supervisor`): they work under /app/ and app://. */
export type Route = 'workbench' | 'supervisor' | 'admin' | 'reports';

const ROUTES: readonly Route[] = ['supervisor', 'admin', 'reports'];
/** The Electron supervisor window loads this hash: the supervisor view alone, without the workbench. */
export const SUPERVISOR_WINDOW_HASH = '#/supervisor-window';

export function routeOf(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'workbench';
}

export function currentRoute(): Route {
  return routeOf(location.hash);
}

export function isSupervisorWindow(): boolean {
  return location.hash === SUPERVISOR_WINDOW_HASH;
}

export function go(route: Route): void {
  location.hash = route === 'workbench' ? '' : `#/${route}`;
}

const subscribe = (listener: () => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, currentRoute);
}

/** Who may open which view; the server enforces the same (protocol: `staff-supervisor`, `admin`). */
export function allowed(route: Route, role: 'agent' | 'supervisor' | 'admin' | undefined): boolean {
  if (route === 'workbench') return true;
  if (route === 'admin') return role === 'admin';
  return role === 'supervisor' || role === 'admin';
}
