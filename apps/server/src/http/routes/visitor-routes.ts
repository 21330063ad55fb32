import { restEndpoints } from '@switchboard/protocol';
import type { FastifyInstance } from 'fastify';
import { toVisitorConversation } from '../../domain/views.js';
import type { TransportDeps } from '../../realtime/services.js';
import { defineRoute } from '../define-route.js';

export function visitorRoutes(app: FastifyInstance, deps: TransportDeps): void {
  defineRoute(app, restEndpoints.visitorSession, deps, async ({ body, request }) => {
    await deps.limits.consume('visitorSessionsPerIp', request.ip);
    return deps.visitors.createSession(body, request.headers.origin);
  });

  defineRoute(app, restEndpoints.visitorConversations, deps, async ({ principal }) =>
    (await deps.conversations.listForVisitor(principal)).map(toVisitorConversation),
  );
}
