import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { effectiveConfig, settingsLocks } from '../src/main/services/policy/effective-config.js';
import { resolvePolicy } from '../src/main/services/policy/resolve-policy.js';
import { buildFeedUrl } from '../src/main/services/updates/build-feed.js';
import {
  detectInstallKind,
  type InstallFacts,
  type InstallKind,
} from '../src/main/services/updates/install-kind.js';
import { decideUpdates, type UpdateDecision } from '../src/main/services/updates/update-decision.js';
import { type UpdaterPort, UpdateService } from '../src/main/services/updates/update-service.js';
import { Settings } from '../src/shared/settings.js';
import { tempDir } from './support/fakes.js';
import { nodeUpdater } from './support/node-updater.js';

/** A self-hosted generic feed: channel files as electron-builder publishes them, every request recorded. */
const feed = { requests: [] as string[], stagingPercentage: null as number | null };
let server: Server;
let feedUrl: string;

const channelFile = (version: string, stagingPercentage: number | null) =>
  [
    `version: ${version}`,
    'files:',
    `  - url: Switchboard-Setup-${version}.exe`,
    '    sha512: 7Bx5nTfO3gYbx9yOgR5pXG1I3Hm1o5t3y3pS6Cq1mV5a1Kk0xw1j3ZqvK2m4B2cQ0yZ0aH8m9l3Zr4k2t1Q==',
    '    size: 104857600',
    `path: Switchboard-Setup-${version}.exe`,
    'sha512: 7Bx5nTfO3gYbx9yOgR5pXG1I3Hm1o5t3y3pS6Cq1mV5a1Kk0xw1j3ZqvK2m4B2cQ0yZ0aH8m9l3Zr4k2t1Q==',
    "releaseDate: '2026-11-01T10:00:00.000Z'",
    ...(stagingPercentage === null ? [] : [`stagingPercentage: ${stagingPercentage}`]),
  ].join('\n');

beforeAll(async () => {
  server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://feed').pathname;
    feed.requests.push(pathname);
    // latest.yml, latest-mac.yml, latest-linux.yml …: the platform suffix is electron-updater's choice.
    const body = /^\/latest[\w-]*\.yml$/.test(pathname)
      ? channelFile('2.0.0', feed.stagingPercentage)
      : /^\/beta[\w-]*\.yml$/.test(pathname)
        ? channelFile('2.1.0-beta.1', feed.stagingPercentage)
        : null;
    // One connection per check, as electron-updater gets from Electron's net module in the app: over
    // Node's keep-alive agent its client adds a timeout listener per request to the one socket.
    response.writeHead(body === null ? 404 : 200, { 'content-type': 'text/yaml', connection: 'close' });
    response.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  feed.requests = [];
  feed.stagingPercentage = null;
});

/** Policy (as a policy.json would hold it) + user settings → the decision → the service on a real updater. */
function serviceFor(options: {
  policy?: Record<string, unknown>;
  settings?: Partial<Settings>;
  kind?: InstallKind;
  stagingId?: string;
}) {
  const policy = resolvePolicy([
    { name: 'policy.json', values: { UpdateFeedUrl: feedUrl, ...options.policy } },
  ]);
  expect(policy.issues).toEqual([]);
  const settings = Settings.parse(options.settings ?? {});
  const config = effectiveConfig(policy.values, settings, { allowDevTools: false, logLevel: 'info' });
  const decision = decideUpdates({
    kind: options.kind ?? 'nsis',
    config,
    autoUpdateLocked: settingsLocks(policy.values).autoUpdate !== undefined,
    buildFeedUrl: null,
  });
  const userData = tempDir('switchboard-updates-');
  if (options.stagingId) writeFileSync(path.join(userData, '.updaterId'), options.stagingId);
  let created = 0;
  const service = new UpdateService(
    () => decision,
    () => {
      created++;
      return nodeUpdater(userData);
    },
    { autoDownload: false, log: () => undefined },
  );
  return { service, decision, created: () => created };
}

describe('updates against a local generic feed', () => {
  it('finds a newer version on the latest channel (the control for the "never checks" cases)', async () => {
    const { service } = serviceFor({});
    expect(await service.check()).toEqual({ state: 'available', version: '2.0.0' });
    expect(feed.requests).toHaveLength(1);
    expect(feed.requests[0]).toMatch(/^\/latest[\w-]*\.yml$/);
  });

  it('AutoUpdate off by policy: never checks, not a single request reaches the feed', async () => {
    const { service, decision, created } = serviceFor({ policy: { AutoUpdate: false } });
    expect(decision).toEqual({ check: false, reason: 'disabled-by-policy' });
    expect(await service.check()).toEqual({ state: 'off', reason: 'disabled-by-policy' });
    expect(created()).toBe(0);
    expect(feed.requests).toEqual([]);
  });

  it('an MSI install never checks, whatever the policy says', async () => {
    const { service, created } = serviceFor({ kind: 'msi', policy: { AutoUpdate: true } });
    expect(await service.check()).toEqual({ state: 'off', reason: 'managed-install' });
    expect(created()).toBe(0);
    expect(feed.requests).toEqual([]);
  });

  it('off by the user when no policy fixes it', async () => {
    const { service } = serviceFor({ settings: { autoUpdate: false } });
    expect(await service.check()).toEqual({ state: 'off', reason: 'disabled-by-user' });
    expect(feed.requests).toEqual([]);
  });

  it('stagingPercentage 0: the release is not offered; 100: it is', async () => {
    feed.stagingPercentage = 0;
    expect(await serviceFor({}).service.check()).toEqual({ state: 'up-to-date' });
    feed.stagingPercentage = 100;
    expect(await serviceFor({}).service.check()).toEqual({ state: 'available', version: '2.0.0' });
    expect(feed.requests).toHaveLength(2);
  });

  it('a partial rollout offers the release to the machines whose staging id falls inside it', async () => {
    // electron-updater places a machine at (last 4 bytes of its staging id) / 0xffffffff.
    const atQuarter = '8f2a6c1e-3b4d-4e5f-8a9b-000040000000';
    feed.stagingPercentage = 20;
    expect(await serviceFor({ stagingId: atQuarter }).service.check()).toEqual({ state: 'up-to-date' });
    feed.stagingPercentage = 30;
    expect(await serviceFor({ stagingId: atQuarter }).service.check()).toEqual({
      state: 'available',
      version: '2.0.0',
    });
  });

  it('a policy-pinned beta channel reads beta.yml', async () => {
    const { service } = serviceFor({ policy: { UpdateChannel: 'beta' } });
    expect(await service.check()).toEqual({ state: 'available', version: '2.1.0-beta.1' });
    expect(feed.requests).toHaveLength(1);
    expect(feed.requests[0]).toMatch(/^\/beta[\w-]*\.yml$/);
  });

  it("the policy's channel wins over the user's", async () => {
    const { service } = serviceFor({
      policy: { UpdateChannel: 'latest' },
      settings: { updateChannel: 'beta' },
    });
    await service.check();
    expect(feed.requests[0]).toMatch(/^\/latest/);
  });

  it('a feed that does not answer is an error status, never a crash', async () => {
    const broken = new UpdateService(
      () => ({ check: true, feedUrl: `${feedUrl}missing/`, channel: 'latest' }),
      () => nodeUpdater(tempDir('switchboard-updates-')),
      { autoDownload: false, log: () => undefined },
    );
    const status = await broken.check();
    expect(status).toMatchObject({ state: 'error' });
    expect(feed.requests).toHaveLength(1);
    expect(feed.requests[0]).toMatch(/^\/missing\/latest[\w-]*\.yml$/);
  });
});

describe('the update decision', () => {
  const config = { autoUpdate: true, updateChannel: 'latest', updateFeedUrl: null } as const;
  it.each<[InstallKind, string]>([
    ['development', 'not-packaged'],
    ['msi', 'managed-install'],
    ['deb', 'managed-install'],
    ['rpm', 'managed-install'],
    ['unknown', 'managed-install'],
  ])('%s → off (%s)', (kind, reason) => {
    expect(
      decideUpdates({ kind, config, autoUpdateLocked: false, buildFeedUrl: 'https://u.example/' }),
    ).toEqual({
      check: false,
      reason,
    });
  });

  it("uses the build's feed unless policy names one; a placeholder feed means no updates", () => {
    const base = { kind: 'mac' as const, autoUpdateLocked: false };
    expect(decideUpdates({ ...base, config, buildFeedUrl: 'https://u.example/sb' })).toEqual({
      check: true,
      feedUrl: 'https://u.example/sb',
      channel: 'latest',
    });
    expect(
      decideUpdates({
        ...base,
        config: { ...config, updateFeedUrl: 'https://it.example/sb' },
        buildFeedUrl: 'https://u.example/sb',
      }),
    ).toMatchObject({ feedUrl: 'https://it.example/sb' });
    expect(decideUpdates({ ...base, config, buildFeedUrl: 'https://updates.switchboard.invalid/' })).toEqual({
      check: false,
      reason: 'no-feed',
    });
    expect(decideUpdates({ ...base, config, buildFeedUrl: null })).toEqual({
      check: false,
      reason: 'no-feed',
    });
  });

  it('reads the generic feed electron-builder wrote into app-update.yml', () => {
    expect(
      buildFeedUrl(
        'provider: generic\nurl: https://u.example/sb\nupdaterCacheDirName: switchboard-updater\n',
      ),
    ).toBe('https://u.example/sb');
    expect(buildFeedUrl('provider: github\nowner: x\n')).toBeNull();
    expect(buildFeedUrl(': : :')).toBeNull();
    expect(buildFeedUrl(null)).toBeNull();
  });
});

describe('how this copy was installed', () => {
  const facts = (overrides: Partial<InstallFacts>): InstallFacts => ({
    platform: 'win32',
    isPackaged: true,
    exePath: 'C:\\Program Files\\Switchboard\\Switchboard.exe',
    productName: 'Switchboard',
    resourcesPath: '/opt/Switchboard/resources',
    env: {},
    exists: () => false,
    readFile: () => null,
    ...overrides,
  });

  it('Windows: NSIS when its uninstaller sits beside the app, MSI otherwise', () => {
    const nsisUninstaller = 'C:\\Program Files\\Switchboard\\Uninstall Switchboard.exe';
    expect(detectInstallKind(facts({ exists: (file) => file === nsisUninstaller }))).toBe('nsis');
    expect(detectInstallKind(facts({}))).toBe('msi');
  });

  it('Linux: AppImage from $APPIMAGE, deb/rpm from resources/package-type', () => {
    const linux = { platform: 'linux' as const, exePath: '/opt/Switchboard/switchboard' };
    expect(detectInstallKind(facts({ ...linux, env: { APPIMAGE: '/home/a/Switchboard.AppImage' } }))).toBe(
      'appimage',
    );
    const typed = (type: string) => (file: string) =>
      file === '/opt/Switchboard/resources/package-type' ? `${type}\n` : null;
    expect(detectInstallKind(facts({ ...linux, readFile: typed('deb') }))).toBe('deb');
    expect(detectInstallKind(facts({ ...linux, readFile: typed('rpm') }))).toBe('rpm');
    expect(detectInstallKind(facts({ ...linux }))).toBe('unknown');
  });

  it('macOS is updatable; an unpackaged run is development', () => {
    expect(detectInstallKind(facts({ platform: 'darwin' }))).toBe('mac');
    expect(detectInstallKind(facts({ isPackaged: false }))).toBe('development');
  });
});

describe('restarting now to install a downloaded update', () => {
  /** electron-updater's side as a recording double: a check that finds 2.0.0 and downloads it. */
  function recordingUpdater(download: Promise<void>) {
    const installs: Array<[boolean | undefined, boolean | undefined]> = [];
    const updater = {
      autoDownload: false,
      allowDowngrade: false,
      channel: null as string | null,
      setFeedURL: () => undefined,
      checkForUpdates: async () => ({
        isUpdateAvailable: true,
        updateInfo: { version: '2.0.0' },
        downloadPromise: download.then(() => ['/tmp/Switchboard-Setup-2.0.0.exe']),
      }),
      quitAndInstall: (isSilent?: boolean, isForceRunAfter?: boolean) => {
        installs.push([isSilent, isForceRunAfter]);
      },
    };
    return { updater: updater as unknown as UpdaterPort, installs };
  }
  const on: UpdateDecision = { check: true, feedUrl: 'https://updates.example.com/', channel: 'latest' };

  it('installs and relaunches only once the update is downloaded', async () => {
    let finish: () => void = () => undefined;
    const download = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const { updater, installs } = recordingUpdater(download);
    const service = new UpdateService(
      () => on,
      () => updater,
      { autoDownload: true, log: () => undefined },
    );
    expect(service.installNow()).toEqual({ restarting: false });
    expect(await service.check()).toEqual({ state: 'available', version: '2.0.0' });
    expect(service.installNow()).toEqual({ restarting: false });
    finish();
    await download;
    await new Promise((resolve) => setImmediate(resolve));
    expect(service.status()).toEqual({ state: 'downloaded', version: '2.0.0' });
    expect(service.installNow()).toEqual({ restarting: true });
    // Not silent (the installer shows its progress), and the new version starts after.
    expect(installs).toEqual([[false, true]]);
  });

  it('does nothing once updates were turned off, though one had been downloaded', async () => {
    const { updater, installs } = recordingUpdater(Promise.resolve());
    let decision: UpdateDecision = on;
    const service = new UpdateService(
      () => decision,
      () => updater,
      { autoDownload: true, log: () => undefined },
    );
    await service.check();
    await new Promise((resolve) => setImmediate(resolve));
    expect(service.status().state).toBe('downloaded');
    decision = { check: false, reason: 'disabled-by-user' };
    expect(service.installNow()).toEqual({ restarting: false });
    expect(installs).toEqual([]);
  });
});
