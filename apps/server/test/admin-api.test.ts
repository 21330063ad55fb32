import type { AdminWidget, CannedReply, RuleTestResult, Team } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identitySignature } from '../src/domain/visitor-service.js';
import { api, login, unwrap } from './support/clients.js';
import { createStaff } from './support/staff.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('admin area and canned replies over REST', () => {
  let t: TestServer;
  let admin: string;
  let alice: string;
  let bella: string;
  let sue: string;

  beforeAll(async () => {
    t = await startTestServer();
    admin = (await login(t.url, t.fixture.admin.email)).tokens.accessToken;
    alice = (await login(t.url, t.fixture.alice.email)).tokens.accessToken;
    bella = (await login(t.url, t.fixture.bella.email)).tokens.accessToken;
    const supervisor = await createStaff(t, 'supervisor', [t.fixture.teamA], 'Sue');
    sue = (await login(t.url, supervisor.email)).tokens.accessToken;
  });
  afterAll(() => t.stop());

  const list = async (token: string) =>
    unwrap((await api<CannedReply[]>(t.url, '/api/canned-replies', { token })).body).map((r) => r.shortcut);

  it('scopes canned replies: personal to their owner, team replies to the team, edits to supervisors', async () => {
    const mine = unwrap(
      (
        await api<CannedReply>(t.url, '/api/canned-replies', {
          token: alice,
          body: { shortcut: 'alice-hi', title: 'Hi', body: 'Hi from Alice', scope: 'personal' },
        })
      ).body,
    );
    expect(mine).toMatchObject({ scope: 'personal', ownerId: t.fixture.alice.id, teamId: null });
    const refusedTeam = await api(t.url, '/api/canned-replies', {
      token: alice,
      body: { shortcut: 'team-a', title: 'A', body: 'x', scope: 'team', teamId: t.fixture.teamA },
    });
    expect(refusedTeam.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const teamReply = unwrap(
      (
        await api<CannedReply>(t.url, '/api/canned-replies', {
          token: sue,
          body: {
            shortcut: 'team-a',
            title: 'A',
            body: 'For team A',
            scope: 'team',
            teamId: t.fixture.teamA,
          },
        })
      ).body,
    );
    expect(await list(alice)).toEqual(expect.arrayContaining(['alice-hi', 'team-a']));
    expect(await list(bella)).not.toContain('alice-hi');
    expect(await list(bella)).not.toContain('team-a');

    const bellaEdit = await api(t.url, `/api/canned-replies/${teamReply.id}`, {
      token: bella,
      body: { title: 'x' },
    });
    expect(bellaEdit.body).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const aliceEdit = await api(t.url, `/api/canned-replies/${teamReply.id}`, {
      token: alice,
      body: { title: 'x' },
    });
    expect(aliceEdit.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const renamed = unwrap(
      (
        await api<CannedReply>(t.url, `/api/canned-replies/${teamReply.id}`, {
          token: sue,
          body: { title: 'Team A' },
        })
      ).body,
    );
    expect(renamed.title).toBe('Team A');
    const duplicate = await api(t.url, '/api/canned-replies', {
      token: bella,
      body: { shortcut: 'alice-hi', title: 'Hi', body: 'x', scope: 'personal' },
    });
    expect(duplicate.body).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'The shortcut "alice-hi" is taken.',
        details: { reason: { code: 'shortcut-taken', shortcut: 'alice-hi' } },
      },
    });
    unwrap((await api(t.url, `/api/canned-replies/${mine.id}/delete`, { token: alice, body: {} })).body);
    expect(await list(alice)).not.toContain('alice-hi');
  });

  it('refuses a canned reply naming an unknown placeholder, on create and on edit, and stores nothing', async () => {
    const refused = await api(t.url, '/api/canned-replies', {
      token: alice,
      body: { shortcut: 'typo', title: 'Typo', body: 'Hi {{visitor.nmae}}!', scope: 'personal' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(JSON.stringify(refused.body)).toContain('unknown placeholder {{visitor.nmae}}');
    expect(await list(alice)).not.toContain('typo');

    const body = 'Hi {{visitor.firstName | there}}, {{agent.firstName}} here.';
    const kept = unwrap(
      (
        await api<CannedReply>(t.url, '/api/canned-replies', {
          token: alice,
          body: { shortcut: 'greet', title: 'Greet', body, scope: 'personal' },
        })
      ).body,
    );
    expect(kept.body).toBe(body);
    const edit = await api(t.url, `/api/canned-replies/${kept.id}`, {
      token: alice,
      body: { body: 'Hi {{agent.surname}}' },
    });
    expect(edit.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const [after] = unwrap(
      (await api<CannedReply[]>(t.url, '/api/canned-replies', { token: alice })).body,
    ).filter((r) => r.id === kept.id);
    expect(after?.body).toBe(body);
  });

  it('creates and renames teams, and tests a rule against attributes without saving it', async () => {
    const team = unwrap(
      (await api<Team>(t.url, '/api/admin/teams', { token: admin, body: { name: 'Billing' } })).body,
    );
    expect(team).toMatchObject({ name: 'Billing', mode: 'auto' });
    unwrap(
      (await api(t.url, `/api/admin/teams/${team.id}`, { token: admin, body: { name: 'Invoices' } })).body,
    );
    const teams = unwrap((await api<Team[]>(t.url, '/api/teams', { token: admin })).body);
    expect(teams.map((x) => x.name)).toContain('Invoices');

    unwrap(
      (
        await api(t.url, '/api/routing/rules', {
          token: admin,
          body: {
            rules: [
              {
                name: 'German',
                conditions: [{ field: 'language', op: 'equals', value: 'de' }],
                teamId: team.id,
              },
            ],
          },
        })
      ).body,
    );
    const result = unwrap(
      (
        await api<RuleTestResult>(t.url, '/api/routing/rules/test', {
          token: admin,
          body: {
            conditions: [
              { field: 'language', op: 'equals', value: 'de' },
              { field: 'pageUrl', op: 'contains', value: '/billing' },
            ],
            attributes: { language: 'de', pageUrl: 'https://shop.example/cart' },
          },
        })
      ).body,
    );
    expect(result.matches).toBe(false);
    expect(result.conditions).toEqual([{ holds: true }, { holds: false }]);
    expect(result.savedRule?.name).toBe('German');
  });

  it('updates a widget’s settings and origins at once, and rotates its identity secret', async () => {
    const widgets = unwrap((await api<AdminWidget[]>(t.url, '/api/admin/widgets', { token: admin })).body);
    const shop = widgets.find((w) => w.id === t.fixture.widget.id) as AdminWidget;
    expect(JSON.stringify(widgets)).not.toContain(t.fixture.widget.secret);
    const updated = unwrap(
      (
        await api<AdminWidget>(t.url, `/api/admin/widgets/${shop.id}`, {
          token: admin,
          body: {
            allowedOrigins: ['https://new.example'],
            settings: { ...shop.settings, primaryColor: '#112233' },
          },
        })
      ).body,
    );
    expect(updated).toMatchObject({
      allowedOrigins: ['https://new.example'],
      settings: { primaryColor: '#112233' },
    });
    const fromOld = await api(t.url, `/api/widgets/${shop.id}/config`, {
      headers: { origin: 'https://shop.example' },
    });
    expect(fromOld.body).toMatchObject({ ok: false, error: { code: 'origin-not-allowed' } });
    const fromNew = await api(t.url, `/api/widgets/${shop.id}/config`, {
      headers: { origin: 'https://new.example' },
    });
    expect(fromNew.body).toMatchObject({ ok: true, data: { settings: { primaryColor: '#112233' } } });
    const bad = await api(t.url, `/api/admin/widgets/${shop.id}`, {
      token: admin,
      body: { allowedOrigins: ['https://new.example/path'] },
    });
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });

    const strict = t.fixture.strictWidget;
    const { secret } = unwrap(
      (
        await api<{ secret: string }>(t.url, `/api/admin/widgets/${strict.id}/secret`, {
          token: admin,
          body: {},
        })
      ).body,
    );
    const session = (signingSecret: string) =>
      api(t.url, '/api/visitor/sessions', {
        body: {
          widgetId: strict.id,
          identity: { userId: 'u1', signature: identitySignature('u1', signingSecret) },
        },
      });
    expect((await session(strict.secret)).body).toMatchObject({
      ok: false,
      error: { code: 'identity-invalid' },
    });
    expect((await session(secret)).body).toMatchObject({ ok: true });
  });
});
