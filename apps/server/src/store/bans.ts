import { audit } from './audit.js';
import type { Db } from './open-sqlite.js';

export interface BanRecord {
  id: string;
  kind: 'visitor' | 'ip';
  value: string;
  reason: string;
  createdBy: string;
  createdAt: string;
}

export async function listActiveBans(db: Db): Promise<BanRecord[]> {
  const rows = await db
    .selectFrom('bans')
    .selectAll()
    .where('lifted_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind === 'ip' ? 'ip' : 'visitor',
    value: r.value,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}

export async function insertBan(db: Db, ban: BanRecord): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('bans')
      .values({
        id: ban.id,
        kind: ban.kind,
        value: ban.value,
        reason: ban.reason,
        created_by: ban.createdBy,
        created_at: ban.createdAt,
        lifted_at: null,
      })
      .execute();
    await audit(trx, ban.createdBy, 'ban.create', ban.id, {
      kind: ban.kind,
      value: ban.value,
      reason: ban.reason,
    });
  });
}

export async function liftBan(db: Db, banId: string, actorId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('bans')
      .set({ lifted_at: new Date().toISOString() })
      .where('id', '=', banId)
      .where('lifted_at', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    await audit(trx, actorId, 'ban.lift', banId, {});
    return true;
  });
}
