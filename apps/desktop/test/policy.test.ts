import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type EffectiveConfig, effectiveConfig } from '../src/main/services/policy/effective-config.js';
import { parseManagedPlist } from '../src/main/services/policy/managed-plist.js';
import {
  type PolicyHost,
  type PolicyIssue,
  readPolicySources,
} from '../src/main/services/policy/policy-sources.js';
import { parseRegQuery } from '../src/main/services/policy/reg-query.js';
import { resolvePolicy } from '../src/main/services/policy/resolve-policy.js';
import { SettingsStore } from '../src/main/services/settings-store.js';
import { Settings } from '../src/shared/settings.js';
import { tempDir } from './support/fakes.js';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', 'policy', name));
const HKLM = 'HKLM\\Software\\Policies\\Switchboard';
const HKCU = 'HKCU\\Software\\Policies\\Switchboard';
const APP_ID = 'org.switchboard.desktop';
const DEFAULTS = { allowDevTools: false, logLevel: 'info' } as const;

/** A machine as the policy reader sees it: files by path, `reg query` output by key. */
function machine(
  platform: NodeJS.Platform,
  files: Record<string, Buffer | string> = {},
  registry: Record<string, string | Error> = {},
): PolicyHost {
  const exePath =
    platform === 'win32'
      ? 'C:\\Program Files\\Switchboard\\Switchboard.exe'
      : platform === 'darwin'
        ? '/Applications/Switchboard.app/Contents/MacOS/Switchboard'
        : '/opt/Switchboard/switchboard';
  return {
    platform,
    exePath,
    appId: APP_ID,
    readFile: (file) => {
      const content = files[file];
      return content === undefined ? null : Buffer.from(content);
    },
    regQuery: async (key) => {
      const output = registry[key];
      if (output instanceof Error) throw output;
      return output ?? null;
    },
  };
}

async function resolveOn(host: PolicyHost, settings: Partial<Settings> = {}) {
  const { sources, issues } = await readPolicySources(host);
  const policy = resolvePolicy(sources, issues);
  return { policy, config: effectiveConfig(policy.values, Settings.parse(settings), DEFAULTS) };
}

const messages = (issues: PolicyIssue[]) => issues.map((i) => `${i.source}: ${i.message}`);

describe('reg query output', () => {
  it('parses names (with spaces), types and data, and skips headers, subkeys and blank lines', () => {
    const values = parseRegQuery(fixture('reg-query-hklm.txt').toString('utf8'));
    expect(Object.fromEntries(values)).toEqual({
      ServerUrl: { type: 'REG_SZ', value: 'https://chat.example.com' },
      AutoUpdate: { type: 'REG_DWORD', value: 0 },
      UpdateChannel: { type: 'REG_SZ', value: 'beta' },
      AllowLocalServer: { type: 'REG_DWORD', value: 0 },
      LogLevel: { type: 'REG_SZ', value: 'verbose' },
      'Proxy Bypass Note': { type: 'REG_SZ', value: 'not a policy, spaces in the name' },
      ProxyBypassList: { type: 'REG_MULTI_SZ', value: ['*.corp.example', 'localhost'] },
      Empty: { type: 'REG_SZ', value: '' },
    });
  });

  it('reads nothing from output without values', () => {
    expect(parseRegQuery('\r\nHKEY_LOCAL_MACHINE\\Software\\Policies\\Switchboard\r\n\r\n').size).toBe(0);
  });
});

describe('Windows: HKLM, then HKCU, then policy.json beside the executable', () => {
  const beside = 'C:\\Program Files\\Switchboard\\policy.json';
  const host = machine(
    'win32',
    { [beside]: JSON.stringify({ UpdateFeedUrl: 'https://updates.example.com/sb', LogLevel: 'error' }) },
    {
      [HKLM]: fixture('reg-query-hklm.txt').toString('utf8'),
      [HKCU]: fixture('reg-query-hkcu.txt').toString('utf8'),
    },
  );

  it('takes each key from the highest source that sets it validly', async () => {
    const { policy, config } = await resolveOn(host, { serverUrl: 'https://mine.example.com' });
    expect(policy.from).toMatchObject({
      ServerUrl: HKLM,
      AutoUpdate: HKLM,
      UpdateChannel: HKLM,
      AllowLocalServer: HKLM,
      AllowDevTools: HKCU,
      UpdateFeedUrl: beside,
    });
    expect(config).toMatchObject<Partial<EffectiveConfig>>({
      serverUrl: 'https://chat.example.com',
      serverUrlLocked: true,
      autoUpdate: false,
      updateChannel: 'beta',
      allowLocalServer: false,
      allowDevTools: true,
      updateFeedUrl: 'https://updates.example.com/sb',
    });
  });

  it("reports HKLM's invalid LogLevel and falls back to the next source's valid one", async () => {
    const { policy, config } = await resolveOn(host);
    expect(config.logLevel).toBe('debug');
    expect(policy.from.LogLevel).toBe(HKCU);
    expect(messages(policy.issues)).toContain(
      `${HKLM}: LogLevel = "verbose" is invalid: expected error, warn, info or debug; ignored`,
    );
  });

  it('reports unknown names and a multi-string where a string belongs', async () => {
    const { policy } = await resolveOn(host);
    expect(messages(policy.issues)).toEqual(
      expect.arrayContaining([
        `${HKLM}: unknown policy key "Proxy Bypass Note"; ignored`,
        `${HKLM}: unknown policy key "Empty"; ignored`,
        `${HKLM}: ProxyBypassList = ["*.corp.example","localhost"] is invalid: expected a string (REG_SZ); ignored`,
      ]),
    );
  });

  it('matches value names without regard to case, as the registry does', async () => {
    const lower =
      '\r\nHKEY_LOCAL_MACHINE\\Software\\Policies\\Switchboard\r\n    autoupdate    REG_DWORD    0x0\r\n';
    const { config, policy } = await resolveOn(machine('win32', {}, { [HKLM]: lower }));
    expect(config.autoUpdate).toBe(false);
    expect(policy.issues).toEqual([]);
  });

  it('keeps going when reg.exe fails: the issue is reported, the other sources apply', async () => {
    const failing = machine(
      'win32',
      { [beside]: '{"AllowLocalServer": false}' },
      { [HKLM]: new Error('spawn reg ENOENT'), [HKCU]: fixture('reg-query-hkcu.txt').toString('utf8') },
    );
    const { policy, config } = await resolveOn(failing);
    expect(messages(policy.issues)).toEqual([`${HKLM}: cannot be read: spawn reg ENOENT; ignored`]);
    expect(config).toMatchObject({ serverUrl: 'https://user-level.example.com', allowLocalServer: false });
  });
});

describe('macOS managed preferences (through the plist parser)', () => {
  const file = `/Library/Managed Preferences/${APP_ID}.plist`;

  it('reads an XML plist: values, locks, and an invalid integer where a boolean belongs', async () => {
    const { policy, config } = await resolveOn(machine('darwin', { [file]: fixture('managed.plist') }));
    expect(config).toMatchObject<Partial<EffectiveConfig>>({
      serverUrl: 'https://chat.example.com',
      serverUrlLocked: true,
      autoUpdate: true,
      updateChannel: 'beta',
      updateFeedUrl: 'https://updates.example.com/switchboard',
      allowDevTools: false,
      proxy: { mode: 'pac_script', pacUrl: 'https://wpad.example.com/proxy.pac', rules: null, bypass: null },
    });
    expect(messages(policy.issues)).toEqual([
      `${file}: AllowDevTools = 3 is invalid: expected a boolean (true/false, or a REG_DWORD 1/0); ignored`,
    ]);
  });

  it('reads a binary plist as MDM writes it', async () => {
    expect(parseManagedPlist(fixture('managed-binary.plist'))).toEqual({
      ServerUrl: 'https://mdm.example.com',
      AutoUpdate: false,
      AllowLocalServer: false,
      LogLevel: 'warn',
      UpdateChannel: 'latest',
    });
    const { config, policy } = await resolveOn(
      machine('darwin', { [file]: fixture('managed-binary.plist') }),
    );
    expect(config).toMatchObject({
      serverUrl: 'https://mdm.example.com',
      autoUpdate: false,
      logLevel: 'warn',
    });
    expect(policy.issues).toEqual([]);
  });

  it('reports a file that is not a plist and runs on defaults', async () => {
    const { policy, config } = await resolveOn(machine('darwin', { [file]: 'ServerUrl=https://x' }));
    expect(policy.issues).toHaveLength(1);
    expect(policy.issues[0]?.source).toBe(file);
    expect(policy.issues[0]?.message).toMatch(/^cannot be read: .+; ignored$/);
    expect(config.serverUrl).toBeNull();
  });
});

describe('Linux: /etc/switchboard/policy.json before policy.json beside the executable', () => {
  it('lets /etc win and fills the rest from beside the executable', async () => {
    const { config, policy } = await resolveOn(
      machine('linux', {
        '/etc/switchboard/policy.json': JSON.stringify({
          ServerUrl: 'https://etc.example.com',
          AutoUpdate: 0,
        }),
        '/opt/Switchboard/policy.json': JSON.stringify({
          ServerUrl: 'https://beside.example.com',
          AllowServerUrlChange: true,
          ProxyMode: 'fixed_servers',
          ProxyServer: 'http=proxy.corp:3128;https=proxy.corp:3128',
          ProxyBypassList: '<local>;*.corp',
        }),
      }),
      { serverUrl: 'https://users-choice.example.com' },
    );
    expect(policy.issues).toEqual([]);
    // AllowServerUrlChange: the policy URL is only a suggestion, the user's own choice wins.
    expect(config).toMatchObject<Partial<EffectiveConfig>>({
      serverUrl: 'https://users-choice.example.com',
      serverUrlLocked: false,
      autoUpdate: false,
      proxy: {
        mode: 'fixed_servers',
        pacUrl: null,
        rules: 'http=proxy.corp:3128;https=proxy.corp:3128',
        bypass: '<local>;*.corp',
      },
    });
  });

  it('reports a damaged file and one that is not an object, without crashing', async () => {
    const { policy, config } = await resolveOn(
      machine('linux', {
        '/etc/switchboard/policy.json': '{"ServerUrl": "https://etc.example.com",',
        '/opt/Switchboard/policy.json': '["AutoUpdate", false]',
      }),
    );
    expect(messages(policy.issues)).toEqual([
      expect.stringMatching(
        /^\/etc\/switchboard\/policy.json: cannot be read: not valid JSON \(.+\); ignored$/,
      ),
      '/opt/Switchboard/policy.json: cannot be read: must be a JSON object of policy keys; ignored',
    ]);
    expect(config.autoUpdate).toBe(true);
  });

  it('with no source at all: defaults, no issues', async () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const { policy, config } = await resolveOn(machine(platform));
      expect(policy).toEqual({ values: {}, from: {}, issues: [] });
      expect(config).toEqual<EffectiveConfig>({
        serverUrl: null,
        serverUrlLocked: false,
        autoUpdate: true,
        updateChannel: 'latest',
        updateFeedUrl: null,
        allowLocalServer: true,
        allowDevTools: false,
        logLevel: 'info',
        proxy: { mode: 'system', pacUrl: null, rules: null, bypass: null },
      });
    }
  });
});

describe('every invalid value is named, ignored, and the default applies', () => {
  const defaults = effectiveConfig({}, Settings.parse({}), DEFAULTS);
  const cases: Array<[string, unknown, string]> = [
    ['ServerUrl', 'chat.example.com', 'expected an http:// or https:// URL'],
    ['ServerUrl', 'javascript:alert(1)', 'expected an http:// or https:// URL'],
    ['AllowServerUrlChange', 'yes', 'expected a boolean'],
    ['AutoUpdate', 2, 'expected a boolean'],
    ['UpdateChannel', 'nightly', 'expected one of latest, beta'],
    ['UpdateFeedUrl', 'http://updates.example.com/', 'must be an https:// URL'],
    ['UpdateFeedUrl', 42, 'expected an http:// or https:// URL'],
    ['AllowLocalServer', 'false', 'expected a boolean'],
    ['AllowDevTools', null, 'expected a boolean'],
    ['LogLevel', 'trace', 'expected error, warn, info or debug'],
    ['ProxyMode', 'socks', 'expected system, direct'],
    ['ProxyPacUrl', 'ftp://wpad/proxy.pac', 'expected an http(s):// or file:// URL'],
    ['ProxyServer', '   ', 'must not be empty'],
    ['ProxyBypassList', ['a', 'b'], 'expected a string'],
  ];
  it.each(cases)('%s = %j', async (key, value, reason) => {
    const file = '/etc/switchboard/policy.json';
    const { policy, config } = await resolveOn(
      machine('linux', { [file]: JSON.stringify({ [key]: value }) }),
    );
    expect(policy.issues).toHaveLength(1);
    expect(policy.issues[0]).toMatchObject({ source: file, key });
    expect(policy.issues[0]?.message).toContain(`${key} = ${JSON.stringify(value)} is invalid: `);
    expect(policy.issues[0]?.message).toContain(reason);
    expect(policy.values).toEqual({});
    expect(config).toEqual(defaults);
  });

  it('a proxy mode without the URL or server it needs is ignored: the system proxy stays', async () => {
    const { policy, config } = await resolveOn(
      machine('linux', { '/etc/switchboard/policy.json': '{"ProxyMode": "pac_script"}' }),
    );
    expect(messages(policy.issues)).toEqual([
      '/etc/switchboard/policy.json: ProxyMode = "pac_script" needs ProxyPacUrl, which is not set; ignored (the system proxy is used)',
    ]);
    expect(config.proxy.mode).toBe('system');
  });

  it('accepts http:// for an update feed on this machine only', async () => {
    const { policy } = await resolveOn(
      machine('linux', { '/etc/switchboard/policy.json': '{"UpdateFeedUrl": "http://127.0.0.1:8080/feed"}' }),
    );
    expect(policy.values.UpdateFeedUrl).toBe('http://127.0.0.1:8080/feed');
  });
});

describe('locked settings', () => {
  it('read as the policy value, and saving keeps the user’s own value underneath', () => {
    const dir = tempDir();
    new SettingsStore(dir).save(Settings.parse({ autoUpdate: true, updateChannel: 'beta', theme: 'dark' }));
    const locked = new SettingsStore(dir, { autoUpdate: false, serverUrl: 'https://chat.example.com' });
    expect(locked.locked).toEqual(['autoUpdate', 'serverUrl']);
    expect(locked.load()).toMatchObject({
      autoUpdate: false,
      serverUrl: 'https://chat.example.com',
      theme: 'dark',
    });

    const saved = locked.save({
      ...locked.load(),
      autoUpdate: true,
      serverUrl: 'https://evil.example',
      theme: 'light',
    });
    expect(saved).toMatchObject({ autoUpdate: false, serverUrl: 'https://chat.example.com', theme: 'light' });
    // Without the policy, the user's earlier choices are back; the locked values never reached the file.
    expect(new SettingsStore(dir).load()).toMatchObject({
      autoUpdate: true,
      updateChannel: 'beta',
      serverUrl: '',
      theme: 'light',
    });
  });
});
