import { restEndpoints } from '@switchboard/protocol';
import type { FastifyInstance } from 'fastify';
import { toVisitorConversation } from '../../domain/views.js';
import type { TransportDeps } from '../../realtime/services.js';
import { defineRoute } from '../define-route.js';

export function visitorRoutes(app: FastifyInstance, deps: TransportDeps): void {
  defineRoute(app, restEndpoints.visitorSession, deps, async ({ body, request }) => {
    deps.bans.assertAllowed({ ip: request.ip });
    await deps.limits.consume('visitorSessionsPerIp', request.ip);
    const session = await deps.visitors.createSession(body, request.headers.origin);
    deps.bans.assertAllowed({ visitorId: session.visitorId });
    return session;
  });

  defineRoute(app, restEndpoints.visitorConversations, deps, async ({ principal }) =>
    (await deps.conversations.listForVisitor(principal)).map(toVisitorConversation),
  );
}
