import { Role } from '@switchboard/protocol';
import type { Selectable } from 'kysely';
import type { Db } from './open-sqlite.js';
import type { UserRecord } from './records.js';
import type { UsersTable } from './schema.js';

function rowToUser(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: Role.parse(row.role),
    passwordHash: row.password_hash,
    active: row.active === 1,
  };
}

export async function getUserByEmail(db: Db, email: string): Promise<UserRecord | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row && rowToUser(row);
}

export async function getUserById(db: Db, id: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToUser(row);
}

export async function insertUser(
  db: Db,
  user: { id: string; email: string; name: string; role: Role; passwordHash: string },
): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email.toLowerCase(),
      name: user.name,
      role: user.role,
      password_hash: user.passwordHash,
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: new Date().toISOString() })
    .where('id', '=', userId)
    .execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function teamIdsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('team_members').select('team_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.team_id).sort();
}

export async function insertTeam(db: Db, team: { id: string; name: string }): Promise<void> {
  await db
    .insertInto('teams')
    .values({ ...team, created_at: new Date().toISOString() })
    .execute();
}

export async function addTeamMember(db: Db, teamId: string, userId: string): Promise<void> {
  await db.insertInto('team_members').values({ team_id: teamId, user_id: userId }).execute();
}
