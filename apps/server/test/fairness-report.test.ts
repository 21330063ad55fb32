import type { Offer, Report } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentClient, api, login, request, unwrap } from './support/clients.js';
import { nextOffer, onlineAgent, setTeam, visitorWithConversation } from './support/routing-helpers.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** The routing clock is this script's: offers ring out when the script says so. */
let clock = Date.parse('2025-06-02T09:00:00Z');

describe('the fairness figures of a report: who was given chats, who passed on offers', () => {
  let t: TestServer;
  let alice: AgentClient;
  let andy: AgentClient;

  beforeAll(async () => {
    t = await startTestServer({ routing: { tickMilliseconds: 10_000 } }, () => clock);
    await setTeam(t, t.fixture.teamA, { mode: 'offer', offerTimeoutSeconds: 30 });
    alice = await onlineAgent(t, t.fixture.alice.email);

    // Alice alone: she declines, lets the next offer ring out, then accepts the third.
    const ringing = nextOffer(alice);
    const first = await visitorWithConversation(t);
    const declined: Offer = await ringing;
    const again = nextOffer(alice, first.conversation.id);
    unwrap(await request(alice, 'offer:decline', { offerId: declined.offerId }));
    await again;
    const third = nextOffer(alice, first.conversation.id);
    clock += 31_000;
    await t.server.components.routing.tick();
    unwrap(await request(alice, 'offer:accept', { offerId: (await third).offerId }));

    // Andy comes online with no load: the next chat rings him, and he accepts.
    andy = await onlineAgent(t, t.fixture.andy.email);
    const forAndy = nextOffer(andy);
    const second = await visitorWithConversation(t);
    unwrap(await request(andy, 'offer:accept', { offerId: (await forAndy).offerId }));
    for (const v of [first, second]) v.visitor.disconnect();
  }, 60_000);

  afterAll(async () => {
    alice.disconnect();
    andy.disconnect();
    await t.stop();
  });

  const report = async (query: string) =>
    unwrap(
      (
        await api<Report>(t.url, `/api/reports?from=2025-06-02&to=2025-06-02&${query}`, {
          token: (await login(t.url, t.fixture.admin.email)).tokens.accessToken,
        })
      ).body,
    );

  it('counts per agent the chats given and the offers declined or let ring out', async () => {
    const byAgent = await report('groupBy=agent');
    const figures = (userId: string) => {
      const row = byAgent.rows.find((r) => r.key === userId);
      return row && [row.assignments, row.offersDeclined, row.offersExpired];
    };
    expect(figures(t.fixture.alice.id)).toEqual([1, 1, 1]);
    expect(figures(t.fixture.andy.id)).toEqual([1, 0, 0]);
    expect(byAgent.total).toMatchObject({ assignments: 2, offersDeclined: 1, offersExpired: 1 });
  });

  it('counts them per team and per day too, and not for a team outside the filter', async () => {
    const team = await report(`groupBy=team&teamId=${t.fixture.teamA}`);
    expect(team.rows.map((r) => [r.label, r.assignments, r.offersDeclined, r.offersExpired])).toEqual([
      ['Team A', 2, 1, 1],
    ]);
    const day = await report('groupBy=day');
    expect(day.rows.map((r) => [r.key, r.assignments])).toEqual([['2025-06-02', 2]]);
    const other = await report(`groupBy=team&teamId=${t.fixture.teamB}`);
    expect(other.total).toMatchObject({ assignments: 0, offersDeclined: 0, offersExpired: 0 });
  });
});
