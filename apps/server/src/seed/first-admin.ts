import { randomUUID } from 'node:crypto';
import { hashPassword } from '../domain/passwords.js';
import type { Db } from '../store/open-sqlite.js';
import { addTeamMember, countUsers, insertTeam, insertUser } from '../store/users.js';

export interface FirstAdmin {
  name: string;
  email: string;
  password: string;
}

/**
 * A new installation's first account (the desktop app's "Run the server on this computer"): an
 * admin in a Support team. Does nothing once any user exists, so it can never add a second admin.
 */
export async function createFirstAdmin(
  db: Db,
  admin: FirstAdmin,
  scryptCost: number,
): Promise<'created' | 'exists'> {
  if ((await countUsers(db)) > 0) return 'exists';
  const passwordHash = await hashPassword(admin.password, scryptCost);
  const userId = randomUUID();
  const teamId = randomUUID();
  await db.transaction().execute(async (trx) => {
    await insertTeam(trx, { id: teamId, name: 'Support' });
    await insertUser(trx, { id: userId, email: admin.email, name: admin.name, role: 'admin', passwordHash });
    await addTeamMember(trx, teamId, userId);
  });
  return 'created';
}
