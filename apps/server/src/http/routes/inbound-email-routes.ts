import { restEndpoints } from '@switchboard/protocol';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import type { TransportDeps } from '../../realtime/services.js';
import { defineRoute } from '../define-route.js';

/** The mail gateway posts each reply it receives as the raw email (`message/rfc822`). */
export function inboundEmailRoutes(app: FastifyInstance, deps: TransportDeps): void {
  void app.register(async (scope) => {
    // The secret before the body: a caller without it never has the server read megabytes.
    scope.addHook('onRequest', async (request) => {
      deps.mailGateway.authenticate(request.headers.authorization);
    });
    scope.addContentTypeParser(
      'message/rfc822',
      { parseAs: 'buffer', bodyLimit: deps.mailGateway.maxBytes },
      (_request, body, done) => done(null, body),
    );
    defineRoute(scope, restEndpoints.receiveEmail, deps, async ({ request }) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
        throw new DomainError(
          'unsupported-media-type',
          'Post the email as it arrived: Content-Type: message/rfc822.',
        );
      }
      return deps.mailGateway.receive(request.body);
    });
  });
}
