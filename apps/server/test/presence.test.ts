import { describe, expect, it } from 'vitest';
import { Presence } from '../src/domain/presence.js';

describe('presence', () => {
  it('reports only a user’s first connection and their last disconnection', () => {
    const presence = new Presence();
    expect(presence.connected('alice')).toBe(true);
    expect(presence.connected('alice')).toBe(false);
    expect(presence.connected('bella')).toBe(true);
    expect(presence.disconnected('alice')).toBe(false);
    expect(presence.isConnected('alice')).toBe(true);
    expect(presence.disconnected('alice')).toBe(true);
    expect(presence.isConnected('alice')).toBe(false);
    expect(presence.isConnected('bella')).toBe(true);
    expect(presence.disconnected('nobody')).toBe(false);
  });
});
