import type { RequestMap, Result } from '@switchboard/protocol';
import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { VisitorPrincipal } from '../src/domain/principal.js';
import { createMetrics } from '../src/observability/metrics.js';
import { type RequestHandlers, serveRequests } from '../src/realtime/serve-requests.js';
import { RateLimits, relaxedLimits } from '../src/security/rate-limits.js';

/** One event shaped like `message:send`: a handler that commits, delivers, acks, then follows up. */
const specs = {
  'message:send': { request: z.object({ n: z.number() }), response: z.object({ n: z.number() }) },
} satisfies RequestMap;

type Listener = (event: string, ...args: unknown[]) => void;

/** The part of a socket.io socket `serveRequests` uses: incoming events and the socket's identity. */
function fakeSocket() {
  let listener: Listener | undefined;
  const socket = {
    id: 'socket-1',
    data: { principal: { kind: 'visitor', visitorId: 'v1', verified: false, name: null }, ip: '127.0.0.1' },
    onAny: (fn: Listener) => {
      listener = fn;
    },
    emit: () => true,
    disconnect: () => socket,
  };
  return {
    socket: socket as unknown as Socket,
    send: (payload: unknown, ack: (result: Result<unknown>) => void) =>
      listener?.('message:send', payload, ack),
  };
}

function serve(handlers: RequestHandlers<typeof specs, VisitorPrincipal>) {
  const logged: string[] = [];
  const logger = { error: (_fields: object, message: string) => logged.push(message) } as unknown as Logger;
  const metrics = createMetrics({ queuedConversations: async () => 0, unindexedMessages: async () => 0 });
  const { socket, send } = fakeSocket();
  serveRequests(socket, specs, handlers, {
    limits: new RateLimits({
      ...relaxedLimits(1000, 60),
      maxSocketFrameBytes: 1000,
      uploadMaxBytes: 1000,
    }),
    metrics,
    logger,
    limitOf: {},
  });
  return { send, logged };
}

describe('serveRequests: deliveries, acks and follow-ups', () => {
  it('sends every delivery of requests settled together before the first of their acks', async () => {
    const order: string[] = [];
    // Like a group commit: one settlement ends every request's wait in the same round.
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => {
      commit = resolve;
    });
    const { send } = serve({
      'message:send': async ({ n }, ctx) => {
        await committed;
        ctx.deliver(() => order.push(`deliver ${n}`));
        ctx.afterAck(() => order.push(`after ack ${n}`));
        return { n };
      },
    });
    const acked = [1, 2, 3].map(
      (n) => new Promise<void>((resolve) => send({ n }, () => resolve(void order.push(`ack ${n}`)))),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([]);
    commit();
    await Promise.all(acked);
    expect(order).toEqual([
      'deliver 1',
      'deliver 2',
      'deliver 3',
      'ack 1',
      'after ack 1',
      'ack 2',
      'after ack 2',
      'ack 3',
      'after ack 3',
    ]);
  });

  it('acks a request whose delivery throws, and logs the failure', async () => {
    const { send, logged } = serve({
      'message:send': async ({ n }, ctx) => {
        ctx.deliver(() => {
          throw new Error('a room went away');
        });
        return { n };
      },
    });
    const result = await new Promise<Result<unknown>>((resolve) => send({ n: 7 }, resolve));
    expect(result).toEqual({ ok: true, data: { n: 7 } });
    expect(logged).toEqual(['delivery failed']);
  });

  it('logs a follow-up that throws after the ack, and runs the ones after it', async () => {
    const ran: string[] = [];
    const { send, logged } = serve({
      'message:send': async ({ n }, ctx) => {
        ctx.afterAck(() => {
          throw new Error('a push went wrong');
        });
        ctx.afterAck(() => ran.push('next follow-up'));
        return { n };
      },
    });
    const result = await new Promise<Result<unknown>>((resolve) => send({ n: 2 }, resolve));
    expect(result).toEqual({ ok: true, data: { n: 2 } });
    expect(ran).toEqual(['next follow-up']);
    expect(logged).toEqual(['follow-up failed']);
  });

  it('runs no delivery or follow-up for a request that fails', async () => {
    const ran: string[] = [];
    const { send } = serve({
      'message:send': async (_payload, ctx) => {
        ctx.deliver(() => ran.push('deliver'));
        ctx.afterAck(() => ran.push('after ack'));
        throw new Error('the store is gone');
      },
    });
    const result = await new Promise<Result<unknown>>((resolve) => send({ n: 1 }, resolve));
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(ran).toEqual([]);
  });
});
