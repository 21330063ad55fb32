import { PROTOCOL_VERSION, type VisitorRequests, visitorRequests } from '@switchboard/protocol';
import type { VisitorPrincipal } from '../domain/principal.js';
import { toVisitorConversation } from '../domain/views.js';
import type { Broadcaster } from './broadcaster.js';
import { sharedMessageHandlers } from './message-handlers.js';
import { rooms } from './rooms.js';
import { type RequestHandlers, serveRequests } from './serve-requests.js';
import type { TransportDeps } from './services.js';
import type { VisitorSocket } from './types.js';

export function visitorHandlers(
  deps: TransportDeps,
  broadcast: Broadcaster,
): RequestHandlers<VisitorRequests, VisitorPrincipal> {
  const { conversations, messages, limits, metrics } = deps;
  return {
    ...sharedMessageHandlers<VisitorPrincipal>(deps, broadcast),
    'conversation:open': async ({ attributes }, ctx) => {
      deps.bans.assertAllowed({ ip: ctx.ip, visitorId: ctx.principal.visitorId });
      await limits.consume('conversationsPerIp', ctx.ip);
      const conversation = await conversations.open(ctx.principal, attributes ?? {});
      ctx.afterAck(() => broadcast.conversation(conversation));
      return toVisitorConversation(conversation);
    },
    'conversation:list': async (_payload, ctx) =>
      (await conversations.listForVisitor(ctx.principal)).map(toVisitorConversation),
    'page:view': async (view, ctx) => {
      const { conversation, page } = await deps.visitedPages.record(ctx.principal, view);
      if (page) ctx.afterAck(() => broadcast.visitedPage(conversation, page));
      return {};
    },
    'message:send': async (payload, ctx) => {
      const started = performance.now();
      const { message, created, conversation } = await messages.send(ctx.principal, {
        ...payload,
        visibility: 'all',
      });
      if (created) {
        metrics.messages.inc({ sender: 'visitor' });
        metrics.commitSeconds.observe((performance.now() - started) / 1000);
        // The agents first; the visitor's own other tabs (if any) once the ack is out.
        ctx.deliver(() => broadcast.messageToStaff(conversation, message));
        ctx.afterAck(() => {
          broadcast.messageToVisitor(conversation, message, ctx.socketId);
          if (conversation.status === 'queued' || conversation.status === 'offline') {
            conversations.load(conversation.id).then(
              (waiting) => broadcast.waitingMessage(waiting),
              (error: unknown) => deps.logger.error({ err: error }, 'list preview push failed'),
            );
          }
          deps.bot
            .afterVisitorMessage(conversation, message, (reply) => broadcast.message(conversation, reply))
            .catch((error: unknown) => deps.logger.error({ err: error }, 'bot reply failed'));
        });
      }
      return { clientMsgId: message.clientMsgId, seq: message.seq, createdAt: message.createdAt };
    },
  };
}

export async function onVisitorConnection(
  socket: VisitorSocket,
  deps: TransportDeps,
  handlers: RequestHandlers<VisitorRequests, VisitorPrincipal>,
): Promise<void> {
  const principal = socket.data.principal;
  await socket.join(rooms.visitor(principal.visitorId));
  serveRequests(socket, visitorRequests, handlers, {
    limits: deps.limits,
    metrics: deps.metrics,
    logger: deps.logger,
    limitOf: {
      'message:send': 'messagesPerSocket',
      'typing:set': 'typingPerSocket',
      'page:view': 'pageViewsPerSocket',
    },
  });
  socket.emit('session:hello', {
    protocolVersion: PROTOCOL_VERSION,
    epoch: deps.epoch,
    serverTime: new Date().toISOString(),
    principal: { kind: 'visitor', visitorId: principal.visitorId, verified: principal.verified },
  });
  // Where the visitor stands right now, also after a reload or a server restart.
  for (const { visitorId: _visitor, ...position } of deps.routing.positionsOf(principal.visitorId)) {
    socket.emit('queue:update', position);
  }
}
