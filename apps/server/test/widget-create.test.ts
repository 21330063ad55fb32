import {
  type AdminWidget,
  type AuditPage,
  type Conversation,
  type ConversationPage,
  DEFAULT_WIDGET_SETTINGS,
  type VisitorSession,
  type WidgetCreated,
} from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identitySignature } from '../src/domain/visitor-service.js';
import { api, connectVisitor, login, request, unwrap } from './support/clients.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const TEA = 'https://tea.example';

describe('an admin adds a widget for a new site', () => {
  let t: TestServer;
  let admin: string;
  let alice: string;
  let bella: string;

  beforeAll(async () => {
    t = await startTestServer();
    admin = (await login(t.url, t.fixture.admin.email)).tokens.accessToken;
    alice = (await login(t.url, t.fixture.alice.email)).tokens.accessToken;
    bella = (await login(t.url, t.fixture.bella.email)).tokens.accessToken;
  });
  afterAll(() => t.stop());

  const widgets = async () =>
    unwrap((await api<AdminWidget[]>(t.url, '/api/admin/widgets', { token: admin })).body);
  const audit = async () =>
    unwrap((await api<AuditPage>(t.url, '/api/admin/audit?action=widget.create', { token: admin })).body)
      .items;
  const create = (body: unknown) => api<WidgetCreated>(t.url, '/api/admin/widgets', { token: admin, body });

  it('serves the new widget at once to its origin, routes its chats to its team, and answers its secret once', async () => {
    const created = unwrap(
      (
        await create({
          name: ' Tea shop ',
          teamId: t.fixture.teamB,
          // Kept as browsers send it.
          allowedOrigins: ['https://Tea.example:443/'],
          identityMode: 'enforce',
        })
      ).body,
    );
    expect(created.widget).toEqual({
      id: expect.any(String),
      name: 'Tea shop',
      teamId: t.fixture.teamB,
      allowedOrigins: [TEA],
      identityMode: 'enforce',
      settings: DEFAULT_WIDGET_SETTINGS,
      pageTracking: 'full',
      typingPreview: false,
    });
    expect(created.secret.length).toBeGreaterThanOrEqual(43);
    const listed = await widgets();
    expect(listed).toContainEqual(created.widget);
    expect(JSON.stringify(listed)).not.toContain(created.secret);

    const config = (origin: string) =>
      api(t.url, `/api/widgets/${created.widget.id}/config`, { headers: { origin } });
    expect((await config(TEA)).body).toMatchObject({ ok: true, data: { widgetId: created.widget.id } });
    expect((await config('https://shop.example')).body).toMatchObject({
      ok: false,
      error: { code: 'origin-not-allowed' },
    });

    const session = (signature: string) =>
      api<VisitorSession>(t.url, '/api/visitor/sessions', {
        body: { widgetId: created.widget.id, identity: { userId: 'tea-1', signature } },
        headers: { origin: TEA },
      });
    expect((await session(identitySignature('tea-1', 'not the secret'))).body).toMatchObject({
      ok: false,
      error: { code: 'identity-invalid' },
    });
    const visitor = unwrap((await session(identitySignature('tea-1', created.secret))).body);
    const socket = await connectVisitor(t.url, visitor.visitorToken, { origin: TEA });
    const conversation = unwrap(
      await request<Conversation>(socket, 'conversation:open', {
        attributes: { pageUrl: `${TEA}/oolong`, language: 'en' },
      }),
    );
    const queued = async (token: string) =>
      unwrap(
        (await api<ConversationPage>(t.url, '/api/conversations?status=queued', { token })).body,
      ).items.map((c) => c.id);
    expect(await queued(bella)).toContain(conversation.id);
    expect(await queued(alice)).not.toContain(conversation.id);
    socket.disconnect();

    const [entry] = await audit();
    expect(entry).toMatchObject({
      action: 'widget.create',
      actor: { id: t.fixture.admin.id },
      targetId: created.widget.id,
      data: { name: 'Tea shop' },
    });
    expect(JSON.stringify(entry)).not.toContain(created.secret);
  });

  it('refuses a team that does not exist, no origin or an address as origin, and writes nothing', async () => {
    const before = { widgets: await widgets(), audit: await audit() };
    const valid = { name: 'Coffee', teamId: t.fixture.teamA, allowedOrigins: ['https://coffee.example'] };
    for (const body of [
      { ...valid, teamId: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f' },
      { ...valid, allowedOrigins: [] },
      { ...valid, allowedOrigins: ['https://coffee.example/menu'] },
      { ...valid, settings: DEFAULT_WIDGET_SETTINGS },
    ]) {
      const refused = await create(body);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    }
    expect(await widgets()).toEqual(before.widgets);
    expect(await audit()).toEqual(before.audit);
  });
});
