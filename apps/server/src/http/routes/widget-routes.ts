import { restEndpoints } from '@switchboard/protocol';
import type { FastifyInstance } from 'fastify';
import { toVisitorConversation } from '../../domain/views.js';
import type { TransportDeps } from '../../realtime/services.js';
import { defineRoute, SENT } from '../define-route.js';

/** The embedded widget's own endpoints; each refuses pages outside the widget's allowed origins. */
export function widgetRoutes(app: FastifyInstance, deps: TransportDeps): void {
  const { widgets } = deps;

  defineRoute(app, restEndpoints.widgetConfig, deps, async ({ params, request }) =>
    widgets.config(params.widgetId, request.headers.origin),
  );

  defineRoute(app, restEndpoints.offlineMessage, deps, async ({ principal, body, request }) => {
    await widgets.assertOrigin(principal, request.headers.origin);
    deps.bans.assertAllowed({ ip: request.ip, visitorId: principal.visitorId });
    await deps.limits.consume('conversationsPerIp', request.ip);
    return toVisitorConversation(await widgets.leaveOfflineMessage(principal, body));
  });

  defineRoute(app, restEndpoints.leaveMessage, deps, async ({ principal, params, body, request }) => {
    await widgets.assertOrigin(principal, request.headers.origin);
    // Each change is announced to the team: a visitor may not make that a stream.
    await deps.limits.consume('leaveMessagesPerVisitor', principal.visitorId);
    return toVisitorConversation(await widgets.leaveMessage(principal, params.conversationId, body));
  });

  defineRoute(app, restEndpoints.rateConversation, deps, async ({ principal, params, body, request }) => {
    await widgets.assertOrigin(principal, request.headers.origin);
    return widgets.rate(principal, params.conversationId, body);
  });

  defineRoute(
    app,
    restEndpoints.conversationTranscript,
    deps,
    async ({ principal, params, query, request, reply }) => {
      await widgets.assertOrigin(principal, request.headers.origin);
      const text = await widgets.transcript(principal, params.conversationId, query);
      void reply
        .header('Content-Type', 'text/plain; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="transcript-${params.conversationId}.txt"`)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'private, no-store')
        .send(text);
      return SENT;
    },
  );
}
