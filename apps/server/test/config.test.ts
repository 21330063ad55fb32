import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  emailDestination,
  loadConfig,
  parseConfig,
  withDemoMailbox,
} from '../src/config/config.js';

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

  it('emails nothing unless an SMTP server or a directory is set, and takes them from the environment', () => {
    const defaults = parseConfig({}).email;
    expect(defaults.smtpUrl ?? defaults.directory).toBeUndefined();
    expect(defaults.delaySeconds).toBe(60);
    const config = loadConfig({
      SWITCHBOARD_SMTP_URL: 'smtps://mailer:s3cret@mail.example.com:465',
      SWITCHBOARD_EMAIL_FROM: 'Shop <help@shop.example>',
    });
    expect(config.email).toMatchObject({
      smtpUrl: 'smtps://mailer:s3cret@mail.example.com:465',
      from: 'Shop <help@shop.example>',
    });
    expect(loadConfig({ SWITCHBOARD_EMAIL_DIRECTORY: '/tmp/mail' }).email.directory).toBe('/tmp/mail');
  });

  it('refuses an email setup that cannot work, without repeating the URL and its password', () => {
    const attempt = (email: object) => () => parseConfig({ email });
    expect(attempt({ smtpUrl: 'http://user:s3cret@mail.example.com' })).toThrow(
      /email\.smtpUrl: an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(attempt({ smtpUrl: 'http://user:s3cret@mail.example.com' })).not.toThrow(/s3cret/);
    expect(attempt({ smtpUrl: 'smtp://mail.example.com', directory: '/tmp/mail' })).toThrow(
      /set smtpUrl or directory, not both/,
    );
    expect(attempt({ delaySeconds: -1 })).toThrow(/email\.delaySeconds/);
  });

  it('names where emails go on the start-up banner, never the credentials', () => {
    const smtp = parseConfig({ email: { smtpUrl: 'smtp://mailer:s3cret@mail.example.com:587' } });
    expect(emailDestination(smtp.email)).toBe('SMTP server mail.example.com:587');
    expect(emailDestination(parseConfig({}).email)).toBeNull();
  });

  it('takes the reply address and the inbound secret from the environment; refuses a short secret', () => {
    const email = loadConfig({
      SWITCHBOARD_EMAIL_REPLY_TO: 'replies@shop.example',
      SWITCHBOARD_INBOUND_EMAIL_SECRET: 'x'.repeat(32),
    }).email;
    expect([email.replyTo, email.inboundSecret, email.inboundMaxBytes]).toEqual([
      'replies@shop.example',
      'x'.repeat(32),
      25 * 1024 * 1024,
    ]);
    expect(() => loadConfig({ SWITCHBOARD_INBOUND_EMAIL_SECRET: 'short' })).toThrow(
      /email\.inboundSecret: at least 32 characters/,
    );
    expect(() => parseConfig({ email: { inboundMaxBytes: 1024 } })).toThrow(/email\.inboundMaxBytes/);
  });

  it('keeps conversations until erased unless a retention period is set, from the file or the environment', () => {
    expect(loadConfig({}).privacy.retentionDays).toBeNull();
    expect(loadConfig({ SWITCHBOARD_RETENTION_DAYS: '365' }).privacy.retentionDays).toBe(365);
    expect(() => loadConfig({ SWITCHBOARD_RETENTION_DAYS: '0' })).toThrow(/privacy\.retentionDays/);
    expect(() => loadConfig({ SWITCHBOARD_RETENTION_DAYS: 'a year' })).toThrow(/privacy\.retentionDays/);
  });

  it('gives the demo a mailbox in its data directory unless email is configured', () => {
    const demo = withDemoMailbox(parseConfig({ demoSeed: true, dataDir: '/srv/switchboard' }));
    expect(demo.email.directory).toBe(path.join('/srv/switchboard', 'mail'));
    expect(emailDestination(demo.email)).toBe(`.eml files in ${path.join('/srv/switchboard', 'mail')}`);
    const configured = parseConfig({ demoSeed: true, email: { smtpUrl: 'smtp://mail.example.com' } });
    expect(withDemoMailbox(configured).email.directory).toBeUndefined();
    expect(withDemoMailbox(parseConfig({})).email.directory).toBeUndefined();
  });
});
