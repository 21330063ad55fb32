import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/store/migrate.js';
import { type OpenedDb, openSqlite } from '../src/store/open-sqlite.js';
import { searchConversations } from '../src/store/search.js';
import { type Fixture, insertQueuedConversation, seedFixture } from './support/fixture.js';

const LAST_YEAR = '2025-11-20T09:30:00.000Z';

/**
 * A search by visitor looks at the newest 500 matching conversations: within a period, the newest
 * 500 opened before its end (a real SQLite file).
 */
describe('a search by visitor within a period', () => {
  let dir: string;
  let opened: OpenedDb;
  let fixture: Fixture;
  let old: string;

  const open = (name: string) => insertQueuedConversation(opened.db, fixture, name);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'switchboard-visitor-period-'));
    opened = openSqlite(path.join(dir, 'test.db'), 'normal');
    await migrateToLatest(opened.db);
    fixture = await seedFixture(opened.db);
    // Noor Haddad chatted last year; 500 other Noors since.
    old = await open('Noor Haddad');
    await opened.db
      .updateTable('conversations')
      .set({ created_at: LAST_YEAR, updated_at: LAST_YEAR })
      .where('id', '=', old)
      .execute();
    for (let i = 0; i < 500; i++) await open(`Noor Number${i}`);
  }, 60_000);

  afterAll(async () => {
    await opened?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds last year’s Noor within last year, past the 500 newer ones', async () => {
    const all = { kind: 'all' } as const;
    const anyTime = await searchConversations(opened.db, all, 'noor', 10);
    expect(anyTime).toHaveLength(10);
    expect(anyTime.map((hit) => hit.conversationId)).not.toContain(old);
    const lastYear = { from: '2025-11-01T00:00:00.000Z', to: '2025-12-01T00:00:00.000Z' };
    expect(await searchConversations(opened.db, all, 'noor', 10, lastYear)).toMatchObject([
      { conversationId: old, visitorName: 'Noor Haddad', updatedAt: LAST_YEAR },
    ]);
    // Active since the period's start: the newer ones, not hers.
    const since = await searchConversations(opened.db, all, 'noor', 10, { from: '2026-01-01T00:00:00.000Z' });
    expect(since).toHaveLength(10);
    expect(since.map((hit) => hit.conversationId)).not.toContain(old);
    expect(await searchConversations(opened.db, all, 'noor', 10, { to: '2025-01-01T00:00:00.000Z' })).toEqual(
      [],
    );
  });
});
