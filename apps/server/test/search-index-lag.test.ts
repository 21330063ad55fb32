import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendMessage } from '../src/store/messages.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { type OpenedDb, openSqlite } from '../src/store/open-sqlite.js';
import { unindexedMessages } from '../src/store/search.js';
import { searchIndexFile } from '../src/store/search-index.js';
import { insertQueuedConversation, seedFixture, visitorMessage } from './support/fixture.js';

describe('messages not yet in the search index (real SQLite files, no index worker)', () => {
  let dir: string;
  let file: string;
  let opened: OpenedDb;
  let conversationId: string;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'switchboard-index-lag-'));
    file = path.join(dir, 'test.db');
    opened = openSqlite(file, 'normal');
    await migrateToLatest(opened.db);
    const fixture = await seedFixture(opened.db);
    conversationId = await insertQueuedConversation(opened.db, fixture);
  });

  afterEach(async () => {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the worker records in the index file after indexing a slice. */
  function markIndexedThrough(id: number) {
    const index = new BetterSqlite3(searchIndexFile(file));
    try {
      index.prepare("INSERT OR REPLACE INTO index_state (key, value) VALUES ('indexed_through', ?)").run(id);
    } finally {
      index.close();
    }
  }

  it('counts what was committed after the index mark, and nothing once the mark has caught up', async () => {
    expect(await unindexedMessages(opened.search)).toBe(0);
    const ids: number[] = [];
    for (const body of ['one', 'two', 'three']) {
      await appendMessage(opened.db, visitorMessage(conversationId, randomUUID(), body));
      ids.push(Number(opened.sqlite.prepare('SELECT max(id) FROM messages').pluck().get()));
    }
    expect(await unindexedMessages(opened.search)).toBe(3);
    markIndexedThrough(ids[1] ?? 0);
    expect(await unindexedMessages(opened.search)).toBe(1);
    markIndexedThrough(ids[2] ?? 0);
    expect(await unindexedMessages(opened.search)).toBe(0);
  });

  it('keeps the index out of the database file, on a connection that only reads', async () => {
    const inDatabase = opened.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'messages_fts%'")
      .all();
    expect(inDatabase).toEqual([]);
    await expect(
      sql`INSERT INTO search.index_state (key, value) VALUES ('indexed_through', 1)`.execute(opened.search),
    ).rejects.toThrow(/readonly/);
    await expect(sql`DELETE FROM messages`.execute(opened.search)).rejects.toThrow(/readonly/);
  });
});
