import type {
  AdminWidget,
  SupervisorDelta,
  SupervisorSnapshot,
  VisitedPages,
  VisitedPageUpdate,
  WidgetConfig,
} from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  api,
  collect,
  connectAgent,
  connectVisitor,
  login,
  nextEvent,
  openAndTake,
  request,
  unwrap,
  visitorSession,
} from './support/clients.js';
import { SHOP_ORIGIN } from './support/fixture.js';
import { createStaff } from './support/staff.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const PRICING = 'https://shop.example/pricing';
const CHECKOUT = 'https://shop.example/checkout?step=2';

describe('the pages a visitor goes to while chatting', () => {
  let t: TestServer;
  let alice: AgentClient;
  let aliceToken: string;

  beforeAll(async () => {
    t = await startTestServer({ limits: { pageViewsPerSocket: { points: 5, seconds: 60 } } });
    aliceToken = (await login(t.url, t.fixture.alice.email)).tokens.accessToken;
    alice = await connectAgent(t.url, aliceToken);
  });
  afterAll(async () => {
    alice.disconnect();
    await t.stop();
  });

  const pagesOf = async (conversationId: string, token = aliceToken) =>
    api<VisitedPages>(t.url, `/api/conversations/${conversationId}/pages`, { token });
  const rowsOf = async (conversationId: string) =>
    t.server.components.db
      .selectFrom('visited_pages')
      .select(['url', 'title'])
      .where('conversation_id', '=', conversationId)
      .orderBy('id')
      .execute();

  it('records each page, pushes it to the staff following the chat, and lists them newest first from the opening page', async () => {
    const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
    // A colleague of the team following the chat (not its assignee) gets the pushes too.
    const andy = await connectAgent(t.url, (await login(t.url, t.fixture.andy.email)).tokens.accessToken);
    unwrap(await request(andy, 'conversation:subscribe', { conversationId }));
    const atAlice = collect<VisitedPageUpdate>(alice, 'visitor:page');
    const atAndy = nextEvent<VisitedPageUpdate>(andy, 'visitor:page');

    const before = Date.now();
    unwrap(await request(visitor, 'page:view', { conversationId, url: PRICING, title: 'Pricing' }));
    const pushed = await atAndy;
    expect(pushed).toEqual({
      conversationId,
      page: { url: PRICING, title: 'Pricing', at: expect.any(String) },
    });
    expect(Date.parse(pushed.page.at)).toBeGreaterThanOrEqual(before - 1);

    // The same page again (a reload, or its title changed) records nothing and pushes nothing.
    unwrap(await request(visitor, 'page:view', { conversationId, url: PRICING, title: 'Pricing' }));
    unwrap(await request(visitor, 'page:view', { conversationId, url: PRICING, title: '(1) Pricing' }));
    unwrap(await request(visitor, 'page:view', { conversationId, url: CHECKOUT }));
    await expect.poll(() => atAlice.map((u) => u.page.url)).toEqual([PRICING, CHECKOUT]);
    expect(atAlice[1]?.page.title).toBeNull();

    const listed = unwrap((await pagesOf(conversationId)).body);
    expect(listed.pages.map((p) => [p.url, p.title])).toEqual([
      [CHECKOUT, null],
      [PRICING, 'Pricing'],
      // The page the chat was opened on (`attributes.pageUrl`) is its first.
      ['https://shop.example/cart', null],
    ]);
    expect(listed.pages[0]?.at).toBe(atAlice[1]?.page.at);
    andy.disconnect();
    visitor.disconnect();
  });

  it('refuses someone else’s chat, a resolved one and a page that is not http(s), writing nothing', async () => {
    const mine = await openAndTake(t.url, t.fixture.widget.id, alice);
    const theirs = await openAndTake(t.url, t.fixture.widget.id, alice);
    const foreign = await request(mine.visitor, 'page:view', {
      conversationId: theirs.conversationId,
      url: PRICING,
    });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'not-found' } });
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', '/relative']) {
      const bad = await request(mine.visitor, 'page:view', { conversationId: mine.conversationId, url });
      expect(bad, url).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    }
    unwrap(await request(alice, 'conversation:resolve', { conversationId: mine.conversationId }));
    const closed = await request(mine.visitor, 'page:view', {
      conversationId: mine.conversationId,
      url: PRICING,
    });
    expect(closed).toMatchObject({ ok: false, error: { code: 'conversation-closed' } });
    expect(await rowsOf(mine.conversationId)).toEqual([{ url: 'https://shop.example/cart', title: null }]);
    expect(await rowsOf(theirs.conversationId)).toEqual([{ url: 'https://shop.example/cart', title: null }]);
    mine.visitor.disconnect();
    theirs.visitor.disconnect();
  });

  it('shows the pages only to staff who may read the chat', async () => {
    const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
    const bella = (await login(t.url, t.fixture.bella.email)).tokens.accessToken;
    const outside = await pagesOf(conversationId, bella);
    expect(outside.status).toBe(404);
    expect(outside.body).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const admin = (await login(t.url, t.fixture.admin.email)).tokens.accessToken;
    expect(unwrap((await pagesOf(conversationId, admin)).body).pages).toHaveLength(1);
    visitor.disconnect();
  });

  it('starts with the first page reported when the chat was opened without one', async () => {
    const session = await visitorSession(t.url, t.fixture.widget.id);
    const visitor = await connectVisitor(t.url, session.visitorToken);
    const opened = unwrap(await request<{ id: string }>(visitor, 'conversation:open', {}));
    expect(unwrap((await pagesOf(opened.id)).body).pages).toEqual([]);
    unwrap(await request(visitor, 'page:view', { conversationId: opened.id, url: PRICING }));
    expect(unwrap((await pagesOf(opened.id)).body).pages.map((p) => p.url)).toEqual([PRICING]);
    visitor.disconnect();
  });

  it('records only what the widget’s page tracking allows: no query string or fragment, or nothing', async () => {
    const widgetId = t.fixture.widget.id;
    const admin = (await login(t.url, t.fixture.admin.email)).tokens.accessToken;
    const track = async (pageTracking: string) =>
      api<AdminWidget>(t.url, `/api/admin/widgets/${widgetId}`, { token: admin, body: { pageTracking } });
    const session = await visitorSession(t.url, widgetId);
    const visitor = await connectVisitor(t.url, session.visitorToken);
    const open = async () =>
      unwrap(
        await request<{ id: string }>(visitor, 'conversation:open', {
          attributes: { pageUrl: 'https://shop.example/cart?coupon=SAVE10#top', pageTitle: 'Cart' },
        }),
      ).id;
    try {
      expect(unwrap((await track('path')).body).pageTracking).toBe('path');
      // The widget learns it from its config.
      const config = await api<WidgetConfig>(t.url, `/api/widgets/${widgetId}/config`, {
        headers: { origin: SHOP_ORIGIN },
      });
      expect(unwrap(config.body).pageTracking).toBe('path');
      const first = await open();
      for (const url of [
        'https://shop.example/reset?token=s3cret#step-2',
        'https://shop.example/app?ref=mail#/orders/5?token=s3cret',
        'https://shop.example/app#!/orders/6&session=s3cret',
        'https://shop.example/callback#access_token=s3cret&state=x',
      ]) {
        unwrap(await request(visitor, 'page:view', { conversationId: first, url }));
      }
      // Of a fragment only a hash-routed site's route is kept: it is the page the visitor is on.
      expect(await rowsOf(first)).toEqual([
        { url: 'https://shop.example/cart', title: 'Cart' },
        { url: 'https://shop.example/reset', title: null },
        { url: 'https://shop.example/app#/orders/5', title: null },
        { url: 'https://shop.example/app#!/orders/6', title: null },
        { url: 'https://shop.example/callback', title: null },
      ]);

      expect(unwrap((await track('off')).body).pageTracking).toBe('off');
      const refused = await request(visitor, 'page:view', { conversationId: first, url: PRICING });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await rowsOf(first)).toHaveLength(5);
      // A chat opened now records no page at all (its attributes keep where it started, as ever).
      const second = await open();
      expect(await rowsOf(second)).toEqual([]);
    } finally {
      unwrap((await track('full')).body);
      visitor.disconnect();
    }
    const unknown = await track('everything');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it("shows the page the visitor is on in the supervisor's live-chat grid", async () => {
    const supervisor = await createStaff(t, 'supervisor', [t.fixture.teamA], 'Sue');
    const sue = await connectAgent(t.url, (await login(t.url, supervisor.email)).tokens.accessToken);
    const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
    try {
      const snapshot = unwrap(await request<SupervisorSnapshot>(sue, 'supervisor:subscribe', {}));
      expect(snapshot.chats.find((c) => c.conversationId === conversationId)?.page?.url).toBe(
        'https://shop.example/cart',
      );
      const moved = nextEvent<SupervisorDelta>(sue, 'supervisor:delta', (delta) =>
        delta.chats.some((c) => c.conversationId === conversationId && c.page?.url === PRICING),
      );
      unwrap(await request(visitor, 'page:view', { conversationId, url: PRICING, title: 'Pricing' }));
      const row = (await moved).chats.find((c) => c.conversationId === conversationId);
      expect(row?.page).toMatchObject({ url: PRICING, title: 'Pricing' });
    } finally {
      sue.disconnect();
      visitor.disconnect();
    }
  });

  it('limits how often a socket reports a page, recording none over the limit', async () => {
    const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
    const results = [];
    for (let i = 0; i < 7; i++)
      results.push(await request(visitor, 'page:view', { conversationId, url: `${PRICING}?plan=${i}` }));
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
      'rate-limited',
      'rate-limited',
    ]);
    expect(await rowsOf(conversationId)).toHaveLength(1 + 5);
    visitor.disconnect();
  });
});
