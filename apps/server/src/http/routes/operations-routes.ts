import { fail, ok } from '@switchboard/protocol';
import type { FastifyInstance } from 'fastify';
import type { TransportDeps } from '../../realtime/services.js';

export interface Readiness {
  ready(): Promise<boolean>;
}

export function operationsRoutes(app: FastifyInstance, deps: TransportDeps, readiness: Readiness): void {
  app.get('/healthz', async () => ok({ status: 'ok', epoch: deps.epoch }));

  app.get('/readyz', async (_request, reply) => {
    if (await readiness.ready()) return ok({ status: 'ok', epoch: deps.epoch });
    return reply.code(503).send(fail('unavailable', 'Not ready.'));
  });

  app.get('/metrics', async (_request, reply) => {
    const body = await deps.metrics.registry.metrics();
    return reply.header('Content-Type', deps.metrics.registry.contentType).send(body);
  });
}
