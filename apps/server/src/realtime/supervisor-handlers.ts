import type { AgentRequests } from '@switchboard/protocol';
import { assertSupervisorRole, supervisedTeams } from '../domain/policy.js';
import type { StaffPrincipal } from '../domain/principal.js';
import { toStaffConversation } from '../domain/views.js';
import type { Broadcaster } from './broadcaster.js';
import { rooms } from './rooms.js';
import type { RequestHandlers } from './serve-requests.js';
import type { TransportDeps } from './services.js';
import type { SupervisorFeed } from './supervisor-feed.js';
import type { AgentNamespace } from './types.js';

type SupervisorEvents = Extract<keyof AgentRequests, `supervisor:${string}` | 'agent:hand'>;

/** The supervisor window's events; the domain (policy first) decides, this module fans out. */
export function supervisorHandlers(
  deps: TransportDeps,
  broadcast: Broadcaster,
  namespace: AgentNamespace,
  feed: SupervisorFeed,
): Pick<RequestHandlers<AgentRequests, StaffPrincipal>, SupervisorEvents> {
  const { supervisor } = deps;
  const socketOf = (id: string) => namespace.sockets.get(id);
  return {
    'supervisor:subscribe': async ({ teamIds }, ctx) => {
      const teams = supervisedTeams(ctx.principal, teamIds);
      return feed.subscribe(ctx.socketId, teams);
    },
    'supervisor:unsubscribe': async (_payload, ctx) => {
      assertSupervisorRole(ctx.principal);
      feed.unsubscribe(ctx.socketId);
      return {};
    },
    'supervisor:monitor': async ({ conversationId }, ctx) => {
      const conversation = await supervisor.monitor(ctx.principal, conversationId);
      await socketOf(ctx.socketId)?.join(rooms.conversation(conversation.id));
      return toStaffConversation(conversation);
    },
    'supervisor:unmonitor': async ({ conversationId }, ctx) => {
      assertSupervisorRole(ctx.principal);
      await socketOf(ctx.socketId)?.leave(rooms.conversation(conversationId));
      return {};
    },
    'supervisor:whisper': async (payload, ctx) => {
      const { message, created, conversation } = await supervisor.whisper(ctx.principal, payload);
      if (created) ctx.afterAck(() => broadcast.message(conversation, message, ctx.socketId));
      return { clientMsgId: message.clientMsgId, seq: message.seq, createdAt: message.createdAt };
    },
    'supervisor:barge': async ({ conversationId }, ctx) => {
      const { conversation, message } = await supervisor.barge(ctx.principal, conversationId);
      await socketOf(ctx.socketId)?.join(rooms.conversation(conversation.id));
      if (message) ctx.afterAck(() => broadcast.message(conversation, message));
      return toStaffConversation(conversation);
    },
    'supervisor:takeover': async (payload, ctx) =>
      toStaffConversation(await supervisor.takeover(ctx.principal, payload)),
    'supervisor:reassign': async (payload, ctx) =>
      toStaffConversation(await supervisor.reassign(ctx.principal, payload)),
    'supervisor:status': async (payload, ctx) => supervisor.setStatus(ctx.principal, payload),
    'supervisor:end': async (payload, ctx) => {
      const conversation = await supervisor.end(ctx.principal, payload);
      ctx.afterAck(() => broadcast.conversation(conversation));
      return toStaffConversation(conversation);
    },
    'agent:hand': async ({ raised }, ctx) => {
      if (deps.feedView.setHand(ctx.principal.userId, raised)) feed.touch();
      return { raised };
    },
  };
}
