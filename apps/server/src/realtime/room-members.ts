import type { Namespace } from 'socket.io';
import { Adapter } from 'socket.io-adapter';

/**
 * Whether a push to `room` would reach any socket but `exceptSocketId`. socket.io's in-memory
 * adapter encodes a packet before it looks for recipients, so a push to a room holding only the
 * sender (a visitor's one tab) costs a JSON encoding and its garbage for nobody, on every message.
 * Any other adapter (Redis or a cluster adapter across nodes, or connection-state recovery, which
 * stores packets) knows of members this process does not: then the answer is always yes.
 */
export function reachesAnyone(namespace: Namespace, room: string, exceptSocketId?: string): boolean {
  const adapter = namespace.adapter;
  if (Object.getPrototypeOf(adapter) !== Adapter.prototype) return true;
  const members = adapter.rooms.get(room);
  if (!members) return false;
  return members.size > (exceptSocketId !== undefined && members.has(exceptSocketId) ? 1 : 0);
}
