import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/store/migrate.js';
import { type OpenedDb, openSqlite, rawSqlite } from '../src/store/open-sqlite.js';
import { emailLookupQuery } from '../src/store/visitors.js';

/**
 * An admin's lookup by address runs on the server's one thread, where every chat waits: it must
 * read the folded-address indexes, never every visitor or conversation.
 */
describe('finding visitors by email address', () => {
  let dir: string;
  let opened: OpenedDb;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'switchboard-email-lookup-'));
    opened = openSqlite(path.join(dir, 'store.db'), 'normal');
    await migrateToLatest(opened.db);
  });
  afterAll(async () => {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the indexes of folded addresses instead of scanning visitors and conversations', () => {
    const query = emailLookupQuery(opened.db, 'Pia@Example.com', 50).compile();
    const sqlite = rawSqlite(opened.db);
    if (!sqlite) throw new Error('not SQLite');
    const plan = (
      sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as Array<{ detail: string }>
    ).map((step) => step.detail);
    expect(plan.some((step) => step.includes('USING INDEX visitors_email_folded'))).toBe(true);
    expect(plan.some((step) => step.includes('USING INDEX conversations_reply_to_folded'))).toBe(true);
    expect(plan.filter((step) => step.startsWith('SCAN'))).toEqual([]);
  });
});
