import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/store/migrate.js';
import { migrationProvider, migrations } from '../src/store/migrations/index.js';
import { openSqlite } from '../src/store/open-sqlite.js';

function schemaOf(sqlite: ReturnType<typeof openSqlite>['sqlite']) {
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name",
    )
    .all() as Array<{ name: string }>;
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (
        sqlite.prepare(`PRAGMA table_info("${name}")`).all() as Array<{
          name: string;
          type: string;
          notnull: number;
        }>
      ).map((c) => `${c.name} ${c.type}${c.notnull ? ' NOT NULL' : ''}`),
    ]),
  );
}

describe('migrations', () => {
  it('are numbered, in order, and apply once', async () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
    for (const [i, name] of names.entries()) {
      expect(name).toMatch(new RegExp(`^${String(i + 1).padStart(4, '0')}_[a-z0-9_]+$`));
    }

    const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-migrate-'));
    const opened = openSqlite(path.join(dir, 'db.sqlite'), 'normal');
    expect(await migrateToLatest(opened.db)).toEqual(names);
    expect(await migrateToLatest(opened.db)).toEqual([]);
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    await opened.close();
  });

  it('keep every column of the recorded schema (a dropped or renamed column fails here)', async () => {
    const opened = openSqlite(':memory:', 'normal');
    await migrateToLatest(opened.db);
    // Adding a migration changes this snapshot: review the diff, then update it with `vitest -u`.
    await expect(JSON.stringify(schemaOf(opened.sqlite), null, 2)).toMatchFileSnapshot(
      './__snapshots__/schema.json',
    );
    await opened.close();
  });

  it('0009 carries the address of every message left before it onto its conversation', async () => {
    const opened = openSqlite(':memory:', 'normal');
    const migrator = new Migrator({ db: opened.db, provider: migrationProvider });
    expect((await migrator.migrateTo('0008_search_index_file')).error).toBeUndefined();
    const at = '2026-01-01T00:00:00.000Z';
    await sql`INSERT INTO widgets (id, name, allowed_origins, secret, identity_mode, created_at)
      VALUES ('w', 'Shop', '[]', 's', 'optional', ${at})`.execute(opened.db);
    await sql`INSERT INTO visitors (id, widget_id, verified, created_at) VALUES ('v', 'w', 0, ${at})`.execute(
      opened.db,
    );
    for (const [id, status] of [
      ['left', 'offline'],
      ['chat', 'assigned'],
    ]) {
      await sql`INSERT INTO conversations (id, visitor_id, widget_id, status, attributes, last_seq, created_at, updated_at)
        VALUES (${id}, 'v', 'w', ${status}, '{}', 1, ${at}, ${at})`.execute(opened.db);
    }
    await sql`INSERT INTO offline_messages (visitor_id, client_msg_id, conversation_id, email, created_at)
      VALUES ('v', 'm1', 'left', 'olga@example.test', ${at})`.execute(opened.db);

    await migrateToLatest(opened.db);
    const rows = await sql<{ id: string; reply_to: string | null }>`
      SELECT id, reply_to FROM conversations ORDER BY id`.execute(opened.db);
    expect(rows.rows).toEqual([
      { id: 'chat', reply_to: null },
      { id: 'left', reply_to: 'olga@example.test' },
    ]);
    await opened.close();
  });

  it('0015 indexes the visitors of the conversations before it, and keeps the index in step after', async () => {
    const opened = openSqlite(':memory:', 'normal');
    const migrator = new Migrator({ db: opened.db, provider: migrationProvider });
    expect((await migrator.migrateTo('0014_message_via')).error).toBeUndefined();
    const at = '2026-01-01T00:00:00.000Z';
    const conversation = (id: string, visitor: string) =>
      sql`INSERT INTO conversations (id, visitor_id, widget_id, status, attributes, last_seq, created_at, updated_at)
        VALUES (${id}, ${visitor}, 'w', 'queued', '{}', 0, ${at}, ${at})`.execute(opened.db);
    await sql`INSERT INTO widgets (id, name, allowed_origins, secret, identity_mode, created_at)
      VALUES ('w', 'Shop', '[]', 's', 'optional', ${at})`.execute(opened.db);
    await sql`INSERT INTO visitors (id, widget_id, name, email, verified, created_at)
      VALUES ('noor', 'w', 'Noor Haddad', 'noor@mail.example', 0, ${at}),
             ('anon', 'w', NULL, NULL, 0, ${at})`.execute(opened.db);
    await conversation('before', 'noor');

    await migrateToLatest(opened.db);
    const found = async (q: string) =>
      (
        await sql<{ conversation_id: string }>`
          SELECT r.conversation_id FROM contacts_fts f JOIN contact_rows r ON r.id = f.rowid
          WHERE contacts_fts MATCH ${q} ORDER BY r.conversation_id`.execute(opened.db)
      ).rows.map((r) => r.conversation_id);
    expect(await found('"hadd"*')).toEqual(['before']);

    await conversation('after', 'noor');
    await conversation('nameless', 'anon');
    expect(await found('"noor"*')).toEqual(['after', 'before']);
    // A left message's address, then the name the visitor gave with it.
    await sql`UPDATE conversations SET reply_to = 'zora@shop.example' WHERE id = 'nameless'`.execute(
      opened.db,
    );
    expect(await found('"zora"*')).toEqual(['nameless']);
    await sql`UPDATE visitors SET name = 'Zora Ali' WHERE id = 'anon'`.execute(opened.db);
    expect(await found('"ali"*')).toEqual(['nameless']);
    expect(await found('"zora"*')).toEqual(['nameless']);
    // Changing what is not indexed changes nothing; a renamed visitor is found by the new name only.
    await sql`UPDATE conversations SET last_seq = 5 WHERE id = 'after'`.execute(opened.db);
    await sql`UPDATE visitors SET name = 'Noor Saleh' WHERE id = 'noor'`.execute(opened.db);
    expect(await found('"haddad"*')).toEqual([]);
    expect(await found('"saleh"*')).toEqual(['after', 'before']);
    await sql`DELETE FROM conversations WHERE id = 'before'`.execute(opened.db);
    expect(await found('"saleh"*')).toEqual(['after']);
    expect(await found('"noor"*')).toEqual(['after']);
    await opened.close();
  });
});
