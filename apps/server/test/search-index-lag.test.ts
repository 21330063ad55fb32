import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendMessage } from '../src/store/messages.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { type OpenedDb, openSqlite } from '../src/store/open-sqlite.js';
import { unindexedMessages } from '../src/store/search.js';
import { insertQueuedConversation, seedFixture, visitorMessage } from './support/fixture.js';

describe('messages not yet in the search index (a real SQLite file, no index worker)', () => {
  let dir: string;
  let opened: OpenedDb;
  let conversationId: string;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'switchboard-index-lag-'));
    opened = openSqlite(path.join(dir, 'test.db'), 'normal');
    await migrateToLatest(opened.db);
    const fixture = await seedFixture(opened.db);
    conversationId = await insertQueuedConversation(opened.db, fixture);
  });

  afterEach(async () => {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts what was committed after the index mark, and nothing once the mark has caught up', async () => {
    expect(await unindexedMessages(opened.db)).toBe(0);
    for (const body of ['one', 'two', 'three']) {
      await appendMessage(opened.db, visitorMessage(conversationId, randomUUID(), body));
    }
    expect(await unindexedMessages(opened.db)).toBe(3);
    // What the worker records after indexing a slice.
    await sql`UPDATE settings SET value = (SELECT CAST(max(id) - 1 AS TEXT) FROM messages)
              WHERE key = 'fts_indexed_through'`.execute(opened.db);
    expect(await unindexedMessages(opened.db)).toBe(1);
    await sql`UPDATE settings SET value = (SELECT CAST(max(id) AS TEXT) FROM messages)
              WHERE key = 'fts_indexed_through'`.execute(opened.db);
    expect(await unindexedMessages(opened.db)).toBe(0);
  });
});
