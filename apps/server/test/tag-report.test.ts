import type { AuditPage, Report, ReportConversations, TagSuggestion } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  api,
  connectAgent,
  login,
  openAndTake,
  request,
  unwrap,
} from './support/clients.js';
import { createStaff } from './support/staff.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** What the chats were about: a report per tag agents gave on resolving. */
describe('reports per tag', () => {
  let t: TestServer;
  let alice: AgentClient;
  let adminToken: string;
  let sueToken: string;
  let aliceToken: string;
  const ids: Record<string, string> = {};
  const today = new Date().toISOString().slice(0, 10);
  const range = `from=${today}&to=${today}&groupBy=tag`;

  beforeAll(async () => {
    t = await startTestServer();
    adminToken = (await login(t.url, t.fixture.admin.email)).tokens.accessToken;
    const sue = await createStaff(t, 'supervisor', [t.fixture.teamB], 'Sue');
    sueToken = (await login(t.url, sue.email)).tokens.accessToken;
    aliceToken = (await login(t.url, t.fixture.alice.email)).tokens.accessToken;
    alice = await connectAgent(t.url, aliceToken);
    const chats: Array<[string, string[]]> = [
      ['twoTags', ['Refund', 'Shipping']],
      ['refund', ['refund']],
      // The same tag twice, in two cases: one row, counted once.
      ['refundTwice', ['refund', 'REFUND']],
      ['untagged', []],
    ];
    for (const [name, tags] of chats) {
      const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
      visitor.disconnect();
      unwrap(await request(alice, 'conversation:resolve', { conversationId, tags }));
      ids[name] = conversationId;
    }
    // Still open: untagged until it is resolved.
    const open = await openAndTake(t.url, t.fixture.widget.id, alice);
    open.visitor.disconnect();
    ids.open = open.conversationId;
  }, 60_000);

  afterAll(async () => {
    alice.disconnect();
    await t.stop();
  });

  const report = async (query: string, token = adminToken) =>
    unwrap((await api<Report>(t.url, `/api/reports?${query}`, { token })).body);
  const drill = async (key: string) =>
    unwrap(
      (
        await api<ReportConversations>(t.url, `/api/reports/conversations?${range}&key=${key}`, {
          token: adminToken,
        })
      ).body,
    )
      .items.map((c) => c.id)
      .sort();

  it('has a row per tag in any case, the most frequent first, then the untagged; the total counts each chat once', async () => {
    const { rows, total, groupBy } = await report(range);
    expect(groupBy).toBe('tag');
    expect(rows.map((r) => [r.key, r.label, r.conversations])).toEqual([
      ['tag:refund', 'refund', 3],
      ['tag:shipping', 'Shipping', 1],
      ['untagged', 'Untagged', 2],
    ]);
    expect(total.conversations).toBe(5);
    expect(rows[0]?.handleSeconds.count).toBe(3);
    // Agents' figures are not a tag's: the total has them.
    for (const row of rows) {
      expect(row.assignments).toBe(0);
      expect(row.presenceSeconds.online).toBe(0);
    }
    expect(total.assignments).toBe(5);
  });

  it("drills into a tag's conversations, and the untagged ones", async () => {
    expect(await drill('tag:refund')).toEqual([ids.twoTags, ids.refund, ids.refundTwice].sort());
    expect(await drill('tag:shipping')).toEqual([ids.twoTags]);
    expect(await drill('untagged')).toEqual([ids.untagged, ids.open].sort());
    expect(await drill('tag:nothing-like-it')).toEqual([]);
  });

  it('exports the rows as CSV and keeps a supervisor to their teams', async () => {
    const csv = await fetch(`${t.url}/api/reports/export?${range}`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    const keys = (await csv.text())
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect(keys).toEqual(['tag:refund', 'tag:shipping', 'untagged', 'total']);
    // Sue supervises team B only: none of these chats (team A's) are hers.
    const hers = await report(range, sueToken);
    expect(hers.rows).toEqual([]);
    expect(hers.total.conversations).toBe(0);
  });

  it('offers the tags of the chats each staff member may read, the most used first', async () => {
    const offered = async (token: string) =>
      unwrap((await api<TagSuggestion[]>(t.url, '/api/tags', { token })).body);
    const expected = [
      { tag: 'refund', count: 3 },
      { tag: 'Shipping', count: 1 },
    ];
    expect(await offered(adminToken)).toEqual(expected);
    expect(await offered(aliceToken)).toEqual(expected);
    // Team B's: none of these.
    expect(await offered(sueToken)).toEqual([]);
  });

  it('takes corrected tags of a resolved chat from its agent, and reports them', async () => {
    const retag = (socket: AgentClient, conversationId: string, tags: unknown) =>
      request<{ tags: string[] }>(socket, 'conversation:tag', { conversationId, tags });
    // Untagged on resolving: tagged now.
    expect(unwrap(await retag(alice, ids.untagged as string, ['Shipping'])).tags).toEqual(['Shipping']);
    const { rows } = await report(range);
    expect(rows.map((r) => [r.key, r.conversations])).toEqual([
      ['tag:refund', 3],
      ['tag:shipping', 2],
      ['untagged', 1],
    ]);
    // Refused, changing nothing: a chat still open, too many tags, another team's agent.
    expect(await retag(alice, ids.open as string, ['Shipping'])).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: { code: 'not-resolved' } } },
    });
    const eleven = Array.from({ length: 11 }, (_, i) => `t${i}`);
    expect(await retag(alice, ids.refund as string, eleven)).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    const bella = await connectAgent(t.url, (await login(t.url, t.fixture.bella.email)).tokens.accessToken);
    try {
      expect(await retag(bella, ids.refund as string, ['Spam'])).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
    } finally {
      bella.disconnect();
    }
    expect((await report(range)).rows.map((r) => [r.key, r.conversations])).toEqual([
      ['tag:refund', 3],
      ['tag:shipping', 2],
      ['untagged', 1],
    ]);
    // On record: who changed them, from what to what; the refusals left nothing.
    const audited = unwrap(
      (await api<AuditPage>(t.url, '/api/admin/audit?action=conversation.tags', { token: adminToken })).body,
    ).items;
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({
      actor: { id: t.fixture.alice.id },
      targetId: ids.untagged,
      data: { before: [], after: ['Shipping'] },
    });
  });

  it('refuses a grouping it does not know, naming it', async () => {
    const refused = await api(t.url, `/api/reports?from=${today}&to=${today}&groupBy=topic`, {
      token: adminToken,
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(JSON.stringify(refused.body)).toContain('groupBy');
  });
});

describe('tags offered when resolving', () => {
  let clock = Date.parse('2025-05-01T10:00:00Z');
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer({}, () => clock);
  });
  afterAll(() => t.stop());

  it('are those of the past 30 days only', async () => {
    const token = (await login(t.url, t.fixture.alice.email)).tokens.accessToken;
    const alice = await connectAgent(t.url, token);
    try {
      const resolveWith = async (tags: string[]) => {
        const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
        visitor.disconnect();
        unwrap(await request(alice, 'conversation:resolve', { conversationId, tags }));
      };
      await resolveWith(['Warranty']);
      clock += 20 * 86_400_000;
      await resolveWith(['Invoice']);
      const offered = async () =>
        unwrap((await api<TagSuggestion[]>(t.url, '/api/tags', { token })).body).map((s) => s.tag);
      expect(await offered()).toEqual(['Invoice', 'Warranty']);
      // Eleven days on, the warranty chat was resolved 31 days ago.
      clock += 11 * 86_400_000;
      expect(await offered()).toEqual(['Invoice']);
    } finally {
      alice.disconnect();
    }
  });
});
