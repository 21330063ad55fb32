import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../src/config/config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, dataDir: './data', demoSeed: false });
    expect(config.limits.maxSocketFrameBytes).toBe(65_536);
    expect(config.auth.accessTokenTtlSeconds).toBeLessThanOrEqual(900);
  });

  it('layers defaults < file < environment', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-config-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(
      file,
      JSON.stringify({
        port: 4000,
        logLevel: 'warn',
        limits: { messagesPerSocket: { points: 9, seconds: 1 } },
      }),
    );
    const config = loadConfig({
      SWITCHBOARD_CONFIG: file,
      SWITCHBOARD_PORT: '5000',
      SWITCHBOARD_DEMO_SEED: 'true',
    });
    expect(config.port).toBe(5000);
    expect(config.logLevel).toBe('warn');
    expect(config.demoSeed).toBe(true);
    expect(config.limits.messagesPerSocket).toEqual({ points: 9, seconds: 1 });
    expect(config.limits.loginPerIp).toEqual({ points: 20, seconds: 60 });
  });

  it('names every invalid key in one clear error', () => {
    const attempt = () =>
      loadConfig(
        { SWITCHBOARD_PORT: 'eighty', SWITCHBOARD_JWT_SECRET: 'short' },
        { auth: { accessTokenTtlSeconds: 3600 } },
      );
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('port:');
      expect(message).toContain('auth.accessTokenTtlSeconds:');
      expect(message).not.toContain('short');
    }
    expect(() => parseConfig({ prot: 1 })).toThrow(/Unrecognized key/);
    expect(() => loadConfig({ SWITCHBOARD_CONFIG: '/nonexistent/switchboard.json' })).toThrow(
      /Cannot read config file/,
    );
  });
});
