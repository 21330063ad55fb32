import { type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * Finding conversations by who the visitor is: a full-text index of each conversation's visitor
 * name and email (the visitor's, else the address a left message gave), kept in step by triggers.
 * Words, accents folded, matched by prefix ("hadd" finds Haddad), as the message index reads a
 * search. An index row's rowid is the conversation's number in `contact_rows`, an INTEGER PRIMARY
 * KEY (which VACUUM keeps, unlike the rowid of `conversations`), so a change finds its row at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await sql`CREATE TABLE contact_rows (
    id INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL UNIQUE REFERENCES conversations(id) ON DELETE CASCADE)`.execute(db);
  await sql`CREATE VIRTUAL TABLE contacts_fts USING fts5(
    name, email, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')`.execute(db);
  await sql`INSERT INTO contact_rows(conversation_id) SELECT id FROM conversations ORDER BY created_at`.execute(
    db,
  );
  await sql`INSERT INTO contacts_fts(rowid, name, email)
    SELECT r.id, v.name, coalesce(v.email, c.reply_to)
    FROM contact_rows r JOIN conversations c ON c.id = r.conversation_id JOIN visitors v ON v.id = c.visitor_id`.execute(
    db,
  );
  await sql`CREATE TRIGGER contacts_fts_insert AFTER INSERT ON conversations BEGIN
    INSERT INTO contact_rows(conversation_id) VALUES (new.id);
    INSERT INTO contacts_fts(rowid, name, email)
      SELECT r.id, v.name, coalesce(v.email, new.reply_to)
      FROM contact_rows r, visitors v WHERE r.conversation_id = new.id AND v.id = new.visitor_id;
  END`.execute(db);
  await sql`CREATE TRIGGER contacts_fts_reply_to AFTER UPDATE OF reply_to ON conversations
    WHEN new.reply_to IS NOT old.reply_to BEGIN
    DELETE FROM contacts_fts WHERE rowid = (SELECT id FROM contact_rows WHERE conversation_id = new.id);
    INSERT INTO contacts_fts(rowid, name, email)
      SELECT r.id, v.name, coalesce(v.email, new.reply_to)
      FROM contact_rows r, visitors v WHERE r.conversation_id = new.id AND v.id = new.visitor_id;
  END`.execute(db);
  await sql`CREATE TRIGGER contacts_fts_visitor AFTER UPDATE OF name, email ON visitors
    WHEN new.name IS NOT old.name OR new.email IS NOT old.email BEGIN
    DELETE FROM contacts_fts WHERE rowid IN (
      SELECT r.id FROM contact_rows r JOIN conversations c ON c.id = r.conversation_id
      WHERE c.visitor_id = new.id);
    INSERT INTO contacts_fts(rowid, name, email)
      SELECT r.id, new.name, coalesce(new.email, c.reply_to)
      FROM contact_rows r JOIN conversations c ON c.id = r.conversation_id WHERE c.visitor_id = new.id;
  END`.execute(db);
  await sql`CREATE TRIGGER contacts_fts_delete BEFORE DELETE ON conversations BEGIN
    DELETE FROM contacts_fts WHERE rowid = (SELECT id FROM contact_rows WHERE conversation_id = old.id);
  END`.execute(db);
}
