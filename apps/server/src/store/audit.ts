import { AuditAction } from '@switchboard/protocol';
import { z } from 'zod';
import type { Db } from './open-sqlite.js';

/** One row of the audit log, as the store hands it out. */
export interface AuditRecord {
  id: number;
  actorId: string | null;
  actorName: string | null;
  action: AuditAction;
  targetId: string;
  data: Record<string, unknown>;
  at: string;
}

export interface AuditFilter {
  actorId?: string | undefined;
  action?: AuditAction | undefined;
  targetId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Exclusive keyset cursor: the id of the last row of the previous page. */
  beforeId?: number | undefined;
  limit: number;
}

const Data = z.record(z.string(), z.unknown()).catch({});

/** Writes an audit entry; pass the transaction when the audited change has one. */
export async function audit(
  db: Db,
  actorId: string | null,
  action: AuditAction,
  target: string,
  data: object,
  at = new Date().toISOString(),
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ actor_id: actorId, action, target, data: JSON.stringify(data), at })
    .execute();
}

/** Newest first, filtered; only parameterized SQL. */
export async function listAudit(db: Db, filter: AuditFilter): Promise<AuditRecord[]> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.actor_id', 'u.name as actor_name', 'a.action', 'a.target', 'a.data', 'a.at']);
  if (filter.actorId !== undefined) query = query.where('a.actor_id', '=', filter.actorId);
  if (filter.action !== undefined) query = query.where('a.action', '=', filter.action);
  if (filter.targetId !== undefined) query = query.where('a.target', '=', filter.targetId);
  if (filter.from !== undefined) query = query.where('a.at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('a.at', '<', filter.to);
  if (filter.beforeId !== undefined) query = query.where('a.id', '<', filter.beforeId);
  const rows = await query.orderBy('a.id', 'desc').limit(filter.limit).execute();
  return rows.flatMap((r) => {
    const action = AuditAction.safeParse(r.action);
    if (!action.success) return [];
    return [
      {
        id: r.id,
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: action.data,
        targetId: r.target,
        data: Data.parse(JSON.parse(r.data)),
        at: r.at,
      },
    ];
  });
}
