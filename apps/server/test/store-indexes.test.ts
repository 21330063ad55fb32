import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentShownQuery } from '../src/store/attachments.js';
import { expiredConversationsQuery } from '../src/store/erasures.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { type OpenedDb, openSqlite, rawSqlite } from '../src/store/open-sqlite.js';

/**
 * The store's reads and deletes run on the server's one thread, where every chat waits: what a
 * year of history would make slow must read an index, not a whole table.
 */
describe("the store's indexes", () => {
  let dir: string;
  let opened: OpenedDb;
  const sqlite = () => {
    const handle = rawSqlite(opened.db);
    if (!handle) throw new Error('not SQLite');
    return handle;
  };
  const plan = (query: Compilable) => {
    const compiled = query.compile();
    return (
      sqlite()
        .prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`)
        .all(...compiled.parameters) as Array<{ detail: string }>
    ).map((step) => step.detail);
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'switchboard-indexes-'));
    opened = openSqlite(path.join(dir, 'store.db'), 'normal');
    await migrateToLatest(opened.db);
  });
  afterAll(async () => {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has an index under every column that references another row', () => {
    // Deleting a row makes SQLite look for the rows that reference it, per deleted row: with no
    // index there, it reads the whole referencing table (a retention batch took 1.9 s).
    const tables = (
      sqlite()
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%REFERENCES%'")
        .all() as Array<{
        name: string;
      }>
    ).map((t) => t.name);
    const unindexed: string[] = [];
    for (const table of tables) {
      const leading = new Set(
        (sqlite().pragma(`index_list("${table}")`) as Array<{ name: string }>).map(
          (index) => (sqlite().pragma(`index_info("${index.name}")`) as Array<{ name: string }>)[0]?.name,
        ),
      );
      const references = sqlite().pragma(`foreign_key_list("${table}")`) as Array<{ from: string }>;
      for (const { from } of references) if (!leading.has(from)) unindexed.push(`${table}.${from}`);
    }
    expect(tables.length).toBeGreaterThan(5);
    expect(unindexed).toEqual([]);
  });

  it("reads the retention pass's expired conversations in order from an index", () => {
    expect(plan(expiredConversationsQuery(opened.db, '2026-01-01T00:00:00.000Z', 50))).toEqual([
      'SEARCH conversations USING INDEX conversations_status_resolved (status=? AND resolved_at<?)',
    ]);
  });

  it("finds whether a visitor may download a file through the file's messages only", () => {
    expect(plan(attachmentShownQuery(opened.db, 'attachment'))).toEqual([
      'SEARCH messages USING INDEX messages_attachment (attachment_id=?)',
    ]);
  });
});
