import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AdminWidget, TypingUpdate, WidgetConfig } from '@switchboard/protocol';
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
} from './support/clients.js';
import { SHOP_ORIGIN } from './support/fixture.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** Every byte the server keeps on disk: the database, its WAL, the search index, files. */
function storedBytes(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1'))
    .join('\n');
}

describe("the visitor's draft as they type (typing preview)", () => {
  let t: TestServer;
  let alice: AgentClient;
  let admin: string;

  beforeAll(async () => {
    t = await startTestServer();
    alice = await connectAgent(t.url, (await login(t.url, t.fixture.alice.email)).tokens.accessToken);
    admin = (await login(t.url, t.fixture.admin.email)).tokens.accessToken;
  });
  afterAll(async () => {
    alice.disconnect();
    await t.stop();
  });

  const setPreview = async (typingPreview: unknown) =>
    api<AdminWidget>(t.url, `/api/admin/widgets/${t.fixture.widget.id}`, {
      token: admin,
      body: { typingPreview },
    });

  it('is off for a widget unless an admin turns it on: the draft is dropped, the typing passes on', async () => {
    const config = await api<WidgetConfig>(t.url, `/api/widgets/${t.fixture.widget.id}/config`, {
      headers: { origin: SHOP_ORIGIN },
    });
    expect(unwrap(config.body).typingPreview).toBe(false);
    const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
    const atAlice = nextEvent<TypingUpdate>(alice, 'typing:update');
    unwrap(
      await request(visitor, 'typing:set', { conversationId, typing: true, preview: 'my card number is' }),
    );
    expect(await atAlice).toEqual({
      conversationId,
      sender: { kind: 'visitor', id: null, name: 'Vera Visitor' },
      typing: true,
      preview: null,
    });
    visitor.disconnect();
  });

  it('when on, goes to the staff following the chat and to nobody else, and is never stored', async () => {
    expect(unwrap((await setPreview(true)).body).typingPreview).toBe(true);
    try {
      const config = await api<WidgetConfig>(t.url, `/api/widgets/${t.fixture.widget.id}/config`, {
        headers: { origin: SHOP_ORIGIN },
      });
      expect(unwrap(config.body).typingPreview).toBe(true);

      const { session, visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
      const otherTab = await connectVisitor(t.url, session.visitorToken);
      const andy = await connectAgent(t.url, (await login(t.url, t.fixture.andy.email)).tokens.accessToken);
      unwrap(await request(andy, 'conversation:subscribe', { conversationId }));
      // Bella is not in the chat's team: she follows nothing of it.
      const bella = await connectAgent(t.url, (await login(t.url, t.fixture.bella.email)).tokens.accessToken);
      const atBella = collect<TypingUpdate>(bella, 'typing:update');
      const atAlice = collect<TypingUpdate>(alice, 'typing:update');
      const atAndy = collect<TypingUpdate>(andy, 'typing:update');
      const atOtherTab = collect<TypingUpdate>(otherTab, 'typing:update');

      const draft = 'Where is order 7Q-PREVIEW-31';
      unwrap(await request(visitor, 'typing:set', { conversationId, typing: true, preview: draft }));
      // Stopped typing with the draft still in the box, then the box emptied.
      unwrap(await request(visitor, 'typing:set', { conversationId, typing: false, preview: `${draft}?` }));
      unwrap(await request(visitor, 'typing:set', { conversationId, typing: false, preview: '' }));
      const seen = (updates: TypingUpdate[]) => updates.map((u) => [u.typing, u.preview]);
      const expected = [
        [true, draft],
        [false, `${draft}?`],
        [false, null],
      ];
      await expect.poll(() => seen(atAlice)).toEqual(expected);
      await expect.poll(() => seen(atAndy)).toEqual(expected);
      // The visitor's other tab learns they type, never the text.
      await expect
        .poll(() => seen(atOtherTab))
        .toEqual([
          [true, null],
          [false, null],
          [false, null],
        ]);
      expect(atBella).toEqual([]);

      // Staff typing never carries a preview, to colleagues or to the visitor.
      const atVisitor = nextEvent<TypingUpdate>(visitor, 'typing:update');
      unwrap(await request(alice, 'typing:set', { conversationId, typing: true }));
      expect((await atVisitor).preview).toBeNull();
      expect(atAndy.at(-1)).toMatchObject({ sender: { name: 'Alice' }, preview: null });

      // Nothing of the draft is written anywhere the server keeps data (its WAL included).
      expect(storedBytes(t.dataDir)).not.toContain('7Q-PREVIEW-31');
      for (const socket of [visitor, otherTab, andy, bella]) socket.disconnect();
    } finally {
      unwrap((await setPreview(false)).body);
    }
  });

  it('refuses a preview from staff, an over-long one and a bad setting, passing nothing on', async () => {
    const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
    const atVisitor = collect<TypingUpdate>(visitor, 'typing:update');
    const fromStaff = await request(alice, 'typing:set', { conversationId, typing: true, preview: 'hi' });
    expect(fromStaff).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });

    const atAlice = collect<TypingUpdate>(alice, 'typing:update');
    const tooLong = await request(visitor, 'typing:set', {
      conversationId,
      typing: true,
      preview: 'x'.repeat(5001),
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    // A later, valid typing arrives first: nothing was passed on before it.
    const next = nextEvent<TypingUpdate>(alice, 'typing:update');
    unwrap(await request(visitor, 'typing:set', { conversationId, typing: false }));
    await next;
    expect(atAlice.map((u) => u.typing)).toEqual([false]);
    expect(atVisitor).toEqual([]);

    const bad = await setPreview('yes');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const widgets = await api<AdminWidget[]>(t.url, '/api/admin/widgets', { token: admin });
    expect(unwrap(widgets.body).find((w) => w.id === t.fixture.widget.id)?.typingPreview).toBe(false);
    visitor.disconnect();
  });
});
