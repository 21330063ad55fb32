import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from '../domain/passwords.js';
import type { Db } from '../store/open-sqlite.js';
import { addTeamMember, countUsers, insertTeam, insertUser } from '../store/users.js';
import { insertWidget } from '../store/widgets.js';

export const DEMO_PASSWORD = 'switchboard-demo';

export interface DemoSeed {
  logins: Array<{ email: string; role: string }>;
  password: string;
  widgetId: string;
}

/** On an empty database: an admin, two agents, the Support team and a demo widget. */
export async function seedDemo(
  db: Db,
  scryptCost: number,
  widgetOrigins: string[],
): Promise<DemoSeed | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const hash = await hashPassword(DEMO_PASSWORD, scryptCost);
  const teamId = randomUUID();
  await insertTeam(db, { id: teamId, name: 'Support' });
  const people = [
    { email: 'admin@switchboard.local', name: 'Ada Admin', role: 'admin' as const },
    { email: 'alice@switchboard.local', name: 'Alice Agent', role: 'agent' as const },
    { email: 'bob@switchboard.local', name: 'Bob Agent', role: 'agent' as const },
  ];
  for (const person of people) {
    const id = randomUUID();
    await insertUser(db, { id, ...person, passwordHash: hash });
    await addTeamMember(db, teamId, id);
  }
  const widgetId = randomUUID();
  await insertWidget(db, {
    id: widgetId,
    name: 'Demo site',
    secret: randomBytes(32).toString('base64url'),
    allowedOrigins: widgetOrigins,
    identityMode: 'optional',
    teamId,
  });
  return { logins: people.map(({ email, role }) => ({ email, role })), password: DEMO_PASSWORD, widgetId };
}
