import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NotificationPolicy } from '../src/main/services/notification-policy.js';
import { SessionStore } from '../src/main/services/session-store.js';
import { SettingsStore } from '../src/main/services/settings-store.js';
import { FakeSecretBox, mainServices, tempDir } from './support/fakes.js';

const session = {
  serverUrl: 'https://chat.example.com',
  user: {
    id: crypto.randomUUID(),
    email: 'alice@example.com',
    name: 'Alice',
    role: 'agent' as const,
    teamIds: [],
  },
  refreshToken: 'rt_super-secret-refresh-token-value',
};

describe('SessionStore', () => {
  it('survives a restart through the keychain, and the file never holds the token in plain text', () => {
    const dir = tempDir();
    new SessionStore(dir, new FakeSecretBox()).save(session);
    const raw = readFileSync(`${dir}/session.bin`);
    expect(raw.includes(Buffer.from(session.refreshToken))).toBe(false);
    expect(new SessionStore(dir, new FakeSecretBox()).load()).toEqual(session);
  });

  it('without a keychain keeps the session in memory only', () => {
    const dir = tempDir();
    const store = new SessionStore(dir, new FakeSecretBox(false));
    store.save(session);
    expect(store.load()).toEqual(session);
    expect(new SessionStore(dir, new FakeSecretBox(false)).load()).toBeNull();
  });

  it('clear forgets it; a damaged file is ignored', () => {
    const dir = tempDir();
    const store = new SessionStore(dir, new FakeSecretBox());
    store.save(session);
    store.clear();
    expect(new SessionStore(dir, new FakeSecretBox()).load()).toBeNull();
    const broken = new SessionStore(dir, {
      ...new FakeSecretBox(),
      isEncryptionAvailable: () => true,
      encryptString: () => Buffer.from('x'),
      decryptString: () => '{not json',
    });
    broken.save(session);
    expect(new SessionStore(dir, broken.box).load()).toBeNull();
  });
});

describe('NotificationPolicy', () => {
  const base = { conversationId: crypto.randomUUID(), title: 't', body: 'b', tabFocused: false };

  it('rings offered and newly assigned chats until dismissed', () => {
    const policy = new NotificationPolicy();
    expect(policy.decide({ ...base, kind: 'offer' }, true)).toEqual({ show: true, ring: true });
    const other = crypto.randomUUID();
    policy.decide({ ...base, kind: 'assigned', conversationId: other }, false);
    expect(policy.ringing().map((r) => r.conversationId)).toEqual([base.conversationId, other]);
    expect(policy.dismiss(base.conversationId)).toBe(true);
    expect(policy.ringing().map((r) => r.conversationId)).toEqual([other]);
  });

  it('notifies a message unless its tab is in front of a focused window', () => {
    const policy = new NotificationPolicy();
    expect(policy.decide({ ...base, kind: 'message', tabFocused: true }, true).show).toBe(false);
    expect(policy.decide({ ...base, kind: 'message', tabFocused: true }, false).show).toBe(true);
    expect(policy.decide({ ...base, kind: 'message', tabFocused: false }, true).show).toBe(true);
    expect(policy.decide({ ...base, kind: 'queued' }, true)).toEqual({ show: true, ring: false });
    expect(policy.decide({ ...base, kind: 'left' }, true)).toEqual({ show: true, ring: false });
    expect(policy.decide({ ...base, kind: 'escalated', tabFocused: true }, true)).toEqual({
      show: true,
      ring: false,
    });
    expect(policy.ringing()).toEqual([]);
  });
});

describe('the taskbar and dock while chats ring', () => {
  const ring = (conversationId: string, kind: 'offer' | 'assigned' | 'message' = 'offer') => ({
    kind,
    conversationId,
    title: 'New chat',
    body: 'Vera',
    tabFocused: false,
  });

  it('ask for attention from the first ringing chat until the last one is dismissed', async () => {
    const { handlers, host } = mainServices(tempDir());
    const [first, second] = [crypto.randomUUID(), crypto.randomUUID()];
    await handlers['notify:show'](ring(first));
    await handlers['notify:show'](ring(second, 'assigned'));
    expect(host.attention).toEqual([true, true]);
    await handlers['notify:dismiss']({ conversationId: first });
    expect(host.attention).toEqual([true, true]);
    await handlers['notify:dismiss']({ conversationId: second });
    expect(host.attention).toEqual([true, true, false]);
    // Dismissing what does not ring changes nothing.
    await handlers['notify:dismiss']({ conversationId: second });
    expect(host.attention).toEqual([true, true, false]);
  });

  it('a message, however often, does not flash the taskbar', async () => {
    const { handlers, host } = mainServices(tempDir());
    await handlers['notify:show'](ring(crypto.randomUUID(), 'message'));
    expect(host.notifications).toHaveLength(1);
    expect(host.attention).toEqual([]);
  });
});

describe('SettingsStore', () => {
  it('saves and loads, and falls back to the defaults on a damaged file', () => {
    const dir = tempDir();
    const store = new SettingsStore(dir);
    expect(store.load().locale).toBe('en');
    store.save({ ...store.load(), locale: 'zh-CN', theme: 'dark' });
    expect(new SettingsStore(dir).load()).toMatchObject({ locale: 'zh-CN', theme: 'dark' });
  });
});
