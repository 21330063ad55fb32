import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type {
  ConversationsErased,
  ErasurePage,
  Message,
  PrivacyStatus,
  SearchResults,
  VisitorErased,
  VisitorExport,
  VisitorSummary,
} from '@switchboard/protocol';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrivacyService } from '../src/domain/privacy-service.js';
import {
  type AgentClient,
  api,
  collect,
  connectAgent,
  connectVisitor,
  leaveMessage,
  login,
  nextEvent,
  openAndTake,
  request,
  sendMessage,
  unwrap,
  visitorSession,
} from './support/clients.js';
import { PNG, upload } from './support/files.js';
import { adminToken } from './support/routing-helpers.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('erasing a visitor', () => {
  let t: TestServer;
  let alice: AgentClient;
  let aliceToken: string;
  let adminTokenValue: string;

  beforeAll(async () => {
    t = await startTestServer();
    aliceToken = (await login(t.url, t.fixture.alice.email)).tokens.accessToken;
    alice = await connectAgent(t.url, aliceToken);
    adminTokenValue = await adminToken(t);
  });
  afterAll(async () => {
    alice.disconnect();
    await t.stop();
  });

  const erase = (visitorId: string, token = adminTokenValue) =>
    api<VisitorErased>(t.url, `/api/admin/visitors/${visitorId}/erase`, { token, body: {} });
  const search = async (q: string) =>
    unwrap(
      (
        await api<SearchResults>(t.url, `/api/search/messages?q=${encodeURIComponent(q)}`, {
          token: aliceToken,
        })
      ).body,
    );
  /** Rows of the full-text index file whose stored body holds `word`. */
  const indexedWith = async (word: string) => {
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM search.messages_fts WHERE body LIKE ${`%${word}%`}`.execute(
      t.server.components.sqlite.search,
    );
    return Number(rows[0]?.n);
  };
  const count = async (
    table: 'conversations' | 'messages' | 'attachments' | 'ratings' | 'conversation_events',
  ) =>
    Number(
      (
        await t.server.components.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('deletes every conversation of theirs for good, with its messages, files, rating, history and index entries, and tells every workbench', async () => {
    // Noor: a chat with a file, resolved and rated; then a message left while nobody answered.
    const chat = await openAndTake(t.url, t.fixture.widget.id, alice);
    await sendMessage(chat.visitor, chat.conversationId, 'My parcel zebracorn never arrived');
    unwrap(
      await request(chat.visitor, 'page:view', {
        conversationId: chat.conversationId,
        url: 'https://shop.example/track?parcel=zebracorn',
        title: 'Track your parcel',
      }),
    );
    const file = unwrap(
      (await upload(t.url, chat.conversationId, chat.session.visitorToken, 'label.png', PNG)).body,
    );
    await sendMessage(chat.visitor, chat.conversationId, 'Here is the label', { attachmentId: file.id });
    await sendMessage(alice, chat.conversationId, 'Found it, on its way.');
    await sendMessage(alice, chat.conversationId, 'Courier lost it once before', { visibility: 'agents' });
    unwrap(await request(alice, 'conversation:resolve', { conversationId: chat.conversationId }));
    unwrap(
      (
        await api(t.url, `/api/visitor/conversations/${chat.conversationId}/rating`, {
          token: chat.session.visitorToken,
          body: { score: 5 },
        })
      ).body,
    );
    const left = unwrap(await request<{ id: string }>(chat.visitor, 'conversation:open', {}));
    await sendMessage(chat.visitor, left.id, 'And a zebracorn question for later');
    unwrap(
      (await leaveMessage(t.url, chat.session.visitorToken, left.id, { email: 'noor@example.com' })).body,
    );
    // Someone else, who must keep everything.
    const other = await openAndTake(t.url, t.fixture.widget.id, alice);
    await sendMessage(other.visitor, other.conversationId, 'A zebracorn of my own');

    await expect.poll(async () => (await search('zebracorn')).hits.length, { timeout: 10_000 }).toBe(3);
    expect((await search('noor@example')).conversations.map((c) => c.conversationId)).toEqual([left.id]);
    const before = {
      conversations: await count('conversations'),
      messages: await count('messages'),
      attachments: await count('attachments'),
      ratings: await count('ratings'),
    };
    const uploads = path.join(t.dataDir, 'attachments');
    const stored = readdirSync(uploads);
    const label = await t.server.components.db
      .selectFrom('attachments')
      .select('storage_name')
      .where('id', '=', file.id)
      .executeTakeFirstOrThrow();
    expect(stored).toContain(label.storage_name);

    // A request names her address: it finds her, and the visitor she was in another browser.
    const elsewhere = await visitorSession(t.url, t.fixture.widget.id, {
      name: 'Noor H.',
      email: 'Noor@Example.com',
    });
    const lookup = async (email: string) =>
      unwrap(
        (
          await api<VisitorSummary[]>(t.url, `/api/admin/visitors?email=${encodeURIComponent(email)}`, {
            token: adminTokenValue,
          })
        ).body,
      );
    expect(await lookup('NOOR@example.com')).toEqual([
      expect.objectContaining({ id: chat.session.visitorId, conversations: 2 }),
      expect.objectContaining({
        id: elsewhere.visitorId,
        email: 'Noor@Example.com',
        conversations: 0,
        lastActivity: null,
      }),
    ]);
    expect(await lookup('nobody@example.com')).toEqual([]);
    expect(
      (await api(t.url, '/api/admin/visitors?email=not-an-address', { token: adminTokenValue })).body,
    ).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });

    // First what the server holds about them (the right of access): every message, notes too.
    const exported = unwrap(
      (
        await api<VisitorExport>(t.url, `/api/admin/visitors/${chat.session.visitorId}/export`, {
          token: adminTokenValue,
        })
      ).body,
    );
    expect(exported.visitor).toMatchObject({
      id: chat.session.visitorId,
      name: 'Vera Visitor',
      externalId: null,
    });
    expect(exported.conversations.map((c) => c.conversation.id).sort()).toEqual(
      [chat.conversationId, left.id].sort(),
    );
    const first = exported.conversations.find((c) => c.conversation.id === chat.conversationId);
    expect(first?.messages.map((m) => [m.body, m.visibility])).toEqual([
      ['My parcel zebracorn never arrived', 'all'],
      ['Here is the label', 'all'],
      ['Found it, on its way.', 'all'],
      ['Courier lost it once before', 'agents'],
    ]);
    expect(first?.messages[1]?.attachment?.fileName).toBe('label.png');
    expect(first?.rating).toMatchObject({ score: 5, comment: null });
    expect(first?.pages.map((page) => [page.url, page.title])).toEqual([
      ['https://shop.example/cart', null],
      ['https://shop.example/track?parcel=zebracorn', 'Track your parcel'],
    ]);
    expect(exported.conversations.find((c) => c.conversation.id === left.id)?.conversation.replyTo).toBe(
      'noor@example.com',
    );
    expect(
      (await api(t.url, `/api/admin/visitors/${chat.session.visitorId}/export`, { token: aliceToken })).body,
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const pushed = nextEvent<ConversationsErased>(alice, 'conversation:erased');
    const visitorGone = new Promise<void>((resolve) => chat.visitor.once('disconnect', () => resolve()));
    const erased = unwrap((await erase(chat.session.visitorId)).body);
    const noorMessages = erased.messages;
    expect(erased).toMatchObject({ visitorId: chat.session.visitorId, conversations: 2, attachments: 1 });
    expect(noorMessages).toBeGreaterThanOrEqual(4);
    const push = await pushed;
    expect(new Set(push.conversationIds)).toEqual(new Set([chat.conversationId, left.id]));
    await visitorGone;

    // Gone from the database, the upload directory and both search indexes; the other visitor's stays.
    expect(await count('conversations')).toBe(before.conversations - 2);
    expect(await count('messages')).toBe(before.messages - noorMessages);
    expect(await count('attachments')).toBe(before.attachments - 1);
    expect(await count('ratings')).toBe(before.ratings - 1);
    const remaining = await t.server.components.db
      .selectFrom('conversation_events')
      .select('conversation_id')
      .where('conversation_id', 'in', [chat.conversationId, left.id])
      .execute();
    expect(remaining).toEqual([]);
    const pagesLeft = await t.server.components.db
      .selectFrom('visited_pages')
      .select('conversation_id')
      .where('conversation_id', 'in', [chat.conversationId, left.id, other.conversationId])
      .execute();
    expect(pagesLeft).toEqual([{ conversation_id: other.conversationId }]);
    expect(readdirSync(uploads)).toHaveLength(stored.length - 1);
    expect(existsSync(path.join(uploads, label.storage_name))).toBe(false);
    await expect
      .poll(async () => (await search('zebracorn')).hits.map((h) => h.conversationId), { timeout: 10_000 })
      .toEqual([other.conversationId]);
    expect((await search('noor@example')).conversations).toEqual([]);
    // The index file holds no copy of their words (only the other visitor's message).
    await expect.poll(() => indexedWith('zebracorn'), { timeout: 10_000 }).toBe(1);
    // And no byte of their words or address is left anywhere in the store's files: the database,
    // the index and both logs (deleted content is overwritten; the logs are emptied after).
    // (Her address stays as long as the visitor she was elsewhere keeps it: checked below.)
    const filesHolding = (text: string) =>
      ['switchboard.db', 'switchboard.db-wal', 'switchboard.db-search', 'switchboard.db-search-wal'].filter(
        (file) => {
          const bytes = existsSync(path.join(t.dataDir, file))
            ? readFileSync(path.join(t.dataDir, file))
            : null;
          return bytes?.includes(text) ?? false;
        },
      );
    await expect.poll(() => filesHolding('never arrived'), { timeout: 10_000 }).toEqual([]);

    // Their token no longer connects; the staff's history of the conversation is not found.
    await expect(connectVisitor(t.url, chat.session.visitorToken)).rejects.toMatchObject({
      data: { code: 'token-invalid' },
    });
    expect(
      await request<Message[]>(alice, 'message:sync', { conversationId: chat.conversationId, afterSeq: 0 }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });

    // What stays: which conversations were erased, for workbenches that were away; and the audit entry.
    const page = unwrap((await api<ErasurePage>(t.url, '/api/erasures?after=0', { token: aliceToken })).body);
    expect(page.items.map((e) => e.conversationId).sort()).toEqual([chat.conversationId, left.id].sort());
    expect(page.lastSeq).toBe(push.lastSeq);
    expect(
      unwrap(
        (await api<ErasurePage>(t.url, `/api/erasures?after=${page.lastSeq}`, { token: aliceToken })).body,
      ),
    ).toEqual({ items: [], lastSeq: page.lastSeq });
    const audit = await t.server.components.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'visitor.erase')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.data ?? '{}')).toEqual({
      conversations: 2,
      messages: noorMessages,
      attachments: 1,
    });
    expect(JSON.stringify(audit)).not.toMatch(/noor|zebracorn/i);

    expect(
      unwrap((await api<PrivacyStatus>(t.url, '/api/admin/privacy', { token: adminTokenValue })).body),
    ).toEqual({ retentionDays: null, erasedConversations: 2, lastErasedAt: page.items[0]?.erasedAt });
    expect(
      (await api(t.url, `/api/admin/visitors/${chat.session.visitorId}/export`, { token: adminTokenValue }))
        .body,
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });

    expect((await lookup('noor@example.com')).map((v) => v.id)).toEqual([elsewhere.visitorId]);
    // The address lookup's index holds the address folded, as the other visitor gave it; erasing
    // that visitor too leaves no byte of it anywhere.
    expect(filesHolding('noor@example.com')).not.toEqual([]);
    unwrap((await erase(elsewhere.visitorId)).body);
    await expect.poll(() => filesHolding('noor@example.com'), { timeout: 10_000 }).toEqual([]);
    expect(filesHolding('Noor@Example.com')).toEqual([]);
    expect(await lookup('noor@example.com')).toEqual([]);

    // Once is all: the visitor is gone.
    expect((await erase(chat.session.visitorId)).body).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    other.visitor.disconnect();
  });

  it('refuses while a conversation of theirs is open, and changes nothing; only admins may, with a valid id', async () => {
    const open = await openAndTake(t.url, t.fixture.widget.id, alice);
    await sendMessage(open.visitor, open.conversationId, 'Still talking');
    const before = await count('messages');
    const refused = await erase(open.session.visitorId);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: { code: 'conversation-open' } } },
    });
    expect(await count('messages')).toBe(before);
    expect((await erase(open.session.visitorId, aliceToken)).body).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await erase('not-a-visitor')).body).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(await count('messages')).toBe(before);
    // A visitor with no conversation at all is erased too.
    const session = await visitorSession(t.url, t.fixture.widget.id, { name: 'Just looking' });
    expect(unwrap((await erase(session.visitorId)).body)).toEqual({
      visitorId: session.visitorId,
      conversations: 0,
      messages: 0,
      attachments: 0,
    });
    open.visitor.disconnect();
  });

  it('deletes at start the files no attachment names (a crash between a file and its row)', async () => {
    const chat = await openAndTake(t.url, t.fixture.widget.id, alice);
    unwrap((await upload(t.url, chat.conversationId, chat.session.visitorToken, 'kept.png', PNG)).body);
    const uploads = path.join(t.dataDir, 'attachments');
    const kept = readdirSync(uploads);
    const stray = path.join(uploads, randomUUID());
    writeFileSync(stray, 'left behind');
    expect(await t.server.components.attachments.sweepOrphans()).toBe(1);
    expect(existsSync(stray)).toBe(false);
    expect(readdirSync(uploads)).toEqual(kept);
    chat.visitor.disconnect();
  });
});

describe('the retention period', () => {
  const DAY = 86_400_000;
  let now = Date.now();
  let t: TestServer;
  let alice: AgentClient;

  beforeAll(async () => {
    t = await startTestServer({ privacy: { retentionDays: 30 } }, () => now);
    alice = await connectAgent(t.url, (await login(t.url, t.fixture.alice.email)).tokens.accessToken);
  });
  afterAll(async () => {
    alice.disconnect();
    await t.stop();
  });

  it('deletes conversations resolved longer ago and visitors left with none, and tells the workbenches; keeps the rest', async () => {
    now = Date.now() - 40 * DAY;
    const old = await openAndTake(t.url, t.fixture.widget.id, alice);
    await sendMessage(old.visitor, old.conversationId, 'Long ago');
    unwrap((await upload(t.url, old.conversationId, old.session.visitorToken, 'old.png', PNG)).body);
    unwrap(await request(alice, 'conversation:resolve', { conversationId: old.conversationId }));
    now = Date.now() - 10 * DAY;
    const recent = await openAndTake(t.url, t.fixture.widget.id, alice);
    unwrap(await request(alice, 'conversation:resolve', { conversationId: recent.conversationId }));
    now = Date.now();
    const open = await openAndTake(t.url, t.fixture.widget.id, alice);
    // A visitor who came just over 30 days ago and never opened a chat: only their name is left.
    // (Since the pass the server ran at start: each pass looks at the visitors who came since the
    // one before, and the owners of what it deletes.)
    const lonely = await visitorSession(t.url, t.fixture.widget.id, { name: 'Long Gone' });
    await t.server.components.db
      .updateTable('visitors')
      .set({ created_at: new Date(now - 30 * DAY - 1).toISOString() })
      .where('id', '=', lonely.visitorId)
      .execute();
    const uploads = path.join(t.dataDir, 'attachments');
    expect(readdirSync(uploads)).toHaveLength(1);

    const pushed = nextEvent<ConversationsErased>(alice, 'conversation:erased');
    expect(await t.server.components.privacy.eraseExpired()).toEqual({ conversations: 1, visitors: 1 });
    expect((await pushed).conversationIds).toEqual([old.conversationId]);
    const left = await t.server.components.db.selectFrom('conversations').select('id').execute();
    expect(left.map((c) => c.id).sort()).toEqual([recent.conversationId, open.conversationId].sort());
    expect(readdirSync(uploads)).toEqual([]);
    await expect(connectVisitor(t.url, lonely.visitorToken)).rejects.toMatchObject({
      data: { code: 'token-invalid' },
    });
    const audit = await t.server.components.db
      .selectFrom('audit_log')
      .select(['actor_id', 'data'])
      .where('action', '=', 'retention.erase')
      .execute();
    expect(audit).toEqual([
      {
        actor_id: null,
        data: JSON.stringify({ conversations: 1, messages: 1, attachments: 1, visitors: 1 }),
      },
    ]);
    // Nothing older is left: a second pass deletes nothing.
    expect(await t.server.components.privacy.eraseExpired()).toEqual({ conversations: 0, visitors: 0 });
    // A visitor who came after the last pass's cut-off is deleted by the pass that finds them past
    // it (each pass looks at the visitors who came since the one before).
    const HOUR = 3_600_000;
    const later = await visitorSession(t.url, t.fixture.widget.id, { name: 'Came Later' });
    await t.server.components.db
      .updateTable('visitors')
      .set({ created_at: new Date(now - 30 * DAY + HOUR).toISOString() })
      .where('id', '=', later.visitorId)
      .execute();
    expect(await t.server.components.privacy.eraseExpired()).toEqual({ conversations: 0, visitors: 0 });
    now += 2 * HOUR;
    expect(await t.server.components.privacy.eraseExpired()).toEqual({ conversations: 0, visitors: 1 });
    await expect(connectVisitor(t.url, later.visitorToken)).rejects.toMatchObject({
      data: { code: 'token-invalid' },
    });
    now = Date.now();

    // A visitor who came long before that loses their last conversation to the period: they go
    // with it (the owners of what a pass deletes are looked at, whenever they came).
    now = Date.now() - 40 * DAY;
    const last = await openAndTake(t.url, t.fixture.widget.id, alice);
    unwrap(await request(alice, 'conversation:resolve', { conversationId: last.conversationId }));
    await t.server.components.db
      .updateTable('visitors')
      .set({ created_at: new Date(Date.now() - 40 * DAY).toISOString() })
      .where('id', '=', last.session.visitorId)
      .execute();
    now = Date.now();
    expect(await t.server.components.privacy.eraseExpired()).toEqual({ conversations: 1, visitors: 1 });
    last.visitor.disconnect();

    // More than one transaction's worth: every batch goes, each told to the workbenches.
    now = Date.now() - 40 * DAY;
    const many: string[] = [];
    for (let i = 0; i < 55; i++) {
      const { id } = unwrap(await request<{ id: string }>(recent.visitor, 'conversation:open', {}));
      unwrap(await request(alice, 'conversation:take', { conversationId: id }));
      unwrap(await request(alice, 'conversation:resolve', { conversationId: id }));
      many.push(id);
    }
    now = Date.now();
    const batches = collect<ConversationsErased>(alice, 'conversation:erased');
    expect(await t.server.components.privacy.eraseExpired()).toEqual({ conversations: 55, visitors: 0 });
    await expect.poll(() => batches.flatMap((b) => b.conversationIds).length).toBe(55);
    expect(batches.length).toBeGreaterThan(1);
    expect(new Set(batches.flatMap((b) => b.conversationIds))).toEqual(new Set(many));
    for (const c of [old, recent, open]) c.visitor.disconnect();
  });

  it('remembers the last pass over a restart: the first pass after it looks at who came since, not at everyone', async () => {
    const HOUR = 3_600_000;
    const { db, attachments, logger } = t.server.components;
    now = Date.now();
    await t.server.components.privacy.eraseExpired();
    // Planted behind the cut-off the pass just kept: no visitor can arrive there (the pass looked
    // at everyone who came before it), so only a pass that looked at every visitor would find them.
    const behind = await visitorSession(t.url, t.fixture.widget.id, { name: 'Behind' });
    await db
      .updateTable('visitors')
      .set({ created_at: new Date(now - 60 * DAY).toISOString() })
      .where('id', '=', behind.visitorId)
      .execute();
    // Came an hour after the cut-off: past the period two hours later.
    const since = await visitorSession(t.url, t.fixture.widget.id, { name: 'Since' });
    await db
      .updateTable('visitors')
      .set({ created_at: new Date(now - 30 * DAY + HOUR).toISOString() })
      .where('id', '=', since.visitorId)
      .execute();
    now += 2 * HOUR;

    // The service as the next start makes it, over the same database.
    const restarted = new PrivacyService(db, attachments, logger, { retentionDays: 30, now: () => now });
    expect(await restarted.eraseExpired()).toEqual({ conversations: 0, visitors: 1 });
    const left = await db
      .selectFrom('visitors')
      .select('id')
      .where('id', 'in', [behind.visitorId, since.visitorId])
      .execute();
    expect(left).toEqual([{ id: behind.visitorId }]);
    now = Date.now();
  });
});
