import { type EndpointSpec, ok } from '@switchboard/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../domain/errors.js';
import { assertEndpointRole } from '../domain/policy.js';
import type { Principal, StaffPrincipal, VisitorPrincipal } from '../domain/principal.js';
import type { TransportDeps } from '../realtime/services.js';
import { toApiError } from '../transport-errors.js';
import { sendError } from './error-reply.js';

type PrincipalFor<S extends EndpointSpec> = S['auth'] extends 'staff' | 'staff-supervisor' | 'admin'
  ? StaffPrincipal
  : S['auth'] extends 'visitor'
    ? VisitorPrincipal
    : S['auth'] extends 'staff-or-visitor'
      ? Principal
      : undefined;

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;
type DataOf<S extends EndpointSpec> = S['response'] extends z.ZodType ? z.input<S['response']> : never;

export interface RouteInput<S extends EndpointSpec> {
  principal: PrincipalFor<S>;
  params: Parsed<S['params']>;
  query: Parsed<S['query']>;
  body: Parsed<S['body']>;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** Marks a response the handler sent itself (a file download). */
export const SENT = Symbol('sent');

/**
 * Registers one endpoint of the protocol's `restEndpoints`: authenticates per its `auth`, parses
 * params, query and body with its schemas, and answers with the Result envelope.
 */
export function defineRoute<S extends EndpointSpec>(
  app: FastifyInstance,
  spec: S,
  deps: TransportDeps,
  handler: (input: RouteInput<S>) => Promise<DataOf<S> | typeof SENT>,
): void {
  app.route({
    method: spec.method,
    url: spec.path,
    // The mail gateway's secret before the body: without it the server never reads megabytes.
    ...(spec.auth === 'mail-gateway'
      ? {
          onRequest: async (request: FastifyRequest) =>
            deps.mailGateway.authenticate(request.headers.authorization),
        }
      : {}),
    handler: async (request, reply) => {
      try {
        const principal = await authenticate(spec, request, deps);
        const input = {
          principal,
          params: parse(spec.params, request.params),
          query: parse(spec.query, request.query),
          body: parse(spec.body, request.isMultipart() ? undefined : (request.body ?? {})),
          request,
          reply,
        } as RouteInput<S>;
        const data = await handler(input);
        if (data === SENT) return reply;
        return reply.send(ok(data));
      } catch (error) {
        const apiError = toApiError(error, request.log, { route: spec.path });
        deps.metrics.errors.inc({ code: apiError.code, transport: 'http' });
        return sendError(reply, apiError);
      }
    },
  });
}

function parse(schema: z.ZodType | undefined, value: unknown): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new DomainError('invalid-payload', z.prettifyError(parsed.error).slice(0, 1000));
  }
  return parsed.data;
}

async function authenticate(
  spec: EndpointSpec,
  request: FastifyRequest,
  deps: TransportDeps,
): Promise<Principal | undefined> {
  if (spec.auth === 'none') return undefined;
  // Checked in the route's onRequest hook, before the body was read.
  if (spec.auth === 'mail-gateway') return undefined;
  const header = request.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  if (!token) throw new DomainError('unauthenticated', 'Send Authorization: Bearer <token>.');
  // Access tokens are JWTs (three dot-separated parts); visitor tokens are opaque.
  const looksLikeJwt = token.split('.').length === 3;
  if (spec.auth === 'staff-or-visitor' && looksLikeJwt) return deps.auth.authenticate(token);
  if (spec.auth === 'staff' || spec.auth === 'staff-supervisor' || spec.auth === 'admin') {
    const staff = await deps.auth.authenticate(token);
    // The role gate comes before any lookup, so a refused caller learns nothing about the ids.
    assertEndpointRole(staff, spec.auth);
    return staff;
  }
  return deps.visitors.authenticate(token);
}
