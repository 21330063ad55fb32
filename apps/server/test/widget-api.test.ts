import { randomUUID } from 'node:crypto';
import {
  type ConversationPage,
  type ConversationRating,
  DEFAULT_WIDGET_SETTINGS,
  type Message,
  type VisitorConversation,
  type WidgetConfig,
  type WidgetSettings,
} from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMessage } from '../src/store/messages.js';
import { setWidgetSettings } from '../src/store/widget-settings.js';
import {
  type AgentClient,
  api,
  connectAgent,
  connectVisitor,
  leaveMessage,
  login,
  openAndTake,
  request,
  unwrap,
  visitorSession,
} from './support/clients.js';
import { SHOP_ORIGIN } from './support/fixture.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const EVIL_ORIGIN = 'https://evil.example';
const fromShop = { origin: SHOP_ORIGIN };

const SETTINGS: WidgetSettings = {
  primaryColor: '#0f766e',
  position: 'left',
  greeting: { en: 'Hello from the shop', 'zh-CN': '商店向您问好' },
  defaultLocale: 'zh-CN',
  preChatFields: [
    { key: 'name', label: { en: 'Name' }, type: 'text', required: true },
    {
      key: 'topic',
      label: { en: 'Topic' },
      type: 'select',
      required: false,
      options: [{ value: 'billing', label: { en: 'Billing' } }],
    },
  ],
  transcriptEnabled: true,
};

describe('widget API', () => {
  let t: TestServer;
  let alice: AgentClient;

  beforeAll(async () => {
    t = await startTestServer();
    alice = await connectAgent(t.url, (await login(t.url, t.fixture.alice.email)).tokens.accessToken);
  });
  afterAll(async () => {
    alice.disconnect();
    await t.stop();
  });

  const configPath = (widgetId: string) => `/api/widgets/${widgetId}/config`;

  describe('GET /api/widgets/:widgetId/config', () => {
    it('answers the defaults and whether the widget’s team has someone online', async () => {
      const offline = await api<WidgetConfig>(t.url, configPath(t.fixture.widget.id), { headers: fromShop });
      expect(unwrap(offline.body).online).toBe(false); // alice is connected but not online yet
      unwrap(await request(alice, 'agent:status', { status: 'online' }));
      const shop = await api<WidgetConfig>(t.url, configPath(t.fixture.widget.id), { headers: fromShop });
      expect(shop.status).toBe(200);
      expect(unwrap(shop.body)).toEqual({
        widgetId: t.fixture.widget.id,
        settings: DEFAULT_WIDGET_SETTINGS,
        online: true, // alice (team A) is online
        pageTracking: 'full',
        typingPreview: false,
      });
      unwrap(await request(alice, 'agent:status', { status: 'away' }));
      // Team B has nobody connected.
      const portal = await api<WidgetConfig>(t.url, configPath(t.fixture.strictWidget.id), {
        headers: fromShop,
      });
      expect(unwrap(portal.body).online).toBe(false);
    });

    it('answers saved settings as they were stored', async () => {
      await setWidgetSettings(t.server.components.db, t.fixture.strictWidget.id, SETTINGS);
      const res = await api<WidgetConfig>(t.url, configPath(t.fixture.strictWidget.id), {
        headers: fromShop,
      });
      expect(unwrap(res.body).settings).toEqual(SETTINGS);
    });

    it('refuses pages on origins the widget does not allow, unknown widgets and bad ids', async () => {
      const evil = await api(t.url, configPath(t.fixture.widget.id), { headers: { origin: EVIL_ORIGIN } });
      expect(evil.status).toBe(403);
      expect(evil.body).toMatchObject({ ok: false, error: { code: 'origin-not-allowed' } });
      const unknown = await api(t.url, configPath(randomUUID()), { headers: fromShop });
      expect(unknown.body).toMatchObject({ ok: false, error: { code: 'not-found' } });
      const bad = await api(t.url, configPath('not-a-uuid'), { headers: fromShop });
      expect(bad.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    });
  });

  describe('POST /api/visitor/offline-messages', () => {
    it('stores an offline conversation with its message once, whatever the retries', async () => {
      const session = await visitorSession(t.url, t.fixture.widget.id, { name: 'Olga' });
      const body = {
        clientMsgId: randomUUID(),
        body: 'Please call me back.',
        email: 'olga@example.test',
        attributes: { pageUrl: 'https://shop.example/contact' },
      };
      const post = () =>
        api<VisitorConversation>(t.url, '/api/visitor/offline-messages', {
          token: session.visitorToken,
          body,
          headers: fromShop,
        });
      const first = unwrap((await post()).body);
      const retry = unwrap((await post()).body);
      expect(first).toMatchObject({ status: 'offline', lastSeq: 1, agent: null });
      expect(retry.id).toBe(first.id);

      const visitor = await connectVisitor(t.url, session.visitorToken);
      const synced = unwrap(
        await request<{ messages: Message[] }>(visitor, 'message:sync', {
          conversationId: first.id,
          afterSeq: 0,
        }),
      );
      visitor.disconnect();
      expect(synced.messages.map((m) => [m.seq, m.body, m.sender.name])).toEqual([
        [1, 'Please call me back.', 'Olga'],
      ]);

      const token = (await login(t.url, t.fixture.alice.email)).tokens.accessToken;
      const listed = unwrap(
        (await api<ConversationPage>(t.url, '/api/conversations?status=offline', { token })).body,
      );
      expect(listed.items.filter((c) => c.id === first.id)).toHaveLength(1);
      expect(listed.items.find((c) => c.id === first.id)?.attributes.pageUrl).toBe(
        'https://shop.example/contact',
      );
    });

    it('refuses a bad email, a blank body and other origins', async () => {
      const session = await visitorSession(t.url, t.fixture.widget.id);
      const post = (body: object, origin = SHOP_ORIGIN) =>
        api(t.url, '/api/visitor/offline-messages', {
          token: session.visitorToken,
          body: { clientMsgId: randomUUID(), body: 'hello', email: 'a@example.test', ...body },
          headers: { origin },
        });
      expect((await post({ email: 'nope' })).body).toMatchObject({ error: { code: 'invalid-payload' } });
      expect((await post({ body: '   ' })).body).toMatchObject({ error: { code: 'invalid-payload' } });
      expect((await post({}, EVIL_ORIGIN)).body).toMatchObject({ error: { code: 'origin-not-allowed' } });
    });
  });

  describe('ratings and transcripts', () => {
    it('rates a resolved conversation once, and only its own visitor may', async () => {
      const { session, visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
      visitor.disconnect();
      const rate = (body: object, token = session.visitorToken) =>
        api<ConversationRating>(t.url, `/api/visitor/conversations/${conversationId}/rating`, {
          token,
          body,
          headers: fromShop,
        });
      expect((await rate({ score: 5 })).body).toMatchObject({
        ok: false,
        error: { code: 'conflict', details: { reason: { code: 'not-resolved' } } },
      });
      unwrap(await request(alice, 'conversation:resolve', { conversationId }));

      expect((await rate({ score: 6 })).body).toMatchObject({ error: { code: 'invalid-payload' } });
      const stranger = await visitorSession(t.url, t.fixture.widget.id);
      expect((await rate({ score: 1 }, stranger.visitorToken)).body).toMatchObject({
        error: { code: 'not-found' },
      });

      const rated = unwrap((await rate({ score: 4, comment: '  Quick and kind  ' })).body);
      expect(rated).toMatchObject({ conversationId, score: 4, comment: 'Quick and kind' });
      expect((await rate({ score: 1 })).body).toMatchObject({
        ok: false,
        error: { code: 'conflict', details: { reason: { code: 'already-rated' } } },
      });
    });

    it('downloads the visible messages as text, never internal notes', async () => {
      const { session, visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
      const send = (socket: typeof visitor | AgentClient, body: string, visibility?: 'agents') =>
        request(socket, 'message:send', {
          conversationId,
          clientMsgId: randomUUID(),
          body,
          ...(visibility ? { visibility } : {}),
        });
      unwrap(await send(visitor, 'My parcel is late.\nOrder 42.'));
      unwrap(await send(alice, 'Secret note: VIP', 'agents'));
      unwrap(await send(alice, 'It ships today.'));
      visitor.disconnect();

      const res = await fetch(`${t.url}/api/visitor/conversations/${conversationId}/transcript`, {
        headers: { authorization: `Bearer ${session.visitorToken}`, origin: SHOP_ORIGIN },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
      const text = await res.text();
      expect(text).toMatch(/Vera Visitor: My parcel is late\.\n {4}Order 42\./);
      expect(text).toMatch(/Alice: It ships today\./);
      expect(text).not.toContain('Secret note');

      const evil = await fetch(`${t.url}/api/visitor/conversations/${conversationId}/transcript`, {
        headers: { authorization: `Bearer ${session.visitorToken}`, origin: EVIL_ORIGIN },
      });
      expect(evil.status).toBe(403);
    });

    it("words the transcript's own words in the widget's language, and what people wrote as written", async () => {
      const { session, visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
      unwrap(
        await request(visitor, 'message:send', { conversationId, clientMsgId: randomUUID(), body: '你好' }),
      );
      visitor.disconnect();
      // What a supervisor's barge writes: no sender name, an English body and its data.
      await appendMessage(t.server.components.db, {
        conversationId,
        clientMsgId: randomUUID(),
        senderKind: 'system',
        senderId: null,
        senderName: null,
        body: 'Sue (supervisor) joined the conversation.',
        visibility: 'all',
        attachmentId: null,
        systemEvent: { code: 'supervisor-joined', name: 'Sue' },
      });
      const transcript = (query: string) =>
        fetch(`${t.url}/api/visitor/conversations/${conversationId}/transcript${query}`, {
          headers: { authorization: `Bearer ${session.visitorToken}`, origin: SHOP_ORIGIN },
        });
      const zh = await (await transcript('?locale=zh-CN')).text();
      expect(zh).toMatch(/Vera Visitor: 你好\n/);
      expect(zh).toMatch(/\] 系统: Sue（主管）已加入对话。\n$/);
      const en = await (await transcript('')).text();
      expect(en).toMatch(/\] Switchboard: Sue \(supervisor\) joined the conversation\.\n$/);
      for (const bad of ['locale=fr', 'timeZone=Mars/Olympus']) {
        const refused = await api(t.url, `/api/visitor/conversations/${conversationId}/transcript?${bad}`, {
          token: session.visitorToken,
          headers: fromShop,
        });
        expect(refused.status).toBe(400);
        expect(refused.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
      }

      // In the visitor's time zone: the same moment as the ISO time, as Shanghai's clock shows it.
      const iso = /^\[([^\]]+)\] Vera Visitor: 你好$/m.exec(en)?.[1] as string;
      const local = await (await transcript('?locale=zh-CN&timeZone=Asia%2FShanghai')).text();
      const shanghai = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
      expect(local).toContain(`[${shanghai.slice(0, 10)} ${shanghai.slice(11, 16)}] Vera Visitor: 你好\n`);
    });

    it('refuses transcripts when the widget turned them off', async () => {
      await setWidgetSettings(t.server.components.db, t.fixture.widget.id, {
        ...DEFAULT_WIDGET_SETTINGS,
        transcriptEnabled: false,
      });
      const { session, visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
      visitor.disconnect();
      const res = await api(t.url, `/api/visitor/conversations/${conversationId}/transcript`, {
        token: session.visitorToken,
        headers: fromShop,
      });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await setWidgetSettings(t.server.components.db, t.fixture.widget.id, DEFAULT_WIDGET_SETTINGS);
    });
  });
});

describe('widget API rate limits', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ limits: { conversationsPerIp: { points: 3, seconds: 60 } } });
  });
  afterAll(() => t.stop());

  it('counts offline messages as new conversations per IP', async () => {
    const session = await visitorSession(t.url, t.fixture.widget.id);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await api(t.url, '/api/visitor/offline-messages', {
        token: session.visitorToken,
        body: { clientMsgId: randomUUID(), body: `message ${i}`, email: 'a@example.test' },
        headers: fromShop,
      });
      codes.push(res.body.ok ? 'ok' : res.body.error.code);
    }
    expect(codes).toEqual(['ok', 'ok', 'ok', 'rate-limited', 'rate-limited']);
  });
});

describe('leaving the queue: rate limit', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ limits: { leaveMessagesPerVisitor: { points: 2, seconds: 60 } } });
  });
  afterAll(() => t.stop());

  it('refuses a visitor who keeps changing where to answer, and the refused change is not made', async () => {
    const session = await visitorSession(t.url, t.fixture.widget.id);
    const visitor = await connectVisitor(t.url, session.visitorToken);
    const opened = unwrap(await request<{ id: string }>(visitor, 'conversation:open', {}));
    const leave = (email: string) => leaveMessage(t.url, session.visitorToken, opened.id, { email });
    const codes: string[] = [];
    for (const email of ['a@example.test', 'b@example.test', 'c@example.test']) {
      const res = await leave(email);
      codes.push(res.body.ok ? 'ok' : res.body.error.code);
    }
    expect(codes).toEqual(['ok', 'ok', 'rate-limited']);
    const admin = (await login(t.url, t.fixture.admin.email)).tokens.accessToken;
    const stored = unwrap(
      (await api<{ replyTo: string }>(t.url, `/api/conversations/${opened.id}`, { token: admin })).body,
    );
    expect(stored.replyTo).toBe('b@example.test');
    visitor.disconnect();
  });
});
