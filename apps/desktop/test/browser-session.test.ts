import { describe, expect, it } from 'vitest';
import {
  clearBrowserSession,
  loadBrowserSession,
  saveBrowserSession,
} from '../src/renderer/host/browser-session.js';
import { leaveLoginHint, takeLoginHint } from '../src/renderer/host/login-hint.js';
import { TabStorage } from './support/tab-storage.js';

const session = {
  serverUrl: 'https://chat.example.com',
  user: {
    id: '3d5c8f2e-7a41-4b6e-9c0d-1f2a3b4c5d6e',
    email: 'alice@example.com',
    name: 'Alice',
    role: 'agent' as const,
    teamIds: [],
  },
  refreshToken: 'rt_0123456789abcdefghij',
};

describe("the web workbench's session in the tab's storage", () => {
  it('survives a reload: what was saved is loaded, and cleared at sign-out', () => {
    const storage = new TabStorage();
    expect(loadBrowserSession(storage)).toBeNull();
    saveBrowserSession(session, storage);
    expect(loadBrowserSession(storage)).toEqual(session);
    clearBrowserSession(storage);
    expect(loadBrowserSession(storage)).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('drops what does not parse as a session instead of trusting it', () => {
    for (const stored of [
      '{not json',
      JSON.stringify({ ...session, serverUrl: 'javascript:alert(1)' }),
      '42',
    ]) {
      const storage = new TabStorage();
      storage.setItem('switchboard.session', stored);
      expect(loadBrowserSession(storage)).toBeNull();
      expect(storage.length).toBe(0);
    }
  });

  it('works without storage (a browser that refuses it): nothing is kept', () => {
    saveBrowserSession(session, null);
    expect(loadBrowserSession(null)).toBeNull();
  });
});

describe('the sign-in hint a page leaves for itself', () => {
  it('is read once, and only when it is whole', () => {
    const storage = new TabStorage();
    const hint = {
      serverUrl: 'https://chat.example.com',
      email: 'alice@example.com',
      reason: 'tab-copied' as const,
    };
    leaveLoginHint(hint, storage);
    expect(takeLoginHint(storage)).toEqual(hint);
    expect(takeLoginHint(storage)).toBeNull();
    const ended = { ...hint, reason: 'session-ended' as const, ended: 'deactivated' as const };
    leaveLoginHint(ended, storage);
    expect(takeLoginHint(storage)).toEqual(ended);
    leaveLoginHint({ ...ended, discarded: 2 }, storage);
    expect(takeLoginHint(storage)).toEqual({ ...ended, discarded: 2 });
    leaveLoginHint({ ...ended, discarded: -1 }, storage);
    expect(takeLoginHint(storage)).toEqual(ended);
    // An unknown end reason is dropped; the rest of the hint stands.
    leaveLoginHint({ ...ended, ended: 'for no reason' as 'ended' }, storage);
    expect(takeLoginHint(storage)).toEqual({ ...hint, reason: 'session-ended' });
    for (const damaged of [
      '{not json',
      JSON.stringify({ ...hint, reason: 'because' }),
      JSON.stringify({ email: 1 }),
    ]) {
      storage.setItem('switchboard.login-hint', damaged);
      expect(takeLoginHint(storage)).toBeNull();
      expect(storage.length).toBe(0);
    }
  });
});
