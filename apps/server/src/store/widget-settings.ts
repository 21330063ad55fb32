import { DEFAULT_WIDGET_SETTINGS, WidgetSettings } from '@switchboard/protocol';
import type { Db } from './open-sqlite.js';

/** The widget's settings, parsed from their stored JSON; the defaults when none were saved. */
export async function getWidgetSettings(db: Db, widgetId: string): Promise<WidgetSettings | undefined> {
  const row = await db.selectFrom('widgets').select('settings').where('id', '=', widgetId).executeTakeFirst();
  if (!row) return undefined;
  return row.settings === null ? DEFAULT_WIDGET_SETTINGS : WidgetSettings.parse(JSON.parse(row.settings));
}

export async function setWidgetSettings(db: Db, widgetId: string, settings: WidgetSettings): Promise<void> {
  await db
    .updateTable('widgets')
    .set({ settings: JSON.stringify(WidgetSettings.parse(settings)) })
    .where('id', '=', widgetId)
    .execute();
}
