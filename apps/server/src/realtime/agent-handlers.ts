import { type AgentRequests, agentRequests, PROTOCOL_VERSION } from '@switchboard/protocol';
import type { StaffPrincipal } from '../domain/principal.js';
import { toStaffConversation } from '../domain/views.js';
import type { Broadcaster } from './broadcaster.js';
import type { ConversationViewersRegistry } from './conversation-viewers.js';
import { sharedMessageHandlers } from './message-handlers.js';
import { rooms } from './rooms.js';
import { type RequestContext, type RequestHandlers, serveRequests } from './serve-requests.js';
import type { TransportDeps } from './services.js';
import type { SupervisorFeed } from './supervisor-feed.js';
import { supervisorHandlers } from './supervisor-handlers.js';
import { pastExpiry, reauthHandlers } from './token-expiry.js';
import type { AgentNamespace, AgentSocket } from './types.js';

export function agentHandlers(
  deps: TransportDeps,
  broadcast: Broadcaster,
  namespace: AgentNamespace,
  feed: SupervisorFeed,
  viewers: ConversationViewersRegistry,
): RequestHandlers<AgentRequests, StaffPrincipal> {
  const { conversations, messages, metrics } = deps;
  const socketOf = (id: string) => namespace.sockets.get(id);
  /** A conversation the caller may read, whose pushes this socket now receives (its room). */
  const follow = async (ctx: RequestContext<StaffPrincipal>, conversationId: string) => {
    const conversation = await conversations.get(ctx.principal, conversationId);
    await socketOf(ctx.socketId)?.join(rooms.conversation(conversation.id));
    return conversation;
  };
  return {
    ...sharedMessageHandlers<StaffPrincipal>(deps, broadcast),
    ...supervisorHandlers(deps, broadcast, namespace, feed),
    ...reauthHandlers(deps, namespace),
    'conversation:subscribe': async ({ conversationId }, ctx) =>
      toStaffConversation(await follow(ctx, conversationId)),
    'conversation:unsubscribe': async ({ conversationId }, ctx) => {
      await socketOf(ctx.socketId)?.leave(rooms.conversation(conversationId));
      return {};
    },
    'conversation:view': async ({ conversationId }, ctx) => {
      if (conversationId === null) {
        viewers.set(ctx.socketId, null);
        return {};
      }
      const conversation = await follow(ctx, conversationId);
      const { userId, name } = ctx.principal;
      ctx.afterAck(() => {
        // Gone meanwhile: its disconnect has already cleared what it viewed.
        if (socketOf(ctx.socketId)?.connected)
          viewers.set(ctx.socketId, { conversationId: conversation.id, userId, name });
      });
      return {};
    },
    'conversation:take': async ({ conversationId }, ctx) => {
      const conversation = await conversations.take(ctx.principal, conversationId);
      ctx.afterAck(() => {
        broadcast.followAsAssignee(conversation);
        broadcast.conversation(conversation);
      });
      return toStaffConversation(conversation);
    },
    'conversation:resolve': async ({ conversationId, note, tags }, ctx) => {
      const conversation = await conversations.resolve(ctx.principal, conversationId, note, tags);
      ctx.afterAck(() => broadcast.conversation(conversation));
      return toStaffConversation(conversation);
    },
    'conversation:tag': async ({ conversationId, tags }, ctx) => {
      const conversation = await conversations.retag(ctx.principal, conversationId, tags);
      ctx.afterAck(() => broadcast.conversation(conversation));
      return toStaffConversation(conversation);
    },
    'conversation:transfer': async ({ conversationId, to, reason }, ctx) =>
      toStaffConversation(await conversations.transfer(ctx.principal, conversationId, to, reason)),
    'offer:accept': async ({ offerId }, ctx) =>
      toStaffConversation(await conversations.acceptOffer(ctx.principal, offerId)),
    'offer:decline': async ({ offerId, reason }, ctx) => {
      await deps.routing.decline(ctx.principal.userId, offerId, reason);
      return {};
    },
    'agent:status': async ({ status, reason }, ctx) =>
      deps.routing.setStatus(ctx.principal.userId, status, reason),
    'agent:state': async (_payload, ctx) => deps.routing.agentState(ctx.principal.userId),
    'message:send': async (payload, ctx) => {
      const started = performance.now();
      const { message, created, conversation } = await messages.send(ctx.principal, payload);
      if (created) {
        if (message.visibility === 'all') await deps.routing.replied(conversation.id, ctx.principal.userId);
        metrics.messages.inc({ sender: 'agent' });
        metrics.commitSeconds.observe((performance.now() - started) / 1000);
        ctx.deliver(() => broadcast.message(conversation, message, ctx.socketId));
      }
      return { clientMsgId: message.clientMsgId, seq: message.seq, createdAt: message.createdAt };
    },
  };
}

export async function onAgentConnection(
  socket: AgentSocket,
  deps: TransportDeps,
  handlers: RequestHandlers<AgentRequests, StaffPrincipal>,
  /** How long past its access token's expiry the socket may still be used (TokenExpiryTiming). */
  expiryGraceMs: number,
): Promise<void> {
  const principal = socket.data.principal;
  const assigned = await deps.conversations.openAssignedTo(principal);
  await socket.join([
    rooms.user(principal.userId),
    rooms.session(principal.sessionId),
    ...principal.teamIds.map(rooms.team),
    ...assigned.map(rooms.conversation),
    ...(principal.role === 'admin' ? [rooms.admins] : []),
  ]);
  serveRequests(socket, agentRequests, handlers, {
    limits: deps.limits,
    metrics: deps.metrics,
    logger: deps.logger,
    limitOf: { 'message:send': 'messagesPerSocket', 'typing:set': 'typingPerSocket' },
    expired: () => pastExpiry(socket, expiryGraceMs),
  });
  sendHello(socket, deps);
  if (deps.routing.knowsAgent(principal.userId)) {
    socket.emit('agent:state', deps.routing.agentState(principal.userId));
  }
  // Chats still ringing for this agent (after a reconnect or a server restart) ring again.
  for (const offer of deps.routing.offersFor(principal.userId)) {
    const conversation = await deps.conversations.load(offer.conversationId);
    socket.emit('offer:new', {
      offerId: offer.id,
      conversation: toStaffConversation(conversation),
      expiresAt: new Date(offer.expiresAt).toISOString(),
    });
  }
}

/** Who the socket is, as of now: on every connect, and again when the user's teams change. */
export function sendHello(socket: AgentSocket, deps: Pick<TransportDeps, 'epoch' | 'email'>): void {
  const principal = socket.data.principal;
  const email = deps.email.status();
  socket.emit('session:hello', {
    protocolVersion: PROTOCOL_VERSION,
    epoch: deps.epoch,
    serverTime: new Date().toISOString(),
    principal: {
      kind: 'staff',
      user: {
        id: principal.userId,
        email: principal.email,
        name: principal.name,
        role: principal.role,
        teamIds: principal.teamIds,
      },
    },
    answerEmails:
      email.destination === null
        ? null
        : { delaySeconds: email.delaySeconds, attachmentMaxBytes: email.attachmentMaxBytes },
  });
}
