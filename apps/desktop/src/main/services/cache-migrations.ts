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
  // Offline search over the cached messages (PRODUCT: local search). The messages cached before
  // it are indexed in small batches after start, in key order up to `through` (LocalCache.indexPending),
  // so a large cache does not hold up the first launch after the update.
  `CREATE VIRTUAL TABLE message_text USING fts5(
     body, conversation_id UNINDEXED, seq UNINDEXED, created_at UNINDEXED,
     tokenize = 'unicode61 remove_diacritics 2'
   );
   CREATE TABLE message_text_backlog (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     through_conversation TEXT NOT NULL,
     through_seq INTEGER NOT NULL,
     done INTEGER NOT NULL
   );
   INSERT INTO message_text_backlog VALUES (1, '', 0, NOT EXISTS (SELECT 1 FROM messages));`,
  // Since when the visitor has waited for a reply (shared/awaiting-reply.ts), kept with the
  // preview; LocalCache fills it in for the open chats of a file that had no such column.
  'ALTER TABLE conversations ADD COLUMN awaiting_reply_since TEXT',
  // The preview's system event (JSON, protocol SystemEvent), so the list words it in the agent's
  // language; a file without it shows the English preview until the chat's next message.
  'ALTER TABLE conversations ADD COLUMN preview_event TEXT',
  // The preview as the newest cached message in the server's `lastMessage` shape (JSON, see
  // shared/newest-message.ts): also whether it is an internal note. Filled in here from the
  // messages the file holds, in one statement (5,000 chats in ~80 ms); its text is cut at 70
  // characters, which stays within the 140 UTF-16 units of PREVIEW_LENGTH whatever they are.
  `ALTER TABLE conversations ADD COLUMN newest TEXT;
   UPDATE conversations SET newest = (
     SELECT json_object(
       'seq', m.seq,
       'senderKind', json_extract(m.json, '$.sender.kind'),
       'text', substr(coalesce(json_extract(m.json, '$.body'), ''), 1, 70),
       'fileName', json_extract(m.json, '$.attachment.fileName'),
       'createdAt', json_extract(m.json, '$.createdAt'),
       'visibility', coalesce(json_extract(m.json, '$.visibility'), 'all'),
       'systemEvent', json(coalesce(json_extract(m.json, '$.systemEvent'), 'null')))
     FROM messages m WHERE m.conversation_id = conversations.id ORDER BY m.seq DESC LIMIT 1);
   ALTER TABLE conversations DROP COLUMN preview;
   ALTER TABLE conversations DROP COLUMN preview_event;`,
  // Erasing a visitor (LocalCache.forgetConversations): how far through the server's erasures
  // this file is, and an index whose deletes remove a message's words from its pages at once
  // (FTS5 otherwise leaves them there, marked deleted, until its segments next merge).
  `CREATE TABLE erasure_mark (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL);
   INSERT INTO erasure_mark VALUES (1, 0);
   INSERT INTO message_text (message_text, rank) VALUES ('secure-delete', 1);`,
];

/** The version that added `awaiting_reply_since`: files older than it get it filled in once. */
export const AWAITING_REPLY_VERSION = 4;

/** Brings the file up to date; returns the version it had before (0 for a new file). */
export function migrateCache(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return current;
}
