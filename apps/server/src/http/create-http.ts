import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import { fail, httpStatusOf } from '@switchboard/protocol';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { DomainError } from '../domain/errors.js';
import { loggerOptions } from '../observability/logger.js';
import type { OriginPolicy } from '../security/origins.js';
import { toApiError } from '../transport-errors.js';
import { sendError } from './error-reply.js';

export const JSON_BODY_LIMIT = 64 * 1024;

export async function createHttp(config: Config, origins: OriginPolicy): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: false,
  });

  await app.register(cors, {
    origin: (origin, callback) => callback(null, origins.isKnown(origin)),
    credentials: false,
    methods: ['GET', 'POST'],
  });
  await app.register(multipart, {
    limits: { fileSize: config.limits.uploadMaxBytes, files: 1, fields: 0, parts: 1 },
  });

  app.setNotFoundHandler((_request, reply) => {
    void reply.code(404).send(fail('not-found', 'No such endpoint.'));
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string; message?: string }, request, reply) => {
    // A refusal from a hook (before a route's own handler runs).
    if (error instanceof DomainError) {
      void sendError(reply, toApiError(error, request.log, { url: request.url }));
      return;
    }
    const status = error.statusCode ?? 500;
    const code =
      status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE'
        ? 'payload-too-large'
        : status === 415
          ? 'unsupported-media-type'
          : status >= 400 && status < 500
            ? 'invalid-payload'
            : 'internal';
    if (code === 'internal') request.log.error({ err: error }, 'unhandled request error');
    const message = code === 'internal' ? 'Something went wrong on the server.' : (error.message ?? code);
    void reply.code(httpStatusOf[code]).send(fail(code, message));
  });

  return app;
}
