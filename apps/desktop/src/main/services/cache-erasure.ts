import type Database from 'better-sqlite3';
import { TabState } from '../../shared/cache-schemas.js';
import { tabsWithout } from '../../shared/tabs-without.js';
import { parseJson } from './parse-json.js';

/** Tables keyed by conversation besides `messages` and its index: the row itself and what hangs off it. */
const BY_CONVERSATION = [
  ['conversations', 'id'],
  ['read_marks', 'conversation_id'],
  ['outbox', 'conversation_id'],
  ['drafts', 'conversation_id'],
] as const;

const IN_LIST = 'IN (SELECT value FROM json_each(?))';

/**
 * The right to erasure on this device: the conversations leave the cache file with their
 * messages, the search index's rows, unsent replies, drafts, read marks and tabs, and no bytes of
 * them stay behind in freed pages or the WAL. `erasureSeq`, when given, is kept in the same
 * transaction as how far through the server's erasures the file now is.
 */
export function forgetConversations(
  db: Database.Database,
  ids: readonly string[],
  erasureSeq?: number,
): void {
  const list = JSON.stringify(ids);
  const gone = new Set(ids);
  const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
  // Freed pages are zeroed instead of kept as they were until reused.
  db.pragma('secure_delete = ON');
  let removed = 0;
  try {
    db.transaction(() => {
      for (const [table, column] of BY_CONVERSATION)
        removed += db.prepare(`DELETE FROM ${table} WHERE ${column} ${IN_LIST}`).run(list).changes;
      const messages = db.prepare(`DELETE FROM messages WHERE conversation_id ${IN_LIST}`).run(list).changes;
      // The index's conversation column is not indexed (a scan): only when there were messages.
      if (messages > 0) db.prepare(`DELETE FROM message_text WHERE conversation_id ${IN_LIST}`).run(list);
      removed += messages + (withoutTabs(db, gone) ? 1 : 0);
      if (erasureSeq !== undefined) db.prepare('UPDATE erasure_mark SET seq = ?').run(erasureSeq);
    })();
  } finally {
    db.pragma(`secure_delete = ${secureDelete}`);
  }
  // The WAL keeps the pages as they were before the delete until a checkpoint empties it.
  if (removed > 0) db.pragma('wal_checkpoint(TRUNCATE)');
}

/** The kept tabs without the forgotten conversations; true if that changed them. */
function withoutTabs(db: Database.Database, gone: ReadonlySet<string>): boolean {
  const row = db.prepare('SELECT json FROM tabs WHERE id = 1').get() as { json: string } | undefined;
  if (!row) return false;
  const tabs = parseJson(TabState, row.json);
  const next = tabsWithout(tabs, gone);
  if (next === tabs) return false;
  db.prepare('UPDATE tabs SET json = ? WHERE id = 1').run(JSON.stringify(next));
  return true;
}

/** How far through the server's erasures the file is (0: none seen). */
export function erasureSeq(db: Database.Database): number {
  return (db.prepare('SELECT seq FROM erasure_mark WHERE id = 1').get() as { seq: number }).seq;
}
