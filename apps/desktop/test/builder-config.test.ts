import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { load } from 'js-yaml';
import { minimatch } from 'minimatch';
import { parse } from 'plist';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, PRODUCT_NAME, PROTOCOL_SCHEME } from '../src/main/app-identity.js';
import { badgeIcon, ICONS_DIR, trayIcon, WINDOW_ICON } from '../src/shared/app-icons.js';

/**
 * electron-builder.yml, loaded and validated by electron-builder's own code (app-builder-lib's
 * getConfig + validateConfiguration against its scheme.json); packaging itself needs the Electron
 * binary and runs in the release workflow only.
 */
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<Config>;
  validateConfiguration(config: Config, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

type Config = Record<string, unknown> & {
  appId: string;
  productName: string;
  electronFuses: Record<string, boolean>;
  asarUnpack: string[];
  protocols: Array<{ schemes: string[] }>;
  msi: { upgradeCode: string; perMachine: boolean; runAfterFinish: boolean };
  nsis: { oneClick: boolean; perMachine: boolean; allowElevation: boolean };
  win: { target: Array<{ target: string }>; verifyUpdateCodeSignature: boolean };
  mac: {
    target: Array<{ target: string }>;
    hardenedRuntime: boolean;
    notarize: boolean;
    entitlements: string;
    entitlementsInherit: string;
  };
  linux: { target: string[] };
  publish: { provider: string; url: string };
  npmRebuild: boolean;
  files: unknown;
  extraMetadata: { main: string };
};

const ROOT = path.join(import.meta.dirname, '..', '..', '..');
const validate = (config: Config) => validateConfiguration(config, new DebugLogger(false));
let config: Config;

beforeAll(async () => {
  config = await getConfig(ROOT, 'electron-builder.yml', null);
});

describe("electron-builder.yml against electron-builder's schema", () => {
  it('is valid', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('the validator does reject a wrong config (so "valid" means something)', async () => {
    await expect(
      validate({ ...config, nsis: { ...config.nsis, perMachine: 'yes' as never } }),
    ).rejects.toThrow(/nsis\.perMachine should be a boolean/);
    await expect(
      validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } }),
    ).rejects.toThrow(/configuration\.electronFuses/);
  });
});

describe('what IT and SECURITY need from the packaging config', () => {
  it('fixes the app id, name and switchboard:// protocol the app itself uses', () => {
    expect(config.appId).toBe(APP_ID);
    // NSIS names its uninstaller after the product; the updater looks for it (install-kind.ts).
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(config.protocols.flatMap((p) => p.schemes)).toEqual([PROTOCOL_SCHEME]);
    expect(config.extraMetadata.main).toBe('dist/main/index.js');
  });

  it('sets the Electron fuses of SECURITY D10', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('builds NSIS with the per-user / per-machine choice and a per-machine MSI with a fixed upgrade code', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(config.msi.perMachine).toBe(true);
    expect(config.msi.upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    // GPO installs run as SYSTEM: the app must not start from the installer.
    expect(config.msi.runAfterFinish).toBe(false);
    expect(config.win.verifyUpdateCodeSignature).toBe(true);
  });

  it('signs macOS builds with the hardened runtime, minimal entitlements and notarization', () => {
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg', 'zip']);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements);
    const entitlements = parse(readFileSync(path.join(ROOT, config.mac.entitlements), 'utf8'));
    expect(entitlements).toEqual({ 'com.apple.security.cs.allow-jit': true });
  });

  it('builds AppImage, deb and rpm, and publishes to a generic feed', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb', 'rpm']);
    expect(config.publish.provider).toBe('generic');
    expect(new URL(config.publish.url).protocol).toBe('https:');
  });

  it("rebuilds better-sqlite3 for Electron and unpacks it, its loader, and the server's workers", () => {
    expect(config.npmRebuild).toBe(true);
    const unpacked = (file: string) =>
      config.asarUnpack.some((pattern) => minimatch(file, pattern, { dot: true }));
    expect(unpacked('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    expect(unpacked('node_modules/better-sqlite3/lib/database.js')).toBe(true);
    expect(unpacked('node_modules/bindings/bindings.js')).toBe(true);
    for (const worker of ['checkpoint.cjs', 'mail-decoder.cjs', 'read-thread.mjs', 'read-worker.mjs']) {
      expect(unpacked(`dist/server/workers/${worker}`)).toBe(true);
    }
    expect(unpacked('dist/main/index.js')).toBe(false);
    expect(JSON.stringify(config.files)).toContain('"dist/**"');
  });

  it("gives the installers the app's icon and packs the tray's and the taskbar badge's images", () => {
    // electron-builder makes each platform's .ico/.icns from build/icon.png; macOS needs 512 px.
    const directories = config.directories as { buildResources: string };
    const icon = PNG.sync.read(readFileSync(path.join(ROOT, directories.buildResources, 'icon.png')));
    expect(Math.min(icon.width, icon.height)).toBeGreaterThanOrEqual(512);
    const { files } = load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as {
      files: string[];
    };
    for (const name of [trayIcon('online', 1), badgeIcon(3), WINDOW_ICON]) {
      const file = `dist/web/${ICONS_DIR}/${name}`;
      // electron-builder's rule: the last pattern that matches decides ("!" excludes).
      const last = files
        .filter((pattern) => minimatch(file, pattern.replace(/^!/, ''), { dot: true }))
        .at(-1);
      expect(last, file).toBe('dist/**');
    }
  });

  it('keeps signing secrets out of the repository', () => {
    const raw = load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<
      string,
      unknown
    >;
    const text = JSON.stringify(raw);
    for (const key of ['cscLink', 'cscKeyPassword', 'azureSignOptions', 'certificatePassword', 'appleId']) {
      expect(text).not.toContain(key);
    }
  });
});

describe('the release workflow', () => {
  type Step = { name?: string; run?: string; env?: Record<string, string> };
  const workflow = load(readFileSync(path.join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as {
    jobs: {
      package: { strategy: { matrix: { include: Array<{ os: string }> } }; steps: Step[] };
      publish: { steps: Step[] };
    };
  };
  const steps = workflow.jobs.package.steps;

  it('packages on Windows, macOS and Linux runners, after rebuilding native modules for Electron', () => {
    expect(workflow.jobs.package.strategy.matrix.include.map((m) => m.os)).toEqual([
      'windows-latest',
      'macos-latest',
      'ubuntu-latest',
    ]);
    const runs = steps.map((s) => s.run ?? '');
    const rebuild = runs.findIndex((r) => r.includes('electron-builder install-app-deps'));
    const pack = runs.findIndex((r) => r.includes('npx electron-builder "$' + '{args[@]}"'));
    expect(runs.findIndex((r) => r.includes('npm run build'))).toBeLessThan(rebuild);
    expect(rebuild).toBeLessThan(pack);
    expect(runs[pack]).toContain('--publish never');
  });

  it('takes signing material from secrets through the environment only', () => {
    const text = readFileSync(path.join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8');
    const secretUses = [...text.matchAll(/^\s*(\w+): \$\{\{ secrets\.(\w+) \}\}$/gm)].map((m) => m[1]);
    expect(secretUses).toEqual(
      expect.arrayContaining([
        'CSC_LINK',
        'WIN_CSC_LINK',
        'APPLE_ID',
        'APPLE_APP_SPECIFIC_PASSWORD',
        'APPLE_TEAM_ID',
      ]),
    );
    // Every secret is an env entry, never spliced into a command line.
    expect(text.match(/\$\{\{ secrets\./g)?.length).toBe(secretUses.length);
  });

  it('publishes the installers together with the update channel files', () => {
    const upload = steps.find((s) => (s as { uses?: string }).uses?.startsWith('actions/upload-artifact'));
    const paths = (upload as { with: { path: string } }).with.path;
    for (const pattern of [
      '*.exe',
      '*.msi',
      '*.dmg',
      '*.zip',
      '*.AppImage',
      '*.deb',
      '*.rpm',
      'latest*.yml',
    ]) {
      expect(paths).toContain(`apps/desktop/release/${pattern}`);
    }
  });
});
