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
});
