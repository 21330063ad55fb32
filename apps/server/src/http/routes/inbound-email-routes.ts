import { restEndpoints } from '@switchboard/protocol';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import type { TransportDeps } from '../../realtime/services.js';
import { defineRoute } from '../define-route.js';

/**
 * The mail gateway posts each reply it receives as the raw email (`message/rfc822`); its secret
 * is checked before the body is read (`defineRoute`). A scope of its own for the content type.
 */
export function inboundEmailRoutes(app: FastifyInstance, deps: TransportDeps): void {
  void app.register(async (scope) => {
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
