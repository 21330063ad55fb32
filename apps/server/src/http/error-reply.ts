import { type ApiError, httpStatusOf } from '@switchboard/protocol';
import type { FastifyReply } from 'fastify';

/**
 * An error envelope with its status; a `rate-limited` one also says when to retry in the standard
 * `Retry-After` header (mail gateways and HTTP clients read it; the envelope's `details` say it too).
 */
export function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  const details = error.details as { retryAfterSeconds?: unknown } | undefined;
  if (error.code === 'rate-limited' && typeof details?.retryAfterSeconds === 'number') {
    void reply.header('Retry-After', String(details.retryAfterSeconds));
  }
  return reply.code(httpStatusOf[error.code]).send({ ok: false, error });
}
