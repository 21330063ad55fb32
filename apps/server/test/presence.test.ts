import { describe, expect, it } from 'vitest';
import { Presence } from '../src/domain/presence.js';

describe('presence', () => {
  it('counts each user’s sockets and makes a team available while any member is connected', () => {
    const presence = new Presence();
    expect(presence.isTeamAvailable('a')).toBe(false);
    presence.connected('alice', ['a']);
    presence.connected('alice', ['a']);
    presence.connected('bella', ['b']);
    expect(presence.isTeamAvailable('a')).toBe(true);
    expect(presence.isTeamAvailable(null)).toBe(false);
    presence.disconnected('alice');
    expect(presence.isConnected('alice')).toBe(true);
    presence.disconnected('alice');
    expect(presence.isConnected('alice')).toBe(false);
    expect(presence.isTeamAvailable('a')).toBe(false);
    expect(presence.isTeamAvailable('b')).toBe(true);
    presence.disconnected('nobody');
  });
});
