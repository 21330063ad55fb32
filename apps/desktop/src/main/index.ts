import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { ICONS_DIR, WINDOW_ICON } from '../shared/app-icons.js';
import type { Push, PushPayload } from '../shared/bridge.js';
import type { Settings } from '../shared/settings.js';
import { APP_ID, PROTOCOL_SCHEME } from './app-identity.js';
import { serveAppProtocol } from './app-protocol.js';
import { electronHost } from './electron-host.js';
import { createHandlers } from './handlers.js';
import { watchIdle } from './idle-watch.js';
import { registerIpc } from './ipc.js';
import { createDispatcher } from './ipc-dispatch.js';
import { readManagedPolicy, startManaged } from './managed-startup.js';
import { CacheRegistry } from './services/cache-registry.js';
import { type DeepLink, deepLinkInArgs, parseDeepLink } from './services/deep-link.js';
import { createLogger } from './services/logger.js';
import {
  applyOpenAtLogin,
  LinuxAutostart,
  type LoginItemHost,
  startedAtLogin,
  xdgConfigHome,
} from './services/login-item.js';
import { NotificationPolicy } from './services/notification-policy.js';
import { ServerOrigins } from './services/server-origins.js';
import { SessionStore } from './services/session-store.js';
import { createTray } from './tray.js';
import { keepInTray } from './tray-lifecycle.js';
import {
  APP_ENTRY,
  APP_ORIGIN,
  guardWebContents,
  permissionAllowed,
  SUPERVISOR_ENTRY,
  supervisorWindowOptions,
  workbenchWindowOptions,
} from './windows.js';

// The composition root: wires the services to Electron and does nothing else (STYLE 9).
const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_ROOT = path.join(here, '..', 'web');
/** The tray, taskbar-badge and window images ship in the web build (src/shared/app-icons.ts). */
const ICONS = path.join(RENDERER_ROOT, ICONS_DIR);
const PRELOAD = path.join(here, '..', 'preload', 'index.cjs');
/** The bundled server (scripts/local-server-bundle.ts). */
const LOCAL_SERVER_MODULE = path.join(here, '..', 'server', 'server.mjs');
const RING_INTERVAL_MS = 20_000;
const FIRST_UPDATE_CHECK_MS = 60_000;
const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

const logger = createLogger('info');
const log = logger.warn;

if (!app.requestSingleInstanceLock()) app.quit();
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
app.setAsDefaultProtocolClient(PROTOCOL_SCHEME);
const managedPolicy = readManagedPolicy();
protocol.registerSchemesAsPrivileged([
  // codeCache: V8 keeps compiled app code between launches, so a cold start parses less.
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

let mainWindow: BrowserWindow | null = null;
let supervisorWindow: BrowserWindow | null = null;
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

// Starting the app again (its shortcut, a switchboard:// link) brings this one forward, also from the tray.
app.on('second-instance', (_event, argv) => {
  showWindow();
  routeDeepLink(deepLinkInArgs(argv));
});
app.on('open-url', (event, url) => {
  event.preventDefault();
  const link = parseDeepLink(url);
  if (mainWindow) routeDeepLink(link);
  else pendingLink = link;
});
app.on('web-contents-created', (_event, contents) =>
  guardWebContents(contents, { openExternal: (url) => void shell.openExternal(url), log }),
);

void app.whenReady().then(async () => {
  const dataDir = app.getPath('userData');
  const { settings, startup, managed, localServer, updates } = await startManaged({
    dataDir,
    localServerModule: LOCAL_SERVER_MODULE,
    logger,
    policy: managedPolicy,
  });
  const sessions = new SessionStore(dataDir, safeStorage, (message) => log(message));
  const caches = new CacheRegistry(path.join(dataDir, 'caches'));
  const windowChoices = { devTools: startup.allowDevTools, icon: path.join(ICONS, WINDOW_ICON) };
  const policy = new NotificationPolicy();

  // The page may connect to the stored session's server, the one chosen at login, the
  // organization's, and this computer's.
  const origins = new ServerOrigins(() => [
    sessions.load()?.serverUrl,
    settings.load().serverUrl,
    startup.serverUrl,
    startup.allowLocalServer ? localServer.origin() : null,
  ]);
  serveAppProtocol(protocol, RENDERER_ROOT, (isDocument) => origins.forResponse(isDocument));
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permissionAllowed(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));

  /** The supervisor window: same secure options (D1) and guards (D6, via web-contents-created), one at a time. */
  const openSupervisorWindow = () => {
    if (supervisorWindow) {
      if (supervisorWindow.isMinimized()) supervisorWindow.restore();
      supervisorWindow.focus();
      return;
    }
    const win = new BrowserWindow(supervisorWindowOptions(PRELOAD, windowChoices));
    supervisorWindow = win;
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      supervisorWindow = null;
    });
    void win.loadURL(SUPERVISOR_ENTRY);
  };
  const canSupervise = () => {
    const role = sessions.load()?.user.role;
    return role === 'supervisor' || role === 'admin';
  };
  const tray = createTray(
    { iconsDir: ICONS, locale: () => settings.load().locale, canSupervise },
    {
      show: showWindow,
      openSupervisor: () => canSupervise() && openSupervisorWindow(),
      setStatus: (status) => push('tray:status', { status }),
      quit: () => app.quit(),
    },
  );
  const loginItem: LoginItemHost = {
    platform: process.platform,
    setLoginItemSettings: (item) => app.setLoginItemSettings(item),
    linux: new LinuxAutostart(
      xdgConfigHome(process.env, app.getPath('home')),
      process.env.APPIMAGE ?? process.execPath,
    ),
  };
  // A development run (`electron dist/main/index.js`) would register the bare Electron binary.
  const applySettings = (saved: Settings) => {
    if (app.isPackaged) applyOpenAtLogin(loginItem, saved.openAtLogin);
  };
  applySettings(settings.load());
  const host = electronHost(
    { window: () => mainWindow, tray, iconsDir: ICONS, applySettings },
    {
      showWorkbench: showWindow,
      notificationClicked: (conversationId) => push('notification:clicked', { conversationId }),
      showConversation: (conversationId) => push('workbench:show-conversation', { conversationId }),
      openSupervisorWindow,
    },
  );
  const handlers = createHandlers({
    caches,
    sessions,
    settings,
    policy,
    host,
    managed,
    updates,
    localServer,
    origins,
  });
  registerIpc(ipcMain, createDispatcher({ handlers, trustedOrigins: [APP_ORIGIN], log }));
  // No default menu: its Ctrl+W / Ctrl+R would close or reload the window instead of a tab.
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      process.platform === 'darwin' ? [{ role: 'appMenu' }, { role: 'editMenu' }] : [{ role: 'editMenu' }],
    ),
  );

  mainWindow = new BrowserWindow(workbenchWindowOptions(PRELOAD, windowChoices));
  // Started with the computer's sign-in: in the tray until the agent asks for the window.
  const hidden = startedAtLogin(
    process.argv,
    process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin,
  );
  mainWindow.once('ready-to-show', () => {
    if (!hidden) mainWindow?.show();
  });
  mainWindow.webContents.once('did-finish-load', () => {
    routeDeepLink(pendingLink);
    pendingLink = null;
  });
  keepInTray(mainWindow, {
    settings: () => settings.load(),
    notify: (notification) => host.showNotification(notification),
    show: showWindow,
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
  if (localServer.shouldAutoStart) {
    localServer
      .start(null)
      .catch((error: unknown) => log('local server: autostart failed', { error: String(error) }));
  }
  setTimeout(() => void updates.check(), FIRST_UPDATE_CHECK_MS);
  setInterval(() => void updates.check(), UPDATE_CHECK_INTERVAL_MS);
  // The server on this computer closes its sockets and database before the app exits.
  let serverStopped = false;
  app.on('before-quit', (event) => {
    if (!serverStopped && localServer.status().state === 'running') {
      event.preventDefault();
      serverStopped = true;
      void localServer.stop({ keepAutoStart: true }).finally(() => app.quit());
      return;
    }
    caches.closeAll();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
