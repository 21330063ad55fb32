import {
  type ApiError,
  fail,
  ok,
  type RequestMap,
  type RequestOf,
  type ResponseOf,
  type Result,
} from '@switchboard/protocol';
import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import { z } from 'zod';
import type { Principal } from '../domain/principal.js';
import type { Metrics } from '../observability/metrics.js';
import type { LimitName, RateLimits } from '../security/rate-limits.js';
import { toApiError } from '../transport-errors.js';

export interface RequestContext<P extends Principal> {
  principal: P;
  socketId: string;
  ip: string;
  /**
   * Runs as soon as the handler has finished, before the ack: a message's fan-out, which never
   * reaches the sending socket (that socket learns of its message from the ack). A throw is
   * logged, never reported as the request's failure.
   */
  deliver(fn: () => void): void;
  /**
   * Runs after the ack is sent: fan-out never delays (or is mistaken for) the ack. A throw is
   * logged.
   */
  afterAck(fn: () => void): void;
}

export type RequestHandlers<M extends RequestMap, P extends Principal> = {
  [K in keyof M & string]: (
    payload: RequestOf<M, K>,
    context: RequestContext<P>,
  ) => Promise<ResponseOf<M, K>>;
};

export interface ServeOptions {
  limits: RateLimits;
  metrics: Metrics;
  logger: Logger;
  /** The per-socket limit each event spends; events not listed spend `requestsPerSocket`. */
  limitOf: Partial<Record<string, LimitName>>;
  /**
   * Whether the socket's credentials have run out: then every event is refused with
   * `token-expired` and the socket is closed.
   */
  expired?: () => boolean;
}

/**
 * The one path every client → server event takes: credentials still good? known event? one
 * payload object? schema parse, rate limit, handler, deliveries to other sockets, ack with the
 * result envelope, then deferred fan-out. Without an ack callback, a failure is reported with
 * `request:error`.
 */
export function serveRequests<M extends RequestMap, P extends Principal>(
  socket: Socket,
  specs: M,
  handlers: RequestHandlers<M, P>,
  options: ServeOptions,
): void {
  const { principal, ip } = socket.data as { principal: P; ip: string };

  socket.onAny((event: unknown, ...args: unknown[]) => {
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (args.pop() as (result: Result<unknown>) => void) : undefined;
    const name = typeof event === 'string' ? event : String(event);
    // What errors and logs repeat of the name: a client may send any string as the event.
    const shownName = name.slice(0, 100);
    const deliveries: Array<() => void> = [];
    const deferred: Array<() => void> = [];

    const reply = (result: Result<unknown>) => {
      if (!result.ok) options.metrics.errors.inc({ code: result.error.code, transport: 'socket' });
      if (ack) ack(result);
      else if (!result.ok) socket.emit('request:error', { event: shownName, error: result.error });
      for (const fn of deferred) runLogged(fn, options.logger, shownName, 'follow-up failed');
    };

    void (async () => {
      if (options.expired?.()) {
        reply(fail('token-expired', 'The access token has expired; sign in again.'));
        socket.disconnect(true);
        return;
      }
      if (!Object.hasOwn(specs, name)) return reply(fail('unknown-event', `Unknown event "${shownName}".`));
      const event = name as keyof M & string;
      if (args.length !== 1) return reply(fail('invalid-payload', 'Send exactly one payload object.'));
      const parsed = (specs[event] as M[keyof M]).request.safeParse(args[0]);
      if (!parsed.success) {
        return reply(
          fail('invalid-payload', z.prettifyError(parsed.error).slice(0, 1000), {
            issues: summarize(parsed.error),
          }),
        );
      }
      await options.limits.consume(options.limitOf[event] ?? 'requestsPerSocket', socket.id);
      const context: RequestContext<P> = {
        principal,
        socketId: socket.id,
        ip,
        deliver: (fn) => deliveries.push(fn),
        afterAck: (fn) => deferred.push(fn),
      };
      const data = await handlers[event](parsed.data as RequestOf<M, typeof event>, context);
      for (const fn of deliveries) runLogged(fn, options.logger, shownName, 'delivery failed');
      // A group commit settles every send of its batch in one round of microtasks; queueing the
      // ack lets the deliveries of the whole batch go out before the first of its acks.
      queueMicrotask(() => runLogged(() => reply(ok(data)), options.logger, shownName, 'ack failed'));
    })().catch((error: unknown) => {
      deferred.length = 0;
      const apiError: ApiError = toApiError(error, options.logger, { event: shownName });
      reply({ ok: false, error: apiError });
    });
  });
}

/** Work after the handler's commit: a throw there is logged, and the request has succeeded. */
function runLogged(fn: () => void, logger: Logger, event: string, what: string): void {
  try {
    fn();
  } catch (error) {
    logger.error({ err: error, event }, what);
  }
}

function summarize(error: z.ZodError) {
  return error.issues.slice(0, 10).map((issue) => ({ path: issue.path.map(String), message: issue.message }));
}
