import Database from 'better-sqlite3';

/**
 * Turns a cache file written by this version into one as an older release left it: without what
 * the later migrations (src/main/services/cache-migrations.ts) added, at that schema version.
 */
export function asOlderCacheFile(file: string, version: 2 | 3 | 5): void {
  const db = new Database(file);
  db.exec(
    `DROP TABLE erasure_mark;
     ALTER TABLE conversations DROP COLUMN newest;
     ALTER TABLE conversations ADD COLUMN preview TEXT;`,
  );
  if (version === 5) db.exec('ALTER TABLE conversations ADD COLUMN preview_event TEXT;');
  if (version < 4) db.exec('ALTER TABLE conversations DROP COLUMN awaiting_reply_since;');
  if (version < 3) db.exec('DROP TABLE message_text; DROP TABLE message_text_backlog;');
  db.pragma(`user_version = ${version}`);
  db.close();
}
