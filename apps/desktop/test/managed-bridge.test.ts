import { describe, expect, it } from 'vitest';
import { BridgeCallRejected, createDispatcher } from '../src/main/ipc-dispatch.js';
import { createLogger } from '../src/main/services/logger.js';
import { proxySettings } from '../src/main/services/policy/proxy-settings.js';
import { resolvePolicy } from '../src/main/services/policy/resolve-policy.js';
import { APP_ORIGIN } from '../src/main/windows.js';
import { Settings } from '../src/shared/settings.js';
import { mainServices, tempDir } from './support/fakes.js';

const FROM_APP = `${APP_ORIGIN}/index.html`;
const user = {
  id: crypto.randomUUID(),
  email: 'alice@example.com',
  name: 'Alice',
  role: 'agent' as const,
  teamIds: [],
};

function setup(values: Record<string, unknown> = {}) {
  const spawned: string[] = [];
  const main = mainServices(tempDir(), {
    policy: resolvePolicy([{ name: 'HKLM\\Software\\Policies\\Switchboard', values }]),
    localServer: {
      spawn: (modulePath) => {
        spawned.push(modulePath);
        throw new Error('not in this test');
      },
    },
  });
  const logged: string[] = [];
  const dispatch = createDispatcher({
    handlers: main.handlers,
    trustedOrigins: [APP_ORIGIN],
    log: (message) => logged.push(message),
  });
  return { ...main, dispatch, logged, spawned };
}

describe('managed policy through the bridge', () => {
  it('policy:load names the locked settings and the ignored values', async () => {
    const { dispatch } = setup({ ServerUrl: 'https://chat.example.com', AutoUpdate: 0, LogLevel: 'chatty' });
    expect(await dispatch('policy:load', FROM_APP, {})).toEqual({
      locked: ['serverUrl', 'autoUpdate'],
      serverUrl: 'https://chat.example.com',
      serverUrlLocked: true,
      issues: [
        'HKLM\\Software\\Policies\\Switchboard: LogLevel = "chatty" is invalid: expected error, warn, info or debug; ignored',
      ],
    });
  });

  it('settings:save cannot change a locked setting', async () => {
    const { dispatch } = setup({ AutoUpdate: 0, UpdateChannel: 'latest' });
    const saved = await dispatch('settings:save', FROM_APP, {
      settings: Settings.parse({ autoUpdate: true, updateChannel: 'beta', theme: 'dark' }),
    });
    expect(saved).toMatchObject({ autoUpdate: false, updateChannel: 'latest', theme: 'dark' });
  });

  it('settings:save cannot undo the start at sign-in or the tray that policy fixed', async () => {
    const { dispatch, host } = setup({ OpenAtLogin: 1, KeepRunningInTray: 0 });
    const saved = await dispatch('settings:save', FROM_APP, {
      settings: Settings.parse({ openAtLogin: false, keepRunningInTray: true }),
    });
    expect(saved).toMatchObject({ openAtLogin: true, keepRunningInTray: false });
    // What the host applies (the login item) is the fixed value, not the request.
    expect(host.savedSettings.at(-1)).toMatchObject({ openAtLogin: true, keepRunningInTray: false });
  });

  it('settings:save hands the saved settings to the host, so the tray redraws in the new language', async () => {
    const { dispatch, host } = setup();
    await dispatch('settings:save', FROM_APP, { settings: Settings.parse({ locale: 'zh-CN' }) });
    expect(host.savedSettings.map((s) => s.locale)).toEqual(['zh-CN']);
  });

  it('a locked server URL is the only server a session can be saved for', async () => {
    const { dispatch, services, logged } = setup({ ServerUrl: 'https://chat.example.com' });
    const session = (serverUrl: string) => ({ serverUrl, user, refreshToken: 'r'.repeat(32) });
    await expect(dispatch('session:save', FROM_APP, session('https://evil.example'))).rejects.toBeInstanceOf(
      BridgeCallRejected,
    );
    expect(logged).toEqual(['bridge: handler failed']);
    expect(services.sessions.load()).toBeNull();
    await dispatch('session:save', FROM_APP, session('https://chat.example.com/'));
    expect(services.sessions.load()?.serverUrl).toBe('https://chat.example.com/');
  });

  it('without a lock, the last server used is remembered for the login screen', async () => {
    const { dispatch, services } = setup();
    await dispatch('session:save', FROM_APP, {
      serverUrl: 'https://b.example/app',
      user,
      refreshToken: 'r'.repeat(32),
    });
    expect(services.settings.load().serverUrl).toBe('https://b.example');
  });
});

describe('the local server through the bridge', () => {
  it.each([
    ['a short password', { firstAdmin: { name: 'O', email: 'o@shop.example', password: 'short' } }],
    ['a bad email', { firstAdmin: { name: 'O', email: 'not-an-email', password: 'long enough pass' } }],
    ['an extra field', { firstAdmin: null, port: 80 }],
  ])('drops %s before anything starts', async (_what, payload) => {
    const { dispatch, logged, spawned } = setup();
    await expect(dispatch('local-server:start', FROM_APP, payload)).rejects.toBeInstanceOf(
      BridgeCallRejected,
    );
    expect(logged).toEqual(['bridge: invalid payload dropped']);
    expect(spawned).toEqual([]);
  });

  it('answers "disabled by policy" and spawns nothing when AllowLocalServer is off', async () => {
    const { dispatch, spawned } = setup({ AllowLocalServer: 0 });
    const result = await dispatch('local-server:start', FROM_APP, {
      firstAdmin: { name: 'Olga', email: 'olga@shop.example', password: 'correct horse battery' },
    });
    expect(result).toMatchObject({
      status: { availability: 'forbidden-by-policy', state: 'stopped' },
      error: { code: 'disabled-by-policy' },
    });
    expect(spawned).toEqual([]);
  });
});

describe('proxy and log level from policy', () => {
  it('maps each proxy mode to what session.setProxy takes', () => {
    const none = { pacUrl: null, rules: null, bypass: null };
    expect(proxySettings({ mode: 'system', ...none })).toEqual({ mode: 'system' });
    expect(proxySettings({ mode: 'direct', ...none })).toEqual({ mode: 'direct' });
    expect(proxySettings({ mode: 'pac_script', ...none, pacUrl: 'https://wpad/p.pac' })).toEqual({
      mode: 'pac_script',
      pacScript: 'https://wpad/p.pac',
    });
    expect(proxySettings({ mode: 'fixed_servers', ...none, rules: 'proxy:3128', bypass: '<local>' })).toEqual(
      {
        mode: 'fixed_servers',
        proxyRules: 'proxy:3128',
        proxyBypassRules: '<local>',
      },
    );
  });

  it('writes only messages at or above the level', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', (line) => lines.push(line));
    logger.debug('d');
    logger.info('i');
    logger.warn('w', { key: 'ServerUrl' });
    logger.error('e');
    logger.setLevel('debug');
    logger.debug('d2');
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { level: 'warn', message: 'w', key: 'ServerUrl' },
      { level: 'error', message: 'e' },
      { level: 'debug', message: 'd2' },
    ]);
  });
});
