import { randomUUID } from 'node:crypto';
import {
  type Conversation,
  ESCALATE_AFTER_MISSED_OFFERS,
  type Offer,
  PROTOCOL_VERSION,
  type SupervisorSnapshot,
} from '@switchboard/protocol';
import BetterSqlite3 from 'better-sqlite3';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/domain/passwords.js';
import type { Db } from '../src/store/open-sqlite.js';
import { addTeamMember, insertUser } from '../src/store/users.js';
import {
  type AgentClient,
  connected,
  connectVisitor,
  login,
  request,
  unwrap,
  visitorSession,
} from './support/clients.js';
import { PASSWORD } from './support/fixture.js';
import { ServerProcess } from './support/server-process.js';

const AGENTS = 20;
const CONVERSATIONS = 120;

interface Desk {
  email: string;
  socket: AgentClient;
  offers: Offer[];
}

/** An agent desk that records every offer from its first moment on (offers ring right after hello). */
async function openDesk(url: string, email: string, accessToken: string): Promise<Desk> {
  const socket: AgentClient = io(`${url}/agent`, {
    auth: { token: accessToken, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    autoConnect: false,
  });
  const desk: Desk = { email, socket, offers: [] };
  socket.on('offer:new', (offer) => desk.offers.push(offer));
  await connected(socket);
  return desk;
}

/** The team offers each chat to one agent at a time, and an offer rings long past the test. */
async function ringForTenMinutes(db: Db, teamId: string): Promise<void> {
  await db
    .updateTable('teams')
    .set({ mode: 'offer', offer_timeout_seconds: 600 })
    .where('id', '=', teamId)
    .execute();
}

/** Routing's invariants, read from the database file itself. */
function checkStore(file: string) {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const conversations = db.prepare('SELECT id, status, assignee_id FROM conversations').all() as Array<{
      id: string;
      status: string;
      assignee_id: string | null;
    }>;
    const openOffers = db
      .prepare("SELECT conversation_id, user_id FROM offers WHERE status = 'open'")
      .all() as Array<{
      conversation_id: string;
      user_id: string;
    }>;
    const assignedTwice = db
      .prepare(
        "SELECT conversation_id FROM conversation_events WHERE kind = 'assigned' GROUP BY conversation_id HAVING count(*) > 1",
      )
      .all();
    const loads = db
      .prepare(
        "SELECT u.capacity AS capacity, count(c.id) AS load FROM users u JOIN conversations c ON c.assignee_id = u.id AND c.status = 'assigned' GROUP BY u.id",
      )
      .all() as Array<{ capacity: number; load: number }>;
    expect(assignedTwice).toEqual([]);
    expect(new Set(openOffers.map((o) => o.conversation_id)).size).toBe(openOffers.length);
    expect(new Set(openOffers.map((o) => o.user_id)).size).toBe(openOffers.length);
    for (const offer of openOffers) {
      expect(conversations.find((c) => c.id === offer.conversation_id)?.status).toBe('queued');
    }
    for (const c of conversations) {
      if (c.status === 'assigned') expect(c.assignee_id).not.toBeNull();
      if (c.status === 'queued') expect(c.assignee_id).toBeNull();
    }
    for (const { capacity, load } of loads) expect(load).toBeLessThanOrEqual(capacity);
    return { conversations, openOffers };
  } finally {
    db.close();
  }
}

describe('routing across a server crash', () => {
  const emails: string[] = [];
  let server: ServerProcess;
  const desks: Desk[] = [];

  afterAll(async () => {
    for (const desk of desks) desk.socket.disconnect();
    await server?.dispose();
  });

  it('loses nothing and assigns nothing twice when killed with 100 queued and 20 offered conversations', async () => {
    server = await ServerProcess.prepare({
      config: { routing: { tickMilliseconds: 50, disconnectGraceSeconds: 60 } },
      seed: async (db, fixture) => {
        const hash = await hashPassword(PASSWORD, 1024);
        for (let i = 0; i < AGENTS; i++) {
          const id = randomUUID();
          const email = `desk${i}@example.test`;
          emails.push(email);
          await insertUser(db, { id, email, name: `Desk ${i}`, role: 'agent', passwordHash: hash });
          await addTeamMember(db, fixture.teamA, id);
        }
        // Alice and Andy stay away; the desks carry one chat each and ring in turn.
        await db.updateTable('users').set({ capacity: 1 }).execute();
        await ringForTenMinutes(db, fixture.teamA);
      },
    });
    await server.start();
    const url = server.url;

    const tokens = new Map<string, string>();
    for (const email of emails) {
      const { tokens: issued } = await login(url, email);
      tokens.set(email, issued.accessToken);
      const desk = await openDesk(url, email, issued.accessToken);
      unwrap(await request(desk.socket, 'agent:status', { status: 'online' }));
      desks.push(desk);
    }
    const opened: string[] = [];
    for (let i = 0; i < CONVERSATIONS; i++) {
      const session = await visitorSession(url, server.fixture.widget.id);
      const visitor = await connectVisitor(url, session.visitorToken);
      opened.push(unwrap(await request<{ id: string }>(visitor, 'conversation:open', {})).id);
      visitor.disconnect();
    }
    await expect
      .poll(() => desks.filter((d) => d.offers.length === 1).length, { timeout: 10_000 })
      .toBe(AGENTS);

    await server.kill();
    const before = checkStore(server.databaseFile);
    expect(before.openOffers).toHaveLength(AGENTS);
    expect(before.conversations.filter((c) => c.status === 'queued')).toHaveLength(CONVERSATIONS);

    await server.start();
    for (const desk of desks.splice(0)) desk.socket.disconnect();
    // The desks reconnect with the tokens they had: each rings again with the offer it had.
    for (const email of emails) desks.push(await openDesk(server.url, email, tokens.get(email) as string));
    await expect
      .poll(() => desks.filter((d) => d.offers.length === 1).length, { timeout: 10_000 })
      .toBe(AGENTS);
    const reoffered = new Set(desks.map((d) => d.offers[0]?.conversation.id));
    expect(reoffered).toEqual(new Set(before.openOffers.map((o) => o.conversation_id)));
    checkStore(server.databaseFile);

    // Work the whole queue: accept what rings, resolve it, until every conversation is done.
    const done = new Set<string>();
    const deadline = Date.now() + 60_000;
    while (done.size < CONVERSATIONS && Date.now() < deadline) {
      for (const desk of desks) {
        const offer = desk.offers.shift();
        if (!offer) continue;
        const accepted = await request<Conversation>(desk.socket, 'offer:accept', { offerId: offer.offerId });
        if (!accepted.ok) continue;
        expect(done.has(accepted.data.id)).toBe(false);
        unwrap(await request(desk.socket, 'conversation:resolve', { conversationId: accepted.data.id }));
        done.add(accepted.data.id);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(done).toEqual(new Set(opened));
    const after = checkStore(server.databaseFile);
    expect(after.conversations.every((c) => c.status === 'resolved')).toBe(true);
    expect(after.openOffers).toEqual([]);
  }, 150_000);
});

describe("a chat's unanswered offers across a server crash", () => {
  let server: ServerProcess;
  const sockets: Array<{ disconnect(): void }> = [];

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await server?.dispose();
  });

  it('are counted again after a restart, so an escalated chat stays flagged', async () => {
    server = await ServerProcess.prepare({
      seed: (db, fixture) => ringForTenMinutes(db, fixture.teamA),
    });
    await server.start();
    const desks: Desk[] = [];
    for (const person of [server.fixture.alice, server.fixture.andy]) {
      const desk = await openDesk(
        server.url,
        person.email,
        (await login(server.url, person.email)).tokens.accessToken,
      );
      unwrap(await request(desk.socket, 'agent:status', { status: 'online' }));
      desks.push(desk);
      sockets.push(desk.socket);
    }
    const session = await visitorSession(server.url, server.fixture.widget.id);
    const visitor = await connectVisitor(server.url, session.visitorToken);
    sockets.push(visitor);
    const { id } = unwrap(await request<{ id: string }>(visitor, 'conversation:open', {}));
    // Each desk declines what rings; the second decline escalates the chat, and it rings again.
    for (let declined = 0; declined < ESCALATE_AFTER_MISSED_OFFERS; declined++) {
      await expect.poll(() => desks.some((d) => d.offers.length > 0), { timeout: 5_000 }).toBe(true);
      const desk = desks.find((d) => d.offers.length > 0) as Desk;
      const offer = desk.offers.shift() as Offer;
      unwrap(await request(desk.socket, 'offer:decline', { offerId: offer.offerId }));
    }
    const missed = async () => {
      const admin = await openDesk(
        server.url,
        server.fixture.admin.email,
        (await login(server.url, server.fixture.admin.email)).tokens.accessToken,
      );
      sockets.push(admin.socket);
      const snapshot = unwrap(await request<SupervisorSnapshot>(admin.socket, 'supervisor:subscribe', {}));
      admin.socket.disconnect();
      return snapshot.chats.find((c) => c.conversationId === id)?.missedOffers;
    };
    expect(await missed()).toBe(ESCALATE_AFTER_MISSED_OFFERS);

    await server.kill();
    await server.start();
    expect(await missed()).toBe(ESCALATE_AFTER_MISSED_OFFERS);
  }, 60_000);
});
