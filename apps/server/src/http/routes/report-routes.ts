import { reportEndpoints } from '@switchboard/protocol';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TransportDeps } from '../../realtime/services.js';
import { defineRoute, SENT } from '../define-route.js';

/** Reports for supervisors (their teams) and admins; JSON and CSV. */
export function reportRoutes(app: FastifyInstance, deps: TransportDeps): void {
  defineRoute(app, reportEndpoints.report, deps, async ({ principal, query }) =>
    deps.reports.report(principal, query),
  );

  defineRoute(app, reportEndpoints.reportConversations, deps, async ({ principal, query }) =>
    deps.reports.conversations(principal, query),
  );

  defineRoute(app, reportEndpoints.reportCsv, deps, async ({ principal, query, reply }) =>
    sendCsv(reply, `report-${query.from}-${query.to}.csv`, await deps.reports.reportCsv(principal, query)),
  );

  defineRoute(app, reportEndpoints.reportConversationsCsv, deps, async ({ principal, query, reply }) =>
    sendCsv(
      reply,
      `conversations-${query.from}-${query.to}.csv`,
      await deps.reports.conversationsCsv(principal, query),
    ),
  );
}

/** A CSV download: never sniffed or shown inline by the browser. */
async function sendCsv(reply: FastifyReply, fileName: string, csv: string): Promise<typeof SENT> {
  await reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('x-content-type-options', 'nosniff')
    .send(csv);
  return SENT;
}
