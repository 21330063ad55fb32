import type Database from 'better-sqlite3';

/** Numbered and append-only, like the server's: never edit an entry, add the next one. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE conversations (
     id TEXT PRIMARY KEY,
     json TEXT NOT NULL,
     sort_at TEXT NOT NULL,
     unread INTEGER NOT NULL DEFAULT 0,
     preview TEXT,
     synced_seq INTEGER NOT NULL DEFAULT 0
   );
   CREATE INDEX conversations_sort ON conversations (sort_at DESC);
   CREATE TABLE messages (
     conversation_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     client_msg_id TEXT NOT NULL,
     mine INTEGER NOT NULL,
     json TEXT NOT NULL,
     PRIMARY KEY (conversation_id, seq)
   ) WITHOUT ROWID;
   CREATE TABLE read_marks (conversation_id TEXT PRIMARY KEY, seq INTEGER NOT NULL);
   CREATE TABLE outbox (
     client_msg_id TEXT PRIMARY KEY,
     conversation_id TEXT NOT NULL,
     json TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE drafts (conversation_id TEXT PRIMARY KEY, body TEXT NOT NULL, internal INTEGER NOT NULL);
   CREATE TABLE tabs (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);`,
  // The list's page order (sort_at, then id) straight from the index: no sort of every row.
  'CREATE INDEX conversations_page ON conversations (sort_at DESC, id)',
  // Offline search over the cached messages (PRODUCT: local search); the cached ones are indexed now.
  `CREATE VIRTUAL TABLE message_text USING fts5(
     body, conversation_id UNINDEXED, seq UNINDEXED, created_at UNINDEXED,
     tokenize = 'unicode61 remove_diacritics 2'
   );
   INSERT INTO message_text (body, conversation_id, seq, created_at)
     SELECT json ->> '$.body', conversation_id, seq, json ->> '$.createdAt' FROM messages
     WHERE json ->> '$.body' <> '';`,
];

export function migrateCache(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length;
}
