import { restEndpoints } from '@switchboard/protocol';
import type { FastifyInstance } from 'fastify';
import type { TransportDeps } from '../../realtime/services.js';
import { listCannedReplies } from '../../store/canned-replies.js';
import { defineRoute } from '../define-route.js';

/** Canned replies for the workbench's composer; any staff member may read them. */
export function cannedReplyRoutes(app: FastifyInstance, deps: TransportDeps): void {
  defineRoute(app, restEndpoints.listCannedReplies, deps, async () => listCannedReplies(deps.db));
}
