import { DomainError } from '../domain/errors.js';
import { sendHello } from './agent-handlers.js';
import type { ConversationViewersRegistry } from './conversation-viewers.js';
import { rooms } from './rooms.js';
import type { TransportDeps } from './services.js';
import type { SupervisorFeed } from './supervisor-feed.js';
import type { AgentNamespace } from './types.js';

const CONVERSATION_ROOM = rooms.conversation('');

/**
 * A staff member's teams changed: their live sockets read and hear what the new teams allow at
 * once, not from their next connect. Each socket's principal takes the new teams (every later
 * event is authorized against them), it leaves the rooms of teams it lost and of conversations
 * it may no longer read (and is no longer listed as viewing one), joins the rooms of teams it
 * gained, drops its supervisor feed (chosen from the old teams), and gets a fresh `session:hello`,
 * after which the client refetches its lists and subscribes to the feed again.
 */
export async function followTeamChange(
  namespace: AgentNamespace,
  deps: TransportDeps,
  feed: SupervisorFeed,
  viewers: ConversationViewersRegistry,
  userId: string,
  teamIds: string[],
): Promise<void> {
  const sockets = [...namespace.sockets.values()].filter((socket) => socket.data.principal.userId === userId);
  for (const socket of sockets) {
    const principal = socket.data.principal;
    const lost = principal.teamIds.filter((id) => !teamIds.includes(id));
    const gained = teamIds.filter((id) => !principal.teamIds.includes(id));
    principal.teamIds = [...teamIds];
    for (const teamId of lost) await socket.leave(rooms.team(teamId));
    await socket.join(gained.map(rooms.team));
    for (const room of socket.rooms) {
      if (!room.startsWith(CONVERSATION_ROOM)) continue;
      const conversationId = room.slice(CONVERSATION_ROOM.length);
      if (await mayRead(deps, principal, conversationId)) continue;
      await socket.leave(room);
      if (viewers.viewedBy(socket.id) === conversationId) viewers.set(socket.id, null);
    }
    feed.unsubscribe(socket.id);
    sendHello(socket, deps);
  }
}

async function mayRead(
  deps: TransportDeps,
  principal: Parameters<TransportDeps['conversations']['get']>[0],
  conversationId: string,
): Promise<boolean> {
  try {
    await deps.conversations.get(principal, conversationId);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}
