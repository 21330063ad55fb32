import { sql } from 'kysely';
import type { Db } from './open-sqlite.js';
import type { VisitorRecord } from './records.js';
import type { VisitorsTable } from './schema.js';

function rowToVisitor(row: VisitorsTable): VisitorRecord {
  return {
    id: row.id,
    widgetId: row.widget_id,
    externalId: row.external_id,
    name: row.name,
    email: row.email,
    verified: row.verified === 1,
  };
}

/** A new visitor, not connected yet: away since now, until their widget connects. */
export async function insertVisitor(db: Db, visitor: VisitorRecord): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('visitors')
    .values({
      id: visitor.id,
      widget_id: visitor.widgetId,
      external_id: visitor.externalId,
      name: visitor.name,
      email: visitor.email,
      verified: visitor.verified ? 1 : 0,
      created_at: now,
      left_at: now,
    })
    .execute();
}

export async function getVisitorByExternalId(
  db: Db,
  widgetId: string,
  externalId: string,
): Promise<VisitorRecord | undefined> {
  const row = await db
    .selectFrom('visitors')
    .selectAll()
    .where('widget_id', '=', widgetId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  return row && rowToVisitor(row);
}

/** Records when the visitor's last connection closed (`markVisitorBack` clears it). */
export async function saveVisitorLeftAt(db: Db, visitorId: string, at: string): Promise<void> {
  await db.updateTable('visitors').set({ left_at: at }).where('id', '=', visitorId).execute();
}

/** The visitor is connected again; false when they already counted as connected. */
export async function markVisitorBack(db: Db, visitorId: string): Promise<boolean> {
  const result = await db
    .updateTable('visitors')
    .set({ left_at: null })
    .where('id', '=', visitorId)
    .where('left_at', 'is not', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** At start: no visitor is connected to this process yet, whatever the last one recorded. */
export async function markVisitorsAway(db: Db, at: string): Promise<void> {
  await db.updateTable('visitors').set({ left_at: at }).where('left_at', 'is', null).execute();
}

export async function insertVisitorToken(db: Db, visitorId: string, tokenHash: string): Promise<void> {
  await db
    .insertInto('visitor_tokens')
    .values({ token_hash: tokenHash, visitor_id: visitorId, created_at: new Date().toISOString() })
    .execute();
}

export async function getVisitorByTokenHash(db: Db, tokenHash: string): Promise<VisitorRecord | undefined> {
  const row = await db
    .selectFrom('visitor_tokens')
    .innerJoin('visitors', 'visitors.id', 'visitor_tokens.visitor_id')
    .selectAll('visitors')
    .where('visitor_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && rowToVisitor(row);
}

/** A visitor with when they first came, for their data export. */
export async function getVisitorWithCreated(
  db: Db,
  visitorId: string,
): Promise<(VisitorRecord & { createdAt: string }) | undefined> {
  const row = await db.selectFrom('visitors').selectAll().where('id', '=', visitorId).executeTakeFirst();
  return row && { ...rowToVisitor(row), createdAt: row.created_at };
}

/**
 * The visitors an address belongs to: given as theirs, or left with a message; case ignored
 * (ASCII letters, as SQLite's `lower`). Most recent first. Read through the folded-address
 * indexes (migration 0017).
 */
export function emailLookupQuery(db: Db, email: string, limit: number) {
  const address = email.toLowerCase();
  return db
    .selectFrom('visitors as v')
    .leftJoin('conversations as c', 'c.visitor_id', 'v.id')
    .select((eb) => [
      'v.id',
      'v.name',
      'v.email',
      'v.verified',
      eb.fn.count<number>('c.id').as('conversations'),
      eb.fn.max('c.updated_at').as('last_activity'),
    ])
    .where((eb) =>
      eb.or([
        // Each side as its partial index is written: without `is not null` SQLite scans instead.
        eb.and([eb('v.email', 'is not', null), eb(sql`lower(v.email)`, '=', address)]),
        eb(
          'v.id',
          'in',
          eb
            .selectFrom('conversations')
            .select('visitor_id')
            .where('reply_to', 'is not', null)
            .where(sql`lower(reply_to)`, '=', address),
        ),
      ]),
    )
    .groupBy('v.id')
    .orderBy(sql`max(c.updated_at) IS NULL`)
    .orderBy('last_activity', 'desc')
    .limit(limit);
}

export async function visitorsWithEmail(db: Db, email: string, limit: number) {
  const rows = await emailLookupQuery(db, email, limit).execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    verified: r.verified === 1,
    conversations: Number(r.conversations),
    lastActivity: r.last_activity ?? null,
  }));
}
