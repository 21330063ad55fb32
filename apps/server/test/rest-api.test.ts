import { randomUUID } from 'node:crypto';
import type { ConversationPage, Message, MessageAck, SearchResults } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveContactIn } from '../src/store/contacts.js';
import {
  type AgentClient,
  api,
  connectAgent,
  connectVisitor,
  login,
  openAndTake,
  request,
  unwrap,
  visitorSession,
} from './support/clients.js';
import { PNG, pdf, upload } from './support/files.js';
import { SHOP_ORIGIN } from './support/fixture.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('REST API', () => {
  let t: TestServer;
  let alice: AgentClient;
  let aliceToken: string;

  beforeAll(async () => {
    t = await startTestServer({ limits: { uploadMaxBytes: 64 * 1024 } });
    aliceToken = (await login(t.url, t.fixture.alice.email)).tokens.accessToken;
    alice = await connectAgent(t.url, aliceToken);
  });
  afterAll(async () => {
    alice.disconnect();
    await t.stop();
  });

  it('lists conversations with filters and keyset pagination, within the caller’s scope', async () => {
    const mine = await openAndTake(t.url, t.fixture.widget.id, alice);
    const queued: string[] = [];
    for (let i = 0; i < 5; i++) {
      const session = await visitorSession(t.url, t.fixture.widget.id);
      const visitor = await connectVisitor(t.url, session.visitorToken);
      queued.push(unwrap(await request<{ id: string }>(visitor, 'conversation:open', {})).id);
      visitor.disconnect();
    }
    const list = async (query: string, token = aliceToken) =>
      unwrap((await api<ConversationPage>(t.url, `/api/conversations${query}`, { token })).body);

    const assignedToMe = await list('?assignee=me');
    expect(assignedToMe.items.map((c) => c.id)).toContain(mine.conversationId);
    expect(assignedToMe.items.every((c) => c.assignee?.id === t.fixture.alice.id)).toBe(true);

    // Walk the queue two at a time: newest first, no repeats, nothing missed.
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ConversationPage = await list(
        `?status=queued&teamId=${t.fixture.teamA}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      walked.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked.filter((id) => queued.includes(id))).toEqual([...queued].reverse());

    // One visitor's history: the chat before and the one now, nobody else's.
    unwrap(await request(alice, 'conversation:resolve', { conversationId: mine.conversationId }));
    const again = unwrap(await request<{ id: string }>(mine.visitor, 'conversation:open', {}));
    const history = await list(`?visitorId=${mine.session.visitorId}`);
    expect(history.items.map((c) => c.id)).toEqual([again.id, mine.conversationId]);
    expect(history.items.map((c) => c.status)).toEqual(['queued', 'resolved']);
    expect(
      (await list(`?visitorId=${mine.session.visitorId}&status=resolved`)).items.map((c) => c.id),
    ).toEqual([mine.conversationId]);
    // Closed again, so the queue holds what it held before (the metrics test counts it).
    unwrap(await request(alice, 'conversation:take', { conversationId: again.id }));
    unwrap(await request(alice, 'conversation:resolve', { conversationId: again.id }));

    const bella = (await login(t.url, t.fixture.bella.email)).tokens.accessToken;
    expect((await list('', bella)).items).toEqual([]);
    expect((await list(`?visitorId=${mine.session.visitorId}`, bella)).items).toEqual([]);
    const notAnId = await api(t.url, '/api/conversations?visitorId=vera', { token: aliceToken });
    expect(notAnId.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const forged = await api(t.url, '/api/conversations?cursor=bm90LWEtY3Vyc29y', { token: aliceToken });
    expect(forged.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    mine.visitor.disconnect();
  });

  it('searches message text with FTS5, only in readable conversations, treating the query as plain words', async () => {
    const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
    for (const body of ['My parcel never arrived', 'Tracking number is ZX-77', 'Parcels are great']) {
      unwrap(await request(visitor, 'message:send', { conversationId, clientMsgId: randomUUID(), body }));
    }
    const search = async (q: string, token = aliceToken) =>
      unwrap(
        (await api<SearchResults>(t.url, `/api/search/messages?q=${encodeURIComponent(q)}`, { token })).body,
      ).hits;

    // Indexing runs in the background, a moment after the messages are committed.
    await expect.poll(async () => (await search('parcel')).length).toBe(2);
    const hits = await search('parcel');
    expect(hits.map((h) => h.seq).sort()).toEqual([1, 3]);
    expect(hits.every((h) => h.conversationId === conversationId && h.visitorName === 'Vera Visitor')).toBe(
      true,
    );
    expect((await search('parcel never'))[0]?.snippet).toContain('My parcel never arrived');
    expect(hits.map((h) => h.sender?.kind)).toEqual(['visitor', 'visitor']);
    // An agent's words are theirs in a hit, not the visitor's.
    unwrap(
      await request(alice, 'message:send', {
        conversationId,
        clientMsgId: randomUUID(),
        body: 'Your zeppelin ships today',
      }),
    );
    await expect.poll(async () => (await search('zeppelin')).length).toBe(1);
    expect((await search('zeppelin'))[0]).toMatchObject({
      visitorName: 'Vera Visitor',
      sender: { kind: 'agent', name: t.fixture.alice.name },
    });
    // FTS operators and quotes in user input are words, not syntax (and never an error).
    for (const q of ['parcel OR tracking', '"unbalanced', 'NEAR(parcel', '*', 'body:parcel']) {
      const res = await api(t.url, `/api/search/messages?q=${encodeURIComponent(q)}`, { token: aliceToken });
      expect(res.status).toBe(200);
    }
    const bella = (await login(t.url, t.fixture.bella.email)).tokens.accessToken;
    expect(await search('parcel', bella)).toEqual([]);
    // A page at a time: `more` until the last, each page going on from the one before.
    const page = async (query: string) =>
      unwrap(
        (await api<SearchResults>(t.url, `/api/search/messages?q=parcel&${query}`, { token: aliceToken }))
          .body,
      );
    const first = await page('limit=1');
    const second = await page('limit=1&offset=1');
    expect([first.more, second.more]).toEqual([true, false]);
    expect([...first.hits, ...second.hits].map((h) => h.seq)).toEqual(hits.map((h) => h.seq));
    for (const query of ['offset=-1', 'offset=1000', 'limit=50&offset=951', 'offset=x']) {
      const refused = await api(t.url, `/api/search/messages?q=parcel&${query}`, { token: aliceToken });
      expect(refused.status, query).toBe(400);
      expect(refused.body, query).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    }
    visitor.disconnect();
  });

  it('searches within a period: messages written in it, conversations active in it', async () => {
    const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
    const vera = unwrap(
      await request<MessageAck>(visitor, 'message:send', {
        conversationId,
        clientMsgId: randomUUID(),
        body: 'Where is my kayak',
      }),
    );
    const search = async (query: string) =>
      (await api<SearchResults>(t.url, `/api/search/messages?q=kayak&${query}`, { token: aliceToken })).body;
    await expect.poll(async () => unwrap(await search('')).hits.length).toBe(1);
    const written = vera.createdAt;
    const around = `from=${encodeURIComponent(written)}&to=${encodeURIComponent(new Date(Date.parse(written) + 1).toISOString())}`;
    expect(unwrap(await search(around))).toMatchObject({ hits: [{ conversationId, seq: 1 }] });
    const after = unwrap(
      await search(`from=${encodeURIComponent(new Date(Date.parse(written) + 1).toISOString())}`),
    );
    expect(after.hits).toEqual([]);
    // Vera by name: her conversation was active then, and was not yet opened a year before.
    const byName = async (query: string) =>
      unwrap(
        (await api<SearchResults>(t.url, `/api/search/messages?q=vera&${query}`, { token: aliceToken })).body,
      ).conversations;
    expect((await byName(`from=${encodeURIComponent(written)}`)).map((c) => c.conversationId)).toContain(
      conversationId,
    );
    expect(await byName('to=2020-01-01T00:00:00Z')).toEqual([]);
    // A period that ends before it starts is refused, and said why.
    const backwards = await api(
      t.url,
      '/api/search/messages?q=kayak&from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z',
      {
        token: aliceToken,
      },
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(JSON.stringify(backwards.body)).toContain('from must be before to');
    const notATime = await api(t.url, '/api/search/messages?q=kayak&from=yesterday', { token: aliceToken });
    expect(notATime.status).toBe(400);
    visitor.disconnect();
  });

  it('accepts images and PDFs proven by their bytes and serves them only as downloads', async () => {
    const { visitor, session, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
    const uploaded = await upload(t.url, conversationId, session.visitorToken, 'screen shot.png', PNG);
    expect(uploaded.status).toBe(200);
    const attachment = unwrap(uploaded.body);
    expect(attachment).toMatchObject({
      fileName: 'screen shot.png',
      mimeType: 'image/png',
      size: PNG.length,
    });

    unwrap(
      await request(visitor, 'message:send', {
        conversationId,
        clientMsgId: randomUUID(),
        body: '',
        attachmentId: attachment.id,
      }),
    );
    const history = unwrap(
      (
        await api<{ messages: Message[] }>(t.url, `/api/conversations/${conversationId}/messages`, {
          token: aliceToken,
        })
      ).body,
    );
    expect(history.messages.at(-1)?.attachment).toEqual(attachment);

    const download = await fetch(`${t.url}/api/attachments/${attachment.id}`, {
      headers: { authorization: `Bearer ${aliceToken}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(
      "attachment; filename*=UTF-8''screen%20shot.png",
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PNG);
    const files = await import('node:fs').then((fs) => fs.readdirSync(`${t.dataDir}/attachments`));
    expect(files).not.toContain('screen shot.png');

    // Another visitor cannot fetch it; nor can an agent of another team.
    const stranger = await visitorSession(t.url, t.fixture.widget.id);
    const bella = (await login(t.url, t.fixture.bella.email)).tokens.accessToken;
    for (const token of [stranger.visitorToken, bella]) {
      expect(
        (
          await fetch(`${t.url}/api/attachments/${attachment.id}`, {
            headers: { authorization: `Bearer ${token}` },
          })
        ).status,
      ).toBe(404);
    }
    visitor.disconnect();
  });

  it('refuses SVG, HTML, disguised and oversized files', async () => {
    const { visitor, session, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const cases: Array<[string, Buffer, number, string]> = [
      ['logo.svg', svg, 415, 'unsupported-media-type'],
      ['page.html', Buffer.from('<html><script>alert(1)</script></html>'), 415, 'unsupported-media-type'],
      ['fake.png', Buffer.from('<html>not really a png</html>'), 415, 'unsupported-media-type'],
      ['pdf-as-png.png', pdf(), 415, 'unsupported-media-type'],
      ['big.png', Buffer.concat([PNG, Buffer.alloc(70 * 1024)]), 413, 'payload-too-large'],
    ];
    for (const [name, bytes, status, code] of cases) {
      const res = await upload(t.url, conversationId, session.visitorToken, name, bytes);
      const failed = res.body.ok ? undefined : res.body.error.code;
      expect({ name, status: res.status, code: failed }).toEqual({ name, status, code });
    }
    const rows = await t.server.components.db
      .selectFrom('attachments')
      .select('id')
      .where('conversation_id', '=', conversationId)
      .execute();
    expect(rows).toEqual([]);
    visitor.disconnect();
  });

  it('checks origins: a widget only from its sites, the agent namespace only from the workbench', async () => {
    const evil = await api(t.url, '/api/visitor/sessions', {
      body: { widgetId: t.fixture.widget.id },
      headers: { origin: 'https://evil.example' },
    });
    expect(evil).toMatchObject({ status: 403, body: { ok: false, error: { code: 'origin-not-allowed' } } });

    const session = await visitorSession(t.url, t.fixture.widget.id);
    await expect(
      connectVisitor(t.url, session.visitorToken, { origin: 'https://evil.example' }),
    ).rejects.toThrow();
    await expect(connectAgent(t.url, aliceToken, { origin: SHOP_ORIGIN })).rejects.toMatchObject({
      data: { code: 'origin-not-allowed' },
    });

    const preflight = await fetch(`${t.url}/api/visitor/sessions`, {
      method: 'OPTIONS',
      headers: {
        origin: SHOP_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    const evilPreflight = await fetch(`${t.url}/api/visitor/sessions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(evilPreflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('exposes health, readiness and Prometheus metrics', async () => {
    const health = await api<{ status: string; epoch: string }>(t.url, '/healthz');
    expect(unwrap(health.body)).toEqual({ status: 'ok', epoch: t.server.components.epoch });
    expect((await api(t.url, '/readyz')).status).toBe(200);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/switchboard_socket_connections\{namespace="agent"\} [1-9]/);
    expect(metrics).toMatch(/switchboard_messages_total\{sender="visitor"\} [1-9]/);
    expect(metrics).toContain('switchboard_message_commit_seconds_bucket');
    // The five conversations left in the queue by the listing test.
    expect(metrics).toMatch(/^switchboard_conversations_queued 5$/m);
    expect(metrics).toMatch(/^switchboard_search_unindexed_messages \d+$/m);
    expect(metrics).toMatch(/switchboard_request_errors_total\{code="[a-z-]+",transport="http"\}/);
  });
});

// A server of its own: the conversations it opens would change the queue the metrics above count.
describe('REST API: finding conversations by their visitor', () => {
  let t: TestServer;
  let token: string;
  beforeAll(async () => {
    t = await startTestServer();
    token = (await login(t.url, t.fixture.alice.email)).tokens.accessToken;
  });
  afterAll(() => t.stop());

  it('finds conversations by their visitor’s name or email, every word anywhere, only in readable conversations', async () => {
    const open = async (extra: object) => {
      const session = await visitorSession(t.url, t.fixture.widget.id, extra);
      const visitor = await connectVisitor(t.url, session.visitorToken);
      const { id } = unwrap(await request<{ id: string }>(visitor, 'conversation:open', {}));
      visitor.disconnect();
      return id;
    };
    const noor = await open({ name: 'Noor Haddad', email: 'noor.haddad@mail.example' });
    const noorAgain = await open({ name: 'Noor Haddad', email: 'noor.haddad@mail.example' });
    const other = await open({ name: 'Kenji 100%_sure', email: 'kenji@mail.example' });
    const found = async (q: string, as = token) =>
      unwrap(
        (await api<SearchResults>(t.url, `/api/search/messages?q=${encodeURIComponent(q)}`, { token: as }))
          .body,
      ).conversations;

    const byName = await found('noor');
    expect(byName.map((c) => c.conversationId)).toEqual([noorAgain, noor]);
    expect(byName[0]).toMatchObject({
      visitorName: 'Noor Haddad',
      visitorEmail: 'noor.haddad@mail.example',
      status: 'queued',
    });
    // Every word, each as the start of a word of the name or the address, in any case.
    expect((await found('HADD no')).length).toBe(2);
    expect((await found('haddad@mail')).map((c) => c.conversationId)).toEqual([noorAgain, noor]);
    expect(await found('addad')).toEqual([]);
    expect(await found('noor kenji')).toEqual([]);
    // Search syntax and punctuation are words and separators, never an error.
    expect((await found('100%_')).map((c) => c.conversationId)).toEqual([other]);
    for (const q of ['_', '*', 'noor OR kenji', 'NEAR(noor', '"'])
      expect(Array.isArray(await found(q))).toBe(true);
    expect(await found('noor OR kenji')).toEqual([]);

    // A visitor who gives a name and address when leaving a message is found by them from then on.
    const anonymous = await open({});
    expect(await found('zora')).toEqual([]);
    await t.server.components.db
      .transaction()
      .execute((trx) => saveContactIn(trx, anonymous, { email: 'zora@shop.example', name: 'Zora Ali' }));
    expect(await found('zora')).toMatchObject([
      { conversationId: anonymous, visitorName: 'Zora Ali', visitorEmail: 'zora@shop.example' },
    ]);
    expect((await found('shop.example')).map((c) => c.conversationId)).toEqual([anonymous]);
    const bella = (await login(t.url, t.fixture.bella.email)).tokens.accessToken;
    expect(await found('noor', bella)).toEqual([]);
  });
});
