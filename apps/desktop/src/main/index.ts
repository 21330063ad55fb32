import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import type { Push, PushPayload } from '../shared/bridge.js';
import { serveAppProtocol } from './app-protocol.js';
import { electronHost } from './electron-host.js';
import { createHandlers } from './handlers.js';
import { watchIdle } from './idle-watch.js';
import { registerIpc } from './ipc.js';
import { createDispatcher } from './ipc-dispatch.js';
import { CacheRegistry } from './services/cache-registry.js';
import { type DeepLink, deepLinkInArgs, parseDeepLink } from './services/deep-link.js';
import { NotificationPolicy } from './services/notification-policy.js';
import { SessionStore } from './services/session-store.js';
import { SettingsStore } from './services/settings-store.js';
import { createTray } from './tray.js';
import {
  APP_ENTRY,
  APP_ORIGIN,
  guardWebContents,
  permissionAllowed,
  workbenchWindowOptions,
} from './windows.js';

// The composition root: wires the services to Electron and does nothing else (STYLE 9).
const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_ROOT = path.join(here, '..', 'web');
const PRELOAD = path.join(here, '..', 'preload', 'index.cjs');
const APP_USER_MODEL_ID = 'org.switchboard.desktop';
const RING_INTERVAL_MS = 20_000;

const log = (message: string, details: Record<string, unknown> = {}) =>
  process.stderr.write(`${JSON.stringify({ level: 'warn', message, ...details })}\n`);

if (!app.requestSingleInstanceLock()) app.quit();
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
app.setAsDefaultProtocolClient('switchboard');
protocol.registerSchemesAsPrivileged([
  // codeCache: V8 keeps compiled app code between launches, so a cold start parses less.
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

let mainWindow: BrowserWindow | null = null;
let pendingLink: DeepLink | null = deepLinkInArgs(process.argv);

function push<P extends Push>(name: P, payload: PushPayload<P>): void {
  mainWindow?.webContents.send(name, payload);
}

function showWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function routeDeepLink(link: DeepLink | null): void {
  if (!link) return;
  showWindow();
  push('deep-link', link);
}

app.on('second-instance', (_event, argv) => routeDeepLink(deepLinkInArgs(argv)));
app.on('open-url', (event, url) => {
  event.preventDefault();
  const link = parseDeepLink(url);
  if (mainWindow) routeDeepLink(link);
  else pendingLink = link;
});
app.on('web-contents-created', (_event, contents) =>
  guardWebContents(contents, { openExternal: (url) => void shell.openExternal(url), log }),
);

void app.whenReady().then(() => {
  const dataDir = app.getPath('userData');
  const sessions = new SessionStore(dataDir, safeStorage, (message) => log(message));
  const settings = new SettingsStore(dataDir);
  const caches = new CacheRegistry(path.join(dataDir, 'caches'));
  const policy = new NotificationPolicy();

  const serverOrigin = () => {
    const stored = sessions.load();
    return stored ? new URL(stored.serverUrl).origin : null;
  };
  serveAppProtocol(protocol, RENDERER_ROOT, serverOrigin);
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permissionAllowed(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));

  const tray = createTray((status) => push('tray:status', { status }), showWindow);
  const host = electronHost(
    () => mainWindow,
    tray,
    (conversationId) => push('notification:clicked', { conversationId }),
  );
  const handlers = createHandlers({ caches, sessions, settings, policy, host });
  registerIpc(ipcMain, createDispatcher({ handlers, trustedOrigins: [APP_ORIGIN], log }));
  // No default menu: its Ctrl+W / Ctrl+R would close or reload the window instead of a tab.
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      process.platform === 'darwin' ? [{ role: 'appMenu' }, { role: 'editMenu' }] : [{ role: 'editMenu' }],
    ),
  );

  mainWindow = new BrowserWindow(workbenchWindowOptions(PRELOAD));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.webContents.once('did-finish-load', () => {
    routeDeepLink(pendingLink);
    pendingLink = null;
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(APP_ENTRY);

  watchIdle(
    () => settings.load().idleMinutes * 60,
    (event) => push('os:idle', event),
  );
  // Offered and newly assigned chats ring until accepted or opened.
  setInterval(() => {
    for (const ringing of policy.ringing()) {
      host.showNotification({ ...ringing, urgent: true });
    }
  }, RING_INTERVAL_MS);
  app.on('before-quit', () => caches.closeAll());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
