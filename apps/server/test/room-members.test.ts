import { Server } from 'socket.io';
import { Adapter } from 'socket.io-adapter';
import { describe, expect, it } from 'vitest';
import { reachesAnyone } from '../src/realtime/room-members.js';

/** Rooms filled through the adapter itself: what `socket.join` does, without network sockets. */
describe('reachesAnyone', () => {
  // Never attached to an HTTP server: nothing to close.
  const namespace = (options: ConstructorParameters<typeof Server>[0] = {}) =>
    new Server(options).of('/visitor');

  it('says no for a room nobody is in, or only the sender', async () => {
    const nsp = namespace();
    expect(reachesAnyone(nsp, 'visitor:v1')).toBe(false);
    await nsp.adapter.addAll('tab-1', new Set(['visitor:v1']));
    expect(reachesAnyone(nsp, 'visitor:v1', 'tab-1')).toBe(false);
  });

  it('says yes when anyone but the sender is in the room', async () => {
    const nsp = namespace();
    await nsp.adapter.addAll('tab-1', new Set(['visitor:v1']));
    expect(reachesAnyone(nsp, 'visitor:v1')).toBe(true);
    expect(reachesAnyone(nsp, 'visitor:v1', 'someone-else')).toBe(true);
    await nsp.adapter.addAll('tab-2', new Set(['visitor:v1']));
    expect(reachesAnyone(nsp, 'visitor:v1', 'tab-1')).toBe(true);
    await nsp.adapter.del('tab-2', 'visitor:v1');
    expect(reachesAnyone(nsp, 'visitor:v1', 'tab-1')).toBe(false);
  });

  it('always says yes with an adapter that may know of members on other nodes', () => {
    class ClusterAdapter extends Adapter {}
    const nsp = namespace({ adapter: ClusterAdapter });
    expect(nsp.adapter).toBeInstanceOf(ClusterAdapter);
    expect(reachesAnyone(nsp, 'visitor:nobody-here')).toBe(true);
  });

  it('always says yes with connection-state recovery, whose adapter stores every packet', () => {
    const nsp = namespace({ connectionStateRecovery: {} });
    expect(reachesAnyone(nsp, 'visitor:nobody-here')).toBe(true);
  });
});
