import { randomUUID } from 'node:crypto';
import { hashPassword } from '../src/domain/passwords.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { openSqlite } from '../src/store/open-sqlite.js';
import { addTeamMember, insertTeam, insertUser } from '../src/store/users.js';
import { insertWidget } from '../src/store/widgets.js';

export const BENCH_ORIGIN = 'https://shop.bench.test';
export const AGENT_PASSWORD = 'bench agent password';
export const SCRYPT_COST = 1024;

export interface Seeded {
  widgetId: string;
  teamId: string;
  agentIds: string[];
  agentEmails: string[];
}

const agentEmail = (index: number) => `agent-${index}@bench.test`;

/**
 * Creates the server's database before the server starts, through the real migrations and store
 * functions: one team, its agents (all with one password) and one widget routing to the team.
 */
export async function seedDatabase(file: string, agents: number): Promise<Seeded> {
  const { db, close } = openSqlite(file, 'normal');
  try {
    await migrateToLatest(db);
    const teamId = randomUUID();
    await insertTeam(db, { id: teamId, name: 'Bench team' });
    const passwordHash = await hashPassword(AGENT_PASSWORD, SCRYPT_COST);
    const agentEmails = Array.from({ length: agents }, (_, i) => agentEmail(i));
    const agentIds: string[] = [];
    for (const [i, email] of agentEmails.entries()) {
      const id = randomUUID();
      await insertUser(db, { id, email, name: `Agent ${i}`, role: 'agent', passwordHash });
      await addTeamMember(db, teamId, id);
      agentIds.push(id);
    }
    const widgetId = randomUUID();
    await insertWidget(db, {
      id: widgetId,
      name: 'Bench shop',
      secret: 'bench-widget-secret-0123456789abcdef',
      allowedOrigins: [BENCH_ORIGIN],
      identityMode: 'optional',
      teamId,
    });
    return { widgetId, teamId, agentIds, agentEmails };
  } finally {
    await close();
  }
}
