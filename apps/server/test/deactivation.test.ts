import type { AdminUser, SessionRevoked } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connectAgent, login, nextEvent, unwrap } from './support/clients.js';
import { PASSWORD } from './support/fixture.js';
import { createStaff } from './support/staff.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('deactivating a user (SECURITY S2)', () => {
  let t: TestServer;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestServer();
    adminToken = (await login(t.url, t.fixture.admin.email)).tokens.accessToken;
  });
  afterAll(() => t.stop());

  it('disconnects the user’s sockets, and their access and refresh tokens stop working', async () => {
    const person = await createStaff(t, 'agent', [t.fixture.teamA], 'Dora');
    const session = await login(t.url, person.email);
    const socket = await connectAgent(t.url, session.tokens.accessToken);
    const revoked = nextEvent<SessionRevoked>(socket, 'session:revoked');
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    const response = await api<AdminUser>(t.url, `/api/admin/users/${person.id}/deactivate`, {
      token: adminToken,
      body: {},
    });
    expect(unwrap(response.body)).toMatchObject({ id: person.id, active: false });
    expect(await revoked).toEqual({ reason: 'deactivated' });
    expect(await disconnected).toBe('io server disconnect');

    const refresh = await api(t.url, '/api/auth/refresh', {
      body: { refreshToken: session.tokens.refreshToken },
    });
    expect(refresh.body).toMatchObject({ ok: false, error: { code: 'session-revoked' } });
    const me = await api(t.url, '/api/me', { token: session.tokens.accessToken });
    expect(me.body).toMatchObject({ ok: false, error: { code: 'session-revoked' } });
    const again = await api(t.url, '/api/auth/login', { body: { email: person.email, password: PASSWORD } });
    expect(again.body).toMatchObject({ ok: false, error: { code: 'invalid-credentials' } });
    await expect(connectAgent(t.url, session.tokens.accessToken)).rejects.toMatchObject({
      data: { code: 'session-revoked' },
    });

    const audit = await api<{ items: Array<{ action: string; targetId: string }> }>(
      t.url,
      `/api/admin/audit?action=user.deactivate&targetId=${person.id}`,
      { token: adminToken },
    );
    expect(unwrap(audit.body).items).toHaveLength(1);
  });

  it('revokes sessions on a role change, and refuses bad requests without changing anything', async () => {
    const person = await createStaff(t, 'agent', [t.fixture.teamA], 'Ravi');
    const socket = await connectAgent(t.url, (await login(t.url, person.email)).tokens.accessToken);
    const revoked = nextEvent<SessionRevoked>(socket, 'session:revoked');
    unwrap(
      (await api(t.url, `/api/admin/users/${person.id}`, { token: adminToken, body: { role: 'supervisor' } }))
        .body,
    );
    expect(await revoked).toEqual({ reason: 'role-changed' });

    const users = async () =>
      unwrap((await api<AdminUser[]>(t.url, '/api/admin/users', { token: adminToken })).body);
    const before = await users();
    const self = await api(t.url, `/api/admin/users/${t.fixture.admin.id}/deactivate`, {
      token: adminToken,
      body: {},
    });
    expect(self.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const badBody = await api(t.url, `/api/admin/users/${person.id}`, {
      token: adminToken,
      body: { role: 'root' },
    });
    expect(badBody.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const badTeam = await api(t.url, `/api/admin/users/${person.id}`, {
      token: adminToken,
      body: { teamIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(badTeam.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const taken = await api(t.url, '/api/admin/users', {
      token: adminToken,
      body: { email: t.fixture.alice.email, name: 'Twin', role: 'agent' },
    });
    expect(taken.body).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'That email is in use.',
        details: { reason: { code: 'email-in-use' } },
      },
    });
    expect(await users()).toEqual(before);
  });

  it('invites a user with a one-time password that signs in', async () => {
    const response = await api<{ user: AdminUser; initialPassword: string | null }>(
      t.url,
      '/api/admin/users',
      {
        token: adminToken,
        body: {
          email: 'ivy@example.test',
          name: 'Ivy',
          role: 'agent',
          teamIds: [t.fixture.teamB],
          capacity: 5,
        },
      },
    );
    const invite = unwrap(response.body);
    expect(invite.user).toMatchObject({
      role: 'agent',
      capacity: 5,
      teamIds: [t.fixture.teamB],
      active: true,
    });
    expect(invite.initialPassword).toEqual(expect.any(String));
    const session = await login(t.url, 'ivy@example.test', invite.initialPassword as string);
    expect(session.user.teamIds).toEqual([t.fixture.teamB]);
  });
});
