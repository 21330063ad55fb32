import type { MessageAck, VisitorConversation } from '@switchboard/protocol';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/store/schema.js';
import { login, request, unwrap, visitorSession } from './support/clients.js';
import { type ReliableClient, reliableAgent, reliableVisitor } from './support/reliable-client.js';
import { ServerProcess } from './support/server-process.js';

const VISITORS = 20;
const MESSAGES_PER_VISITOR = 50;
const IN_FLIGHT_PER_VISITOR = 5;
/** About a quarter of the burst: well inside it, whatever the machine's speed. */
const KILL_AFTER_ACKS = 250;
const CONVERGENCE_DEADLINE_MS = 60_000;

interface Visitor {
  index: number;
  client: ReliableClient;
  conversationId: string;
  /** Every clientMsgId this visitor made, in sending order. */
  sent: string[];
}

interface StoredMessage {
  seq: number;
  clientMsgId: string;
  body: string;
  createdAt: string;
}

describe('durability: the server is killed with SIGKILL during a burst and restarted on the same file', () => {
  let server: ServerProcess;
  const clients: ReliableClient[] = [];

  beforeAll(async () => {
    server = await ServerProcess.prepare();
    await server.start();
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.dispose();
  });

  it('keeps every acked message exactly once, seq contiguous, and every transcript identical', async () => {
    const agent = await connectAgent(server, clients);
    const visitors = await Promise.all(
      Array.from({ length: VISITORS }, (_, index) => openTakenConversation(server, agent, index, clients)),
    );
    const epochBeforeCrash = server.epoch;

    const killPoint = afterAcks(visitors, KILL_AFTER_ACKS);
    const burst = Promise.all(visitors.map(sendBurst));
    await Promise.race([killPoint, burst]);
    await server.kill();
    const acksBeforeCrash = visitors.map((visitor) => new Map(visitor.client.acks));
    const ackedBeforeCrash = acksBeforeCrash.reduce((sum, acks) => sum + acks.size, 0);
    // The kill landed mid-burst: some messages were acked, others were in flight or not sent yet.
    expect(ackedBeforeCrash).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(ackedBeforeCrash).toBeLessThan(VISITORS * MESSAGES_PER_VISITOR);
    expect(visitors.reduce((sum, v) => sum + v.client.unacked, 0)).toBeGreaterThan(0);

    await server.start();
    const epochAfterRestart = server.epoch;
    await Promise.all([
      burst,
      eventually(
        () => everyoneHoldsEverything(visitors, agent),
        CONVERGENCE_DEADLINE_MS,
        () => progress(visitors, agent),
      ),
    ]);
    for (const client of clients) client.close();
    await server.stop();

    const stored = await readStoredMessages(server.databaseFile);
    expect([...stored.keys()].sort()).toEqual(visitors.map((v) => v.conversationId).sort());
    for (const client of clients) {
      expect(client.anomalies).toEqual([]);
      expect(client.refusals).toEqual([]);
    }
    visitors.forEach((visitor, i) => {
      const rows = stored.get(visitor.conversationId) ?? [];
      expectStoredOnceWithContiguousSeq(visitor, rows);
      expectAcksMatchStore(visitor, acksBeforeCrash[i] ?? new Map(), rows);
      expectIdenticalTranscripts(visitor, agent, rows);
    });

    expect(epochAfterRestart).not.toBe(epochBeforeCrash);
    for (const client of clients) expect(client.epochs).toEqual([epochBeforeCrash, epochAfterRestart]);
  }, 120_000);
});

async function connectAgent(server: ServerProcess, clients: ReliableClient[]): Promise<ReliableClient> {
  const agent = reliableAgent(server.url, await login(server.url, server.fixture.alice.email));
  clients.push(agent);
  await agent.whenReady();
  return agent;
}

/** A visitor opens a conversation on team A's widget and the agent takes it (and so follows it). */
async function openTakenConversation(
  server: ServerProcess,
  agent: ReliableClient,
  index: number,
  clients: ReliableClient[],
): Promise<Visitor> {
  const name = `Visitor ${index}`;
  const session = await visitorSession(server.url, server.fixture.widget.id, { name });
  const client = reliableVisitor(server.url, session, name);
  clients.push(client);
  await client.whenReady();
  const conversation = unwrap(await request<VisitorConversation>(client.socket, 'conversation:open', {}));
  client.follow(conversation.id);
  unwrap(await request(agent.socket, 'conversation:take', { conversationId: conversation.id }));
  agent.follow(conversation.id);
  return { index, client, conversationId: conversation.id, sent: [] };
}

/** Sends the visitor's messages over a few lanes, each waiting for its ack before sending the next. */
async function sendBurst(visitor: Visitor): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < MESSAGES_PER_VISITOR) {
      const body = `visitor ${visitor.index}, message ${next}`;
      next += 1;
      const { clientMsgId, acked } = visitor.client.send(visitor.conversationId, body);
      visitor.sent.push(clientMsgId);
      await acked;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT_PER_VISITOR }, lane));
}

/** Resolves on the count-th first ack across all visitors. */
function afterAcks(visitors: Visitor[], count: number): Promise<void> {
  return new Promise((resolve) => {
    let acked = 0;
    for (const { client } of visitors) {
      client.onAck(() => {
        acked += 1;
        if (acked === count) resolve();
      });
    }
  });
}

function everyoneHoldsEverything(visitors: Visitor[], agent: ReliableClient): boolean {
  return visitors.every(
    (v) =>
      v.sent.length === MESSAGES_PER_VISITOR &&
      v.client.unacked === 0 &&
      v.client.lastSeq(v.conversationId) >= MESSAGES_PER_VISITOR &&
      agent.lastSeq(v.conversationId) >= MESSAGES_PER_VISITOR,
  );
}

function progress(visitors: Visitor[], agent: ReliableClient): string {
  const clients = [agent, ...visitors.map((v) => v.client)];
  return JSON.stringify({
    acked: visitors.reduce((sum, v) => sum + v.client.acks.size, 0),
    unacked: visitors.reduce((sum, v) => sum + v.client.unacked, 0),
    visitorLastSeqs: visitors.map((v) => v.client.lastSeq(v.conversationId)),
    agentLastSeqs: visitors.map((v) => agent.lastSeq(v.conversationId)),
    anomalies: clients.flatMap((c) => c.anomalies),
    refusals: clients.flatMap((c) => c.refusals),
  });
}

/** Polls until `condition` holds; fails with `describe()` once the deadline passes. */
async function eventually(condition: () => boolean, deadlineMs: number, describe: () => string) {
  const deadline = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Not reached within ${deadlineMs} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every message row, per conversation in seq order, read from the file after the server stopped. */
async function readStoredMessages(file: string): Promise<Map<string, StoredMessage[]>> {
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({
      database: new BetterSqlite3(file, { readonly: true, fileMustExist: true }),
    }),
  });
  try {
    const rows = await db
      .selectFrom('messages')
      .select(['conversation_id', 'seq', 'client_msg_id', 'body', 'created_at'])
      .orderBy('conversation_id')
      .orderBy('seq')
      .execute();
    const byConversation = new Map<string, StoredMessage[]>();
    for (const row of rows) {
      const list = byConversation.get(row.conversation_id) ?? [];
      list.push({ seq: row.seq, clientMsgId: row.client_msg_id, body: row.body, createdAt: row.created_at });
      byConversation.set(row.conversation_id, list);
    }
    return byConversation;
  } finally {
    await db.destroy();
  }
}

/** All the visitor's messages, each once, numbered 1..N with no gap. */
function expectStoredOnceWithContiguousSeq(visitor: Visitor, rows: StoredMessage[]): void {
  expect(new Set(visitor.sent).size).toBe(MESSAGES_PER_VISITOR);
  expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: MESSAGES_PER_VISITOR }, (_, i) => i + 1));
  expect(rows.map((r) => r.clientMsgId).sort()).toEqual([...visitor.sent].sort());
}

/** Every ack names the stored seq and time, and no ack given before the crash changed after it. */
function expectAcksMatchStore(
  visitor: Visitor,
  acksBeforeCrash: Map<string, MessageAck>,
  rows: StoredMessage[],
): void {
  const storedAcks = new Map(rows.map((r) => [r.clientMsgId, ackOf(r)]));
  expect(Object.fromEntries(visitor.client.acks)).toEqual(Object.fromEntries(storedAcks));
  for (const [clientMsgId, ack] of acksBeforeCrash) expect(storedAcks.get(clientMsgId)).toEqual(ack);
}

/** The visitor, the agent and the store agree message by message. */
function expectIdenticalTranscripts(visitor: Visitor, agent: ReliableClient, rows: StoredMessage[]): void {
  const visitorSees = visitor.client.transcript(visitor.conversationId);
  expect(agent.transcript(visitor.conversationId)).toEqual(visitorSees);
  expect(
    visitorSees.map((m) => ({
      seq: m.seq,
      clientMsgId: m.clientMsgId,
      body: m.body,
      createdAt: m.createdAt,
    })),
  ).toEqual(rows);
}

function ackOf(row: StoredMessage): MessageAck {
  return { clientMsgId: row.clientMsgId, seq: row.seq, createdAt: row.createdAt };
}
