import { PageTracking } from '@switchboard/protocol';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Db } from './open-sqlite.js';
import type { WidgetRecord } from './records.js';
import type { WidgetsTable } from './schema.js';

const Origins = z.array(z.string());
const IdentityMode = z.enum(['optional', 'enforce']);

function rowToWidget(row: Selectable<WidgetsTable>): WidgetRecord {
  return {
    id: row.id,
    name: row.name,
    secret: row.secret,
    allowedOrigins: Origins.parse(JSON.parse(row.allowed_origins)),
    identityMode: IdentityMode.parse(row.identity_mode),
    teamId: row.team_id,
    pageTracking: PageTracking.parse(row.page_tracking),
    typingPreview: row.typing_preview === 1,
  };
}

type Defaulted = 'pageTracking' | 'typingPreview';

/** A new widget; unless told otherwise it records visitors' pages in full and previews no drafts. */
export async function insertWidget(
  db: Db,
  widget: Omit<WidgetRecord, Defaulted> & Partial<Pick<WidgetRecord, Defaulted>>,
): Promise<void> {
  await db
    .insertInto('widgets')
    .values({
      id: widget.id,
      name: widget.name,
      secret: widget.secret,
      allowed_origins: JSON.stringify(widget.allowedOrigins),
      identity_mode: widget.identityMode,
      team_id: widget.teamId,
      created_at: new Date().toISOString(),
      ...(widget.pageTracking === undefined ? {} : { page_tracking: widget.pageTracking }),
      ...(widget.typingPreview === undefined ? {} : { typing_preview: widget.typingPreview ? 1 : 0 }),
    })
    .execute();
}

export async function getWidget(db: Db, id: string): Promise<WidgetRecord | undefined> {
  const row = await db.selectFrom('widgets').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToWidget(row);
}

export async function listWidgets(db: Db): Promise<WidgetRecord[]> {
  const rows = await db.selectFrom('widgets').selectAll().orderBy('created_at').execute();
  return rows.map(rowToWidget);
}
