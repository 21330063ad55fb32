import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { adminRoutes } from '../http/routes/admin-routes.js';
import { attachmentRoutes } from '../http/routes/attachment-routes.js';
import { authRoutes } from '../http/routes/auth-routes.js';
import { cannedReplyRoutes } from '../http/routes/canned-reply-routes.js';
import { conversationRoutes } from '../http/routes/conversation-routes.js';
import { inboundEmailRoutes } from '../http/routes/inbound-email-routes.js';
import { operationsRoutes } from '../http/routes/operations-routes.js';
import { reportRoutes } from '../http/routes/report-routes.js';
import { routingRoutes } from '../http/routes/routing-routes.js';
import { staticRoutes } from '../http/routes/static-routes.js';
import { visitorRoutes } from '../http/routes/visitor-routes.js';
import { widgetRoutes } from '../http/routes/widget-routes.js';
import { createRealtime, type Realtime } from '../realtime/create-realtime.js';
import type { Components } from './components.js';

/**
 * The composition root: wires REST routes and socket.io namespaces to the domain services.
 * It does nothing else.
 */
export async function createApplication(
  http: FastifyInstance,
  config: Config,
  components: Components,
): Promise<Realtime> {
  let closing = false;
  authRoutes(http, components);
  visitorRoutes(http, components);
  widgetRoutes(http, components);
  conversationRoutes(http, components);
  cannedReplyRoutes(http, components);
  routingRoutes(http, components);
  adminRoutes(http, components);
  reportRoutes(http, components);
  attachmentRoutes(http, components, components.attachments);
  inboundEmailRoutes(http, components);
  await staticRoutes(http);
  operationsRoutes(http, components, {
    ready: async () => {
      if (closing) return false;
      try {
        components.sqlite.sqlite.prepare('SELECT 1').get();
        return true;
      } catch {
        return false;
      }
    },
  });

  const realtime = createRealtime(http.server, config, components);
  components.onRevoked((sessionIds, reason) => realtime.broadcast.revokeSessions(sessionIds, reason));
  components.onTeamsChanged((userId, teamIds) => realtime.followTeamChange(userId, teamIds));
  components.onCannedChanged((audience) => realtime.broadcast.cannedChanged(audience));
  components.onAnswerEmailRecorded((conversation, message) =>
    realtime.broadcast.message(conversation, message),
  );
  components.onEmailReceived((conversation, messages, reopened) => {
    for (const message of messages) realtime.broadcast.message(conversation, message);
    // A reopened conversation's whole row goes out with routing's announcement.
    const visitorWrote = messages.some((message) => message.senderKind === 'visitor');
    if (visitorWrote && !reopened && (conversation.status === 'offline' || conversation.status === 'queued'))
      realtime.broadcast.waitingMessage(conversation);
  });
  http.addHook('onClose', async () => {
    closing = true;
  });
  return realtime;
}
