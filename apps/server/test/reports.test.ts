import { randomUUID } from 'node:crypto';
import type { Report, ReportConversations } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  api,
  connectAgent,
  connectVisitor,
  login,
  nextEvent,
  request,
  unwrap,
  visitorSession,
} from './support/clients.js';
import { SHOP_ORIGIN } from './support/fixture.js';
import { visitorWithConversation } from './support/routing-helpers.js';
import { createStaff } from './support/staff.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * A scripted day on the real server, whose domain clock (routing, stored conversation times,
 * reports) is this script's: every stored time is known, so are the answers. Nothing sleeps.
 */
let clock = 0;
const at = (time: string) => {
  clock = Date.parse(`2025-03-14T${time}Z`);
};

describe('reports over a scripted day', () => {
  let t: TestServer;
  let alice: AgentClient;
  let admin: AgentClient;
  let supervisorEmail: string;
  const token = async (email: string) => (await login(t.url, email)).tokens.accessToken;

  beforeAll(async () => {
    at('07:00:00');
    t = await startTestServer({}, () => clock);
    supervisorEmail = (await createStaff(t, 'supervisor', [t.fixture.teamB], 'Sam')).email;
    alice = await connectAgent(t.url, await token(t.fixture.alice.email));
    admin = await connectAgent(t.url, await token(t.fixture.admin.email));

    const status = (s: string) => request(alice, 'agent:status', { status: s }).then(unwrap);
    const reply = async (conversationId: string) =>
      unwrap(
        await request(alice, 'message:send', { conversationId, clientMsgId: randomUUID(), body: 'Hello!' }),
      );
    const assignedToAlice = (id: string) =>
      nextEvent<{ id: string; assignee: { id: string } | null }>(
        alice,
        'conversation:update',
        (c) => c.id === id && c.assignee?.id === t.fixture.alice.id,
      );
    const rate = async (visitorToken: string, conversationId: string, score: number) =>
      unwrap(
        (
          await api(t.url, `/api/visitor/conversations/${conversationId}/rating`, {
            token: visitorToken,
            body: { score },
            headers: { origin: SHOP_ORIGIN },
          })
        ).body,
      );

    at('08:00:00');
    await status('online');
    at('09:00:00');
    await status('away');
    const first = await visitorWithConversation(t);
    at('09:00:30');
    const firstAssigned = assignedToAlice(first.conversation.id);
    await status('online'); // wait 30 s
    await firstAssigned;
    at('09:01:30');
    await reply(first.conversation.id); // first response 90 s after opening
    at('09:10:30');
    unwrap(await request(alice, 'conversation:resolve', { conversationId: first.conversation.id })); // handle 600 s
    await rate(first.session.visitorToken, first.conversation.id, 5);

    at('10:00:00');
    const secondAssigned = nextEvent<{ id: string; assignee: { id: string } | null }>(
      alice,
      'conversation:update',
      (c) => c.assignee?.id === t.fixture.alice.id && c.id !== first.conversation.id,
    );
    const second = await visitorWithConversation(t); // assigned at once: wait 0
    await secondAssigned;
    at('10:00:30');
    await reply(second.conversation.id); // first response 30 s
    at('10:20:00');
    unwrap(await request(alice, 'conversation:resolve', { conversationId: second.conversation.id })); // handle 1200 s
    await rate(second.session.visitorToken, second.conversation.id, 2);

    at('11:00:00');
    await status('away');
    const third = await visitorWithConversation(t); // nobody serves it
    at('11:05:00');
    unwrap(await request(admin, 'supervisor:end', { conversationId: third.conversation.id })); // abandoned
    at('12:00:00');
    await status('offline');
    for (const v of [first, second, third]) v.visitor.disconnect();

    clock = Date.parse('2025-03-15T09:00:00Z');
  }, 60_000);

  afterAll(async () => {
    alice.disconnect();
    admin.disconnect();
    await t.stop();
  });

  const report = async (query: string, email?: string) =>
    api<Report>(t.url, `/api/reports?${query}`, { token: await token(email ?? t.fixture.admin.email) });

  it('per day: conversations, abandoned, first response, wait, handle, CSAT and presence', async () => {
    const body = unwrap((await report('from=2025-03-13&to=2025-03-14')).body);
    expect(body.rows.map((r) => r.key)).toEqual(['2025-03-13', '2025-03-14']);
    const [quiet, day] = body.rows;
    // Nothing happened on the 13th: a row of zeros, not a gap in the days.
    expect(quiet).toEqual({
      key: '2025-03-13',
      label: '2025-03-13',
      conversations: 0,
      abandoned: 0,
      messagesLeft: 0,
      firstResponseSeconds: { average: null, count: 0 },
      waitSeconds: { average: null, count: 0 },
      handleSeconds: { average: null, count: 0 },
      csat: { average: null, count: 0 },
      presenceSeconds: { online: 0, away: 0, wrapUp: 0, offline: 0 },
      assignments: 0,
      offersDeclined: 0,
      offersExpired: 0,
    });
    expect(day).toEqual({
      key: '2025-03-14',
      label: '2025-03-14',
      conversations: 3,
      abandoned: 1,
      messagesLeft: 0,
      firstResponseSeconds: { average: 60, count: 2 },
      waitSeconds: { average: 15, count: 2 },
      handleSeconds: { average: 900, count: 2 },
      csat: { average: 3.5, count: 2 },
      // online 08:00–09:00 and 09:00:30–11:00; away 09:00–09:00:30 and 11:00–12:00; offline after 12:00.
      presenceSeconds: { online: 3600 + 7170, away: 30 + 3600, wrapUp: 0, offline: 12 * 3600 },
      // Both of Alice's chats were routed to her; the third was never given to anyone.
      assignments: 2,
      offersDeclined: 0,
      offersExpired: 0,
    });
    expect(body.total).toEqual({ ...day, key: 'total', label: 'Total' });
  });

  it('lists every day of the range that has begun, none still to come', async () => {
    // The clock stands at 2025-03-15 09:00 UTC.
    const body = unwrap((await report('from=2025-03-12&to=2025-03-17')).body);
    expect(body.rows.map((r) => r.key)).toEqual(['2025-03-12', '2025-03-13', '2025-03-14', '2025-03-15']);
    expect(body.rows.map((r) => r.conversations)).toEqual([0, 0, 3, 0]);
  });

  it('counts a day without status changes from the status the agent was left in before it', async () => {
    // Alice went offline at 12:00 on the 14th and has not changed since; the clock stands at 09:00.
    const next = unwrap((await report('from=2025-03-15&to=2025-03-15&groupBy=agent')).body);
    expect(next.rows.find((r) => r.key === t.fixture.alice.id)?.presenceSeconds).toEqual({
      online: 0,
      away: 0,
      wrapUp: 0,
      offline: 9 * 3600,
    });
  });

  it('per agent and per team, with day boundaries in the asked time zone', async () => {
    const agents = unwrap((await report('from=2025-03-14&to=2025-03-14&groupBy=agent')).body);
    const aliceRow = agents.rows.find((r) => r.key === t.fixture.alice.id);
    expect(aliceRow).toMatchObject({
      label: 'Alice',
      conversations: 2,
      abandoned: 0,
      handleSeconds: { average: 900, count: 2 },
      csat: { average: 3.5, count: 2 },
      assignments: 2,
    });
    const teams = unwrap(
      (await report(`from=2025-03-14&to=2025-03-14&groupBy=team&teamId=${t.fixture.teamA}`)).body,
    );
    expect(teams.rows.map((r) => [r.label, r.conversations, r.abandoned])).toEqual([['Team A', 3, 1]]);

    // Shanghai's 14 March ends at 16:00 UTC: the same chats, four hours of offline time.
    const shanghai = unwrap((await report('from=2025-03-14&to=2025-03-14&timezone=Asia%2FShanghai')).body);
    expect(shanghai.total).toMatchObject({ conversations: 3, presenceSeconds: { offline: 4 * 3600 } });
  });

  it('exports the same figures as CSV', async () => {
    const response = await fetch(`${t.url}/api/reports/export?from=2025-03-14&to=2025-03-14`, {
      headers: { authorization: `Bearer ${await token(t.fixture.admin.email)}` },
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment/);
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'key,label,conversations,abandoned,messages_left,first_response_avg_s,first_response_count,wait_avg_s,wait_count,' +
        'handle_avg_s,handle_count,csat_avg,csat_count,online_s,away_s,wrap_up_s,offline_s,' +
        'assignments,offers_declined,offers_expired',
    );
    expect(lines[1]).toBe('2025-03-14,2025-03-14,3,1,0,60,2,15,2,900,2,3.5,2,10770,3630,0,43200,2,0,0');
    expect(lines.at(-1)).toBe('total,Total,3,1,0,60,2,15,2,900,2,3.5,2,10770,3630,0,43200,2,0,0');
  });

  const drill = async (query: string, email?: string) =>
    api<ReportConversations>(t.url, `/api/reports/conversations?${query}`, {
      token: await token(email ?? t.fixture.admin.email),
    });

  it('drills down from any row to the conversations it counts, with their own times', async () => {
    for (const groupBy of ['day', 'team', 'agent']) {
      const range = `from=2025-03-14&to=2025-03-14&groupBy=${groupBy}`;
      const { rows, total } = unwrap((await report(range)).body);
      for (const row of [...rows, total]) {
        const all = unwrap((await drill(`${range}&key=${row.key}`)).body);
        expect([groupBy, row.key, all.total, all.items.length]).toEqual([
          groupBy,
          row.key,
          row.conversations,
          row.conversations,
        ]);
        const abandoned = unwrap((await drill(`${range}&key=${row.key}&filter=abandoned`)).body);
        expect(abandoned.total).toBe(row.abandoned);
        expect(abandoned.items.every((c) => c.abandoned)).toBe(true);
      }
    }

    const day = unwrap((await drill('from=2025-03-14&to=2025-03-14&key=2025-03-14')).body);
    // Newest first: the abandoned chat of 11:00, then 10:00, then 09:00.
    expect(
      day.items.map((c) => [
        c.createdAt.slice(11, 19),
        c.status,
        c.assignee?.name ?? null,
        c.team?.name ?? null,
        c.waitSeconds,
        c.firstResponseSeconds,
        c.handleSeconds,
        c.csat,
        c.abandoned,
      ]),
    ).toEqual([
      ['11:00:00', 'resolved', null, 'Team A', null, null, null, null, true],
      ['10:00:00', 'resolved', 'Alice', 'Team A', 0, 30, 1200, 2, false],
      ['09:00:00', 'resolved', 'Alice', 'Team A', 30, 90, 600, 5, false],
    ]);
    const low = unwrap((await drill('from=2025-03-14&to=2025-03-14&key=total&filter=lowCsat')).body);
    expect(low.items.map((c) => c.csat)).toEqual([2]);
    // A key no row has lists nothing.
    expect(unwrap((await drill('from=2025-03-14&to=2025-03-14&key=2025-03-13')).body)).toEqual({
      items: [],
      total: 0,
    });
  });

  it('drills down only into the teams a supervisor may see', async () => {
    const own = unwrap((await drill('from=2025-03-14&to=2025-03-14&key=total', supervisorEmail)).body);
    expect(own).toEqual({ items: [], total: 0 });
    const other = await drill(
      `from=2025-03-14&to=2025-03-14&key=total&teamId=${t.fixture.teamA}`,
      supervisorEmail,
    );
    const missing = await drill(
      `from=2025-03-14&to=2025-03-14&key=total&teamId=${randomUUID()}`,
      supervisorEmail,
    );
    expect(other.body).toEqual(missing.body);
    expect(other.body).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const agent = await drill('from=2025-03-14&to=2025-03-14&key=total', t.fixture.alice.email);
    expect(agent.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const bad = await drill('from=2025-03-14&to=2025-03-14&key=total&filter=unhappy');
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('limits supervisors to their teams and refuses agents', async () => {
    const own = unwrap((await report('from=2025-03-14&to=2025-03-14', supervisorEmail)).body);
    expect(own.total.conversations).toBe(0);
    const other = await report(`from=2025-03-14&to=2025-03-14&teamId=${t.fixture.teamA}`, supervisorEmail);
    const missing = await report(`from=2025-03-14&to=2025-03-14&teamId=${randomUUID()}`, supervisorEmail);
    expect(other.body).toEqual(missing.body);
    expect(other.body).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const agent = await report('from=2025-03-14&to=2025-03-14', t.fixture.alice.email);
    expect(agent.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const bad = await report('from=2025-03-14&to=2025-03-01');
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('exports a drill-down as CSV, what visitors typed kept from running as a formula', async () => {
    const csv = async (query: string) => {
      const response = await fetch(`${t.url}/api/reports/conversations/export?${query}`, {
        headers: { authorization: `Bearer ${await token(t.fixture.admin.email)}` },
      });
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment/);
      return (await response.text()).trim().split('\r\n');
    };
    const day = await csv('from=2025-03-14&to=2025-03-14&key=2025-03-14');
    expect(day[0]).toBe(
      'id,created_at,status,visitor,team,agent,wait_s,first_response_s,handle_s,csat,abandoned,left_message',
    );
    const json = unwrap((await drill('from=2025-03-14&to=2025-03-14&key=2025-03-14')).body);
    expect(day.slice(1).map((line) => line.split(',')[0])).toEqual(json.items.map((c) => c.id));
    expect(day[2]?.split(',').slice(1)).toEqual([
      '2025-03-14T10:00:00.000Z',
      'resolved',
      '',
      'Team A',
      'Alice',
      '0',
      '30',
      '1200',
      '2',
      'no',
      'no',
    ]);

    clock = Date.parse('2025-03-20T10:00:00Z');
    const session = await visitorSession(t.url, t.fixture.widget.id, {
      name: '=HYPERLINK("https://evil.example")',
    });
    const visitor = await connectVisitor(t.url, session.visitorToken);
    const opened = unwrap(await request<{ id: string }>(visitor, 'conversation:open', {}));
    visitor.disconnect();
    expect(await csv('from=2025-03-20&to=2025-03-20&key=total')).toEqual([
      'id,created_at,status,visitor,team,agent,wait_s,first_response_s,handle_s,csat,abandoned,left_message',
      `${opened.id},2025-03-20T10:00:00.000Z,queued,"'=HYPERLINK(""https://evil.example"")",Team A,,,,,,no,no`,
    ]);
  });
});
