import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { app, session } from 'electron';
import { APP_ID, PRODUCT_NAME } from './app-identity.js';
import { spawnUtilityProcess } from './local-server-process.js';
import { LocalServer } from './services/local-server/local-server.js';
import type { Logger } from './services/logger.js';
import { effectiveConfig } from './services/policy/effective-config.js';
import { loadPolicy, ManagedPolicy } from './services/policy/managed-policy.js';
import { nodePolicyHost } from './services/policy/node-policy-host.js';
import { proxySettings } from './services/policy/proxy-settings.js';
import type { ResolvedPolicy } from './services/policy/resolve-policy.js';
import { SettingsStore } from './services/settings-store.js';
import { buildFeedUrl } from './services/updates/build-feed.js';
import { detectInstallKind } from './services/updates/install-kind.js';
import { decideUpdates } from './services/updates/update-decision.js';
import { UpdateService } from './services/updates/update-service.js';
import { electronUpdater } from './updater.js';
import { APP_ORIGIN } from './windows.js';

/** electron-updater's own network session (electronHttpExecutor NET_SESSION_NAME). */
const UPDATER_SESSION = 'electron-updater';

const readOrNull = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : null);

/** Policy is read while Electron starts (reg.exe, files): it does not need the app to be ready. */
export function readManagedPolicy(): Promise<ResolvedPolicy> {
  return loadPolicy(
    nodePolicyHost({ platform: process.platform, exePath: app.getPath('exe'), appId: APP_ID }),
  );
}

/**
 * Managed policy and what hangs on it: settings with their locks, proxy, log level, the local
 * server and updates. Runs once at start, before any window exists.
 */
export async function startManaged(options: {
  dataDir: string;
  localServerModule: string;
  logger: Logger;
  policy: Promise<ResolvedPolicy>;
}) {
  const { dataDir, logger } = options;
  const resolved = await options.policy;
  const settings = new SettingsStore(dataDir, new ManagedPolicy(resolved).locks);
  const config = () =>
    effectiveConfig(resolved.values, settings.load(), {
      allowDevTools: !app.isPackaged,
      logLevel: app.isPackaged ? 'warn' : 'info',
    });
  const startup = config();
  logger.setLevel(startup.logLevel);
  for (const issue of resolved.issues) logger.error(`policy: ${issue.message}`, { source: issue.source });
  logger.info('policy: resolved', { from: resolved.from });

  const proxy = proxySettings(startup.proxy);
  await session.defaultSession.setProxy(proxy);
  await session.fromPartition(UPDATER_SESSION, { cache: false }).setProxy(proxy);

  const localServer = new LocalServer({
    directory: path.join(dataDir, 'local-server'),
    modulePath: options.localServerModule,
    spawn: spawnUtilityProcess,
    allowed: startup.allowLocalServer,
    workbenchOrigins: [APP_ORIGIN],
    logLevel: startup.logLevel,
    log: logger.warn,
  });
  const managed = new ManagedPolicy(resolved, () => (startup.allowLocalServer ? localServer.origin() : null));

  const kind = detectInstallKind({
    platform: process.platform,
    isPackaged: app.isPackaged,
    exePath: app.getPath('exe'),
    productName: PRODUCT_NAME,
    resourcesPath: process.resourcesPath,
    env: process.env,
    exists: existsSync,
    readFile: readOrNull,
  });
  const feedFromBuild = buildFeedUrl(readOrNull(path.join(process.resourcesPath, 'app-update.yml')));
  const updates = new UpdateService(
    () =>
      decideUpdates({
        kind,
        config: config(),
        autoUpdateLocked: managed.locks.autoUpdate !== undefined,
        buildFeedUrl: feedFromBuild,
      }),
    electronUpdater(logger),
    { autoDownload: true, log: logger.warn },
  );
  logger.info('updates: install kind', { kind, status: updates.status() });
  return { settings, startup, managed, localServer, updates };
}
