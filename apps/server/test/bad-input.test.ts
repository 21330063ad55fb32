import { randomUUID } from 'node:crypto';
import {
  agentRequests,
  ErrorCode,
  type RequestMap,
  type Result,
  visitorRequests,
} from '@switchboard/protocol';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  type AgentClient,
  api,
  connectAgent,
  login,
  openAndTake,
  request,
  type VisitorClient,
} from './support/clients.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const TABLES = [
  'messages',
  'conversations',
  'conversation_events',
  'read_marks',
  'attachments',
  'visitors',
  'users',
  'visited_pages',
] as const;
const TOTAL_PAYLOADS = 2_000;

async function rowCounts(t: TestServer): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await t.server.components.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/**
 * Invalid payloads for one event: arbitrary JSON, and valid payloads with one thing broken (a key
 * dropped, a value of the wrong type, an unknown or prototype-polluting key, an oversized string).
 * Every candidate is checked against the schema itself, so only truly invalid input is sent.
 */
function invalidPayloads(schema: z.ZodType, valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const withExtraKey = fc
    .tuple(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'role', 'senderId', 'seq'),
      fc.jsonValue(),
    )
    .map(
      ([key, value]) => JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}}`) as object,
    )
    .map((extra) => Object.assign(JSON.parse(JSON.stringify(valid)) as object, extra));
  const mutated =
    keys.length === 0
      ? withExtraKey
      : fc.oneof(
          fc
            .constantFrom(...keys)
            .map((drop) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== drop))),
          fc
            .tuple(fc.constantFrom(...keys), fc.jsonValue())
            .map(([key, value]) => ({ ...valid, [key]: value })),
          withExtraKey,
          fc.constantFrom(...keys).map((key) => ({ ...valid, [key]: 'x'.repeat(6_000) })),
        );
  const wire = (value: unknown) => JSON.parse(JSON.stringify({ value }) ?? '{}').value as unknown;
  return fc
    .oneof(fc.jsonValue(), mutated)
    .map(wire)
    .filter((payload) => !schema.safeParse(payload).success);
}

function expectTypedError(result: Result<unknown>) {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(ErrorCode.options).toContain(result.error.code);
    expect(typeof result.error.message).toBe('string');
  }
}

describe('bad input: typed errors, no crash, no writes', () => {
  let t: TestServer;
  let agent: AgentClient;
  let visitor: VisitorClient;
  let conversationId: string;

  beforeAll(async () => {
    t = await startTestServer();
    agent = await connectAgent(t.url, (await login(t.url, t.fixture.alice.email)).tokens.accessToken);
    ({ visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, agent));
  });
  afterAll(async () => {
    agent.disconnect();
    visitor.disconnect();
    await t.stop();
  });

  it(`answers ${TOTAL_PAYLOADS} generated malformed payloads across every event with a typed error`, async () => {
    const validFor: Record<string, Record<string, unknown>> = {
      'conversation:open': { attributes: { pageUrl: 'https://shop.example/', language: 'en' } },
      'conversation:list': {},
      'conversation:subscribe': { conversationId },
      'conversation:view': { conversationId },
      'conversation:unsubscribe': { conversationId },
      'conversation:take': { conversationId },
      'conversation:resolve': { conversationId, note: 'done' },
      'conversation:tag': { conversationId, tags: ['refund'] },
      'message:send': { conversationId, clientMsgId: randomUUID(), body: 'hello' },
      'message:sync': { conversationId, afterSeq: 0, limit: 10 },
      'message:read': { conversationId, seq: 1 },
      'typing:set': { conversationId, typing: true },
      'page:view': { conversationId, url: 'https://shop.example/pricing', title: 'Pricing' },
      'agent:status': { status: 'away', reason: 'manual' },
      'agent:state': {},
      'offer:accept': { offerId: randomUUID() },
      'offer:decline': { offerId: randomUUID(), reason: 'busy' },
      'conversation:transfer': {
        conversationId,
        to: { kind: 'team', teamId: randomUUID() },
        reason: 'billing question',
      },
      'agent:hand': { raised: true },
      'supervisor:subscribe': { teamIds: [randomUUID()] },
      'supervisor:unsubscribe': {},
      'supervisor:monitor': { conversationId },
      'supervisor:unmonitor': { conversationId },
      'supervisor:whisper': { conversationId, clientMsgId: randomUUID(), body: 'psst' },
      'supervisor:barge': { conversationId },
      'supervisor:takeover': { conversationId, reason: 'escalation' },
      'supervisor:reassign': {
        conversationId,
        to: { kind: 'agent', userId: randomUUID() },
        reason: 'skills',
      },
      'supervisor:status': { userId: randomUUID(), status: 'away' },
      'supervisor:end': { conversationId, note: 'spam' },
      'session:reauth': { token: 'an-access-token' },
    };
    const targets: Array<{ socket: AgentClient | VisitorClient; specs: RequestMap }> = [
      { socket: visitor, specs: visitorRequests },
      { socket: agent, specs: agentRequests },
    ];
    const events = targets.flatMap(({ socket, specs }) =>
      Object.entries(specs).map(([event, spec]) => ({ socket, event, spec })),
    );
    const before = await rowCounts(t);
    const codes = new Map<string, number>();
    let sent = 0;

    const runsPerEvent = Math.ceil(TOTAL_PAYLOADS / events.length);
    for (const { socket, event, spec } of events) {
      const valid = validFor[event];
      if (!valid) throw new Error(`no valid sample for ${event}`);
      await fc.assert(
        fc.asyncProperty(invalidPayloads(spec.request, valid), async (payload) => {
          const result = await request(socket, event, payload);
          expectTypedError(result);
          if (!result.ok) codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
          sent++;
        }),
        { numRuns: runsPerEvent },
      );
    }
    expect(sent).toBeGreaterThanOrEqual(TOTAL_PAYLOADS);
    expect([...codes.keys()]).toEqual(['invalid-payload']);

    // Wrong arity and unknown events are refused with their own codes.
    expectTypedError(
      await (
        visitor as unknown as {
          timeout(ms: number): { emitWithAck(...a: unknown[]): Promise<Result<unknown>> };
        }
      )
        .timeout(5_000)
        .emitWithAck('message:send', { conversationId }, 'extra'),
    );
    expect(await request(visitor, 'admin:drop-tables', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-event' },
    });
    expect(await request(agent, '__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-event' },
    });

    expect(await rowCounts(t)).toEqual(before);
    expect(visitor.connected && agent.connected).toBe(true);
    expect((await api(t.url, '/healthz')).status).toBe(200);
  }, 120_000);

  it('reports a failed event sent without an ack through request:error', async () => {
    const reported = new Promise<{ event: string; error: { code: string } }>((resolve) =>
      visitor.once('request:error', resolve),
    );
    visitor.emit('typing:set', { conversationId, typing: 'yes' } as never);
    expect(await reported).toMatchObject({ event: 'typing:set', error: { code: 'invalid-payload' } });
  });

  it('refuses frames over the 64 KiB limit by closing that connection, writing nothing', async () => {
    const before = await rowCounts(t);
    const { visitor: big } = await openAndTake(t.url, t.fixture.widget.id, agent);
    const afterOpen = await rowCounts(t);
    const closed = new Promise<string>((resolve) => big.once('disconnect', resolve));
    big.emit('message:send', { conversationId, clientMsgId: randomUUID(), body: 'x'.repeat(100_000) });
    expect(await closed).toBe('transport close');
    expect(await rowCounts(t)).toEqual(afterOpen);
    expect(afterOpen.messages).toBe(before.messages);
    // Everyone else carries on.
    expect((await request(visitor, 'conversation:list', {})).ok).toBe(true);
  });

  it('survives malformed socket.io packets', async () => {
    const { visitor: rogue } = await openAndTake(t.url, t.fixture.widget.id, agent);
    const closed = new Promise<string>((resolve) => rogue.once('disconnect', resolve));
    // Raw engine.io message frames that are not valid socket.io packets.
    const engine = (rogue as unknown as { io: { engine: { write(data: string): void } } }).io.engine;
    engine.write('2/visitor,{"not":"an array"');
    engine.write('9999garbage');
    expect(await closed).toBeTypeOf('string');
    expect((await request(visitor, 'conversation:list', {})).ok).toBe(true);
    expect((await api(t.url, '/readyz')).status).toBe(200);
  });

  it('answers malformed REST bodies with typed errors and oversized bodies with payload-too-large', async () => {
    const notJson = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });

    const huge = await fetch(`${t.url}/api/visitor/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ widgetId: t.fixture.widget.id, name: 'x'.repeat(100_000) }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ ok: false, error: { code: 'payload-too-large' } });

    const polluted = await fetch(`${t.url}/api/visitor/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"widgetId":"${t.fixture.widget.id}","__proto__":{"verified":true}}`,
    });
    expect(polluted.status).toBe(400);
    expect(({} as { verified?: boolean }).verified).toBeUndefined();

    const badQuery = await api(t.url, '/api/conversations?limit=100000&sort=drop', {
      token: (await login(t.url, t.fixture.alice.email)).tokens.accessToken,
    });
    expect(badQuery.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await api(t.url, '/api/nothing-here')).toMatchObject({
      status: 404,
      body: { ok: false, error: { code: 'not-found' } },
    });
  });
});
