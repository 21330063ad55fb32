import { Role } from '@switchboard/protocol';
import type { Db } from './open-sqlite.js';

/** A staff account with its teams, as the admin area lists it. */
export interface AdminUserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamIds: string[];
  capacity: number;
  active: boolean;
  createdAt: string;
}

export async function listAdminUsers(db: Db, id?: string): Promise<AdminUserRecord[]> {
  let query = db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'capacity', 'active', 'created_at']);
  if (id !== undefined) query = query.where('id', '=', id);
  const rows = await query.orderBy('name').orderBy('id').execute();
  let members = db.selectFrom('team_members').select(['team_id', 'user_id']);
  if (id !== undefined) members = members.where('user_id', '=', id);
  const memberships = await members.execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: Role.parse(r.role),
    teamIds: memberships
      .filter((m) => m.user_id === r.id)
      .map((m) => m.team_id)
      .sort(),
    capacity: r.capacity,
    active: r.active === 1,
    createdAt: r.created_at,
  }));
}

export async function getAdminUser(db: Db, id: string): Promise<AdminUserRecord | undefined> {
  return (await listAdminUsers(db, id))[0];
}

/** Changes the given fields (and the team list) in one transaction. */
export async function updateAdminUser(
  db: Db,
  id: string,
  change: {
    name?: string | undefined;
    role?: Role | undefined;
    capacity?: number | undefined;
    teamIds?: string[] | undefined;
  },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        updated_at: new Date().toISOString(),
        ...(change.name === undefined ? {} : { name: change.name }),
        ...(change.role === undefined ? {} : { role: change.role }),
        ...(change.capacity === undefined ? {} : { capacity: change.capacity }),
      })
      .where('id', '=', id)
      .execute();
    if (change.teamIds !== undefined) {
      await trx.deleteFrom('team_members').where('user_id', '=', id).execute();
      for (const teamId of change.teamIds) {
        await trx.insertInto('team_members').values({ team_id: teamId, user_id: id }).execute();
      }
    }
  });
}

export async function deactivateUser(db: Db, id: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ active: 0, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function renameTeam(db: Db, id: string, name: string): Promise<void> {
  await db.updateTable('teams').set({ name }).where('id', '=', id).execute();
}

export async function existingTeamIds(db: Db): Promise<Set<string>> {
  return new Set((await db.selectFrom('teams').select('id').execute()).map((r) => r.id));
}
