import type {
  BrowserWindowConstructorOptions,
  Event,
  HandlerDetails,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron';
import { isAllowedOrigin, isSafeExternalUrl } from './services/external-links.js';

/** Where the UI comes from: the app bundle through a custom protocol (SECURITY D2). */
export const APP_ORIGIN = 'app://switchboard';
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;
/** The supervisor window: the same bundle, its own view (renderer/app/routes.ts). */
export const SUPERVISOR_ENTRY = `${APP_ENTRY}#/supervisor-window`;

export interface WindowChoices {
  devTools: boolean;
  /** The window's icon file (Linux's window list; packaged Windows and macOS builds use the app's). */
  icon?: string;
}

/**
 * SECURITY D1: the options every window is created with; tests enumerate them. DevTools only
 * where policy AllowDevTools (or an unpackaged development run) allows them.
 */
export function workbenchWindowOptions(
  preloadPath: string,
  options: WindowChoices = { devTools: false },
): BrowserWindowConstructorOptions {
  return {
    ...(options.icon === undefined ? {} : { icon: options.icon }),
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Switchboard',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: options.devTools,
      spellcheck: true,
      // Hidden in the tray for hours, the page still runs its socket's reconnects, the outbox
      // and the rings' timers on time (Chromium would slow a background page's timers to once a
      // minute).
      backgroundThrottling: false,
    },
  };
}

/** The supervisor window: the workbench's secure options (D1), its own size and title. */
export function supervisorWindowOptions(
  preloadPath: string,
  options: WindowChoices = { devTools: false },
): BrowserWindowConstructorOptions {
  return {
    ...workbenchWindowOptions(preloadPath, options),
    width: 1440,
    height: 900,
    title: 'Switchboard — Supervisor',
  };
}

export interface GuardDeps {
  openExternal(url: string): void;
  log(message: string, details: Record<string, unknown>): void;
}

/** The navigation handlers, as plain functions so tests can call them with fake events (D6, D7). */
export function navigationGuards(deps: GuardDeps) {
  const blockUnlessApp = (event: Pick<Event, 'preventDefault'>, url: string) => {
    if (isAllowedOrigin(url, [APP_ORIGIN])) return;
    event.preventDefault();
    deps.log('window: navigation blocked', { url });
    if (isSafeExternalUrl(url)) deps.openExternal(url);
  };
  const windowOpen = (details: Pick<HandlerDetails, 'url'>): WindowOpenHandlerResponse => {
    if (isSafeExternalUrl(details.url)) deps.openExternal(details.url);
    else deps.log('window: refused to open', { url: details.url });
    return { action: 'deny' };
  };
  return { willNavigate: blockUnlessApp, willRedirect: blockUnlessApp, windowOpen };
}

/** Wires the guards to a window's web contents; also refuses <webview> attachment. */
export function guardWebContents(contents: WebContents, deps: GuardDeps): void {
  const guards = navigationGuards(deps);
  contents.on('will-navigate', (event) => guards.willNavigate(event, event.url));
  contents.on('will-redirect', (event) => guards.willRedirect(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(guards.windowOpen);
}

/** SECURITY D8: every permission is denied except notifications. */
export function permissionAllowed(permission: string): boolean {
  return permission === 'notifications';
}
