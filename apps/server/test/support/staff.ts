import { randomUUID } from 'node:crypto';
import type { Role, UserInvite } from '@switchboard/protocol';
import { api, login, unwrap } from './clients.js';
import { PASSWORD, type Person } from './fixture.js';
import type { TestServer } from './test-server.js';

/** A new staff account made through the admin API (so the admin area is exercised too). */
export async function createStaff(
  t: TestServer,
  role: Role,
  teamIds: string[],
  name = `${role}-${randomUUID().slice(0, 8)}`,
): Promise<Person> {
  const adminToken = (await login(t.url, t.fixture.admin.email)).tokens.accessToken;
  const email = `${name.toLowerCase()}@example.test`;
  const invite = unwrap(
    (
      await api<UserInvite>(t.url, '/api/admin/users', {
        token: adminToken,
        body: { email, name, role, teamIds, password: PASSWORD },
      })
    ).body,
  );
  return { id: invite.user.id, email, name };
}
