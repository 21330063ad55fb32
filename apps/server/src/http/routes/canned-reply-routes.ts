import { restEndpoints } from '@switchboard/protocol';
import type { FastifyInstance } from 'fastify';
import type { TransportDeps } from '../../realtime/services.js';
import { defineRoute } from '../define-route.js';

/** Canned replies for the workbench's composer, and their editing (scoped by the policy). */
export function cannedReplyRoutes(app: FastifyInstance, deps: TransportDeps): void {
  const { canned } = deps;
  defineRoute(app, restEndpoints.listCannedReplies, deps, async ({ principal }) => canned.list(principal));
  defineRoute(app, restEndpoints.createCannedReply, deps, async ({ principal, body }) =>
    canned.create(principal, body),
  );
  defineRoute(app, restEndpoints.updateCannedReply, deps, async ({ principal, params, body }) =>
    canned.update(principal, params.cannedReplyId, body),
  );
  defineRoute(app, restEndpoints.deleteCannedReply, deps, async ({ principal, params }) => {
    await canned.remove(principal, params.cannedReplyId);
    return {};
  });
}
