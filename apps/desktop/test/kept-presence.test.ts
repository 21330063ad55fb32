import { describe, expect, it } from 'vitest';
import {
  clearKeptPresence,
  keepPresence,
  loadKeptPresence,
} from '../src/renderer/features/status/kept-presence.js';
import { TabStorage } from './support/tab-storage.js';

const alice = { serverUrl: 'https://chat.example.com', userId: '3d5c8f2e-7a41-4b6e-9c0d-1f2a3b4c5d6e' };
const bob = { ...alice, userId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' };

describe("the agent's chosen status and raised hand in the window's storage", () => {
  it('keeps them per account, and sign-out clears every account’s', () => {
    const storage = new TabStorage();
    expect(loadKeptPresence(alice, storage)).toBeNull();
    keepPresence(alice, { desired: 'away', handRaised: true }, storage);
    keepPresence(bob, { desired: 'offline', handRaised: false }, storage);
    expect(loadKeptPresence(alice, storage)).toEqual({ desired: 'away', handRaised: true });
    expect(loadKeptPresence(bob, storage)).toEqual({ desired: 'offline', handRaised: false });

    storage.setItem('switchboard.session', 'kept');
    clearKeptPresence(storage);
    expect(loadKeptPresence(alice, storage)).toBeNull();
    expect(loadKeptPresence(bob, storage)).toBeNull();
    expect(storage.getItem('switchboard.session')).toBe('kept');
  });

  it('drops what does not read back as a status the agent can choose, and works without storage', () => {
    const storage = new TabStorage();
    for (const damaged of [
      '{"desired":"wrap-up","handRaised":false}',
      '{"desired":"away","handRaised":"yes"}',
      '["away"]',
      'not json',
    ]) {
      keepPresence(alice, { desired: 'away', handRaised: false }, storage);
      const key = storage.key(0) as string;
      storage.setItem(key, damaged);
      expect(loadKeptPresence(alice, storage)).toBeNull();
      expect(storage.getItem(key)).toBeNull();
    }
    keepPresence(alice, { desired: 'away', handRaised: true }, null);
    expect(loadKeptPresence(alice, null)).toBeNull();
  });
});
