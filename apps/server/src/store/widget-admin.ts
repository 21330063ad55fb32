import type { IdentityMode, PageTracking } from '@switchboard/protocol';
import type { Db } from './open-sqlite.js';

export interface WidgetChange {
  name?: string | undefined;
  teamId?: string | null | undefined;
  allowedOrigins?: string[] | undefined;
  identityMode?: IdentityMode | undefined;
  pageTracking?: PageTracking | undefined;
  typingPreview?: boolean | undefined;
  /** Already-validated WidgetSettings. */
  settings?: object | undefined;
  secret?: string | undefined;
}

export async function updateWidget(db: Db, id: string, change: WidgetChange): Promise<void> {
  await db
    .updateTable('widgets')
    .set({
      ...(change.name === undefined ? {} : { name: change.name }),
      ...(change.teamId === undefined ? {} : { team_id: change.teamId }),
      ...(change.allowedOrigins === undefined
        ? {}
        : { allowed_origins: JSON.stringify(change.allowedOrigins) }),
      ...(change.identityMode === undefined ? {} : { identity_mode: change.identityMode }),
      ...(change.pageTracking === undefined ? {} : { page_tracking: change.pageTracking }),
      ...(change.typingPreview === undefined ? {} : { typing_preview: change.typingPreview ? 1 : 0 }),
      ...(change.settings === undefined ? {} : { settings: JSON.stringify(change.settings) }),
      ...(change.secret === undefined ? {} : { secret: change.secret }),
    })
    .where('id', '=', id)
    .execute();
}
