import type { Db } from './open-sqlite.js';

export interface SessionRecord {
  id: string;
  userId: string;
  revokedAt: string | null;
}

export async function insertSession(db: Db, id: string, userId: string): Promise<void> {
  await db
    .insertInto('auth_sessions')
    .values({
      id,
      user_id: userId,
      created_at: new Date().toISOString(),
      revoked_at: null,
      revoked_reason: null,
    })
    .execute();
}

export async function getSession(db: Db, id: string): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom('auth_sessions')
    .select(['id', 'user_id', 'revoked_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { id: row.id, userId: row.user_id, revokedAt: row.revoked_at };
}

/** Revokes the given sessions (or all of a user's); returns the ids that were live until now. */
export async function revokeSessions(
  db: Db,
  where: { sessionId: string } | { userId: string },
  reason: string,
): Promise<string[]> {
  const rows = await db
    .updateTable('auth_sessions')
    .set({ revoked_at: new Date().toISOString(), revoked_reason: reason })
    .where('revoked_at', 'is', null)
    .where(
      'sessionId' in where ? 'id' : 'user_id',
      '=',
      'sessionId' in where ? where.sessionId : where.userId,
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function insertRefreshToken(
  db: Db,
  token: { hash: string; sessionId: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('refresh_tokens')
    .values({
      token_hash: token.hash,
      session_id: token.sessionId,
      created_at: new Date().toISOString(),
      expires_at: token.expiresAt,
      used_at: null,
    })
    .execute();
}

export interface RefreshTokenRecord {
  sessionId: string;
  expiresAt: string;
  usedAt: string | null;
}

/** Marks the token used in the same statement that reads it, so two racing refreshes cannot both win. */
export async function consumeRefreshToken(
  db: Db,
  hash: string,
): Promise<{ token: RefreshTokenRecord; firstUse: boolean } | undefined> {
  const now = new Date().toISOString();
  const claimed = await db
    .updateTable('refresh_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', hash)
    .where('used_at', 'is', null)
    .returning(['session_id', 'expires_at', 'used_at'])
    .executeTakeFirst();
  if (claimed) {
    return {
      token: { sessionId: claimed.session_id, expiresAt: claimed.expires_at, usedAt: null },
      firstUse: true,
    };
  }
  const row = await db
    .selectFrom('refresh_tokens')
    .select(['session_id', 'expires_at', 'used_at'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  return (
    row && {
      token: { sessionId: row.session_id, expiresAt: row.expires_at, usedAt: row.used_at },
      firstUse: false,
    }
  );
}
