import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReportGroupBy, SearchPeriod } from '@switchboard/protocol';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../src/domain/errors.js';
import type { StaffPrincipal } from '../src/domain/principal.js';
import { ReportService } from '../src/domain/reports/report-service.js';
import { SearchService } from '../src/domain/search-service.js';
import { ReadThread } from '../src/reading/read-thread.js';
import { appendMessage } from '../src/store/messages.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { openReader } from '../src/store/open-reader.js';
import { type OpenedDb, openSqlite } from '../src/store/open-sqlite.js';
import { unindexedMessages } from '../src/store/search.js';
import { searchIndexFile } from '../src/store/search-index.js';
import {
  adminPrincipal,
  type Fixture,
  insertQueuedConversation,
  seedFixture,
  visitorMessage,
} from './support/fixture.js';

/** The server's database as it runs (background checkpoints), and the reports thread beside it. */
describe('reports and searches on a thread of their own', () => {
  let dir: string;
  let file: string;
  let opened: OpenedDb;
  let fixture: Fixture;
  let thread: ReadThread;
  let admin: StaffPrincipal;
  const errors: unknown[] = [];
  const today = new Date().toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const query = (groupBy: ReportGroupBy) => ({ from: yesterday, to: today, timezone: 'UTC', groupBy });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'switchboard-read-thread-'));
    file = path.join(dir, 'db.sqlite');
    opened = openSqlite(file, 'normal', { checkpointInBackground: true });
    await migrateToLatest(opened.db);
    fixture = await seedFixture(opened.db);
    const conversations: string[] = [];
    for (let i = 0; i < 3; i++) conversations.push(await insertQueuedConversation(opened.db, fixture));
    const [noors] = conversations as [string];
    const noor = await opened.db
      .selectFrom('conversations')
      .select('visitor_id')
      .where('id', '=', noors)
      .executeTakeFirstOrThrow();
    await opened.db
      .updateTable('visitors')
      .set({ name: 'Noor Haddad' })
      .where('id', '=', noor.visitor_id)
      .execute();
    for (const body of ['My parcel never arrived', 'The parcel is late again', 'Thanks!']) {
      await appendMessage(opened.db, visitorMessage(noors, randomUUID(), body));
    }
    // The background worker indexes them within a round or a few.
    while ((await unindexedMessages(opened.search)) > 0)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    await opened.db
      .insertInto('agent_status_log')
      .values({ user_id: fixture.alice.id, status: 'online', reason: 'manual', at: hourAgo })
      .execute();
    admin = adminPrincipal(fixture);
    thread = new ReadThread(file, Date.now, { error: (...args: unknown[]) => errors.push(args) });
  });

  afterAll(async () => {
    await thread?.close();
    await opened?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers what the server's thread would, for every grouping, the drill-down and the exports", async () => {
    // One clock for both, so that the open status interval ends at the same instant.
    const now = Date.now();
    const here = new ReportService(opened.db, () => now);
    const there = new ReadThread(file, () => now, { error: (...args: unknown[]) => errors.push(args) });
    try {
      for (const groupBy of ['day', 'team', 'agent'] as const) {
        const report = await there.report(admin, query(groupBy));
        expect(report).toEqual(await here.report(admin, query(groupBy)));
        expect(report.total.conversations).toBe(3);
      }
      expect(report0(await there.report(admin, query('agent')))).toBeGreaterThan(0);
      const drill = { ...query('day'), key: 'total', filter: 'all' as const };
      expect(await there.conversations(admin, drill, 2)).toEqual(await here.conversations(admin, drill, 2));
      // The exports are made there too, and cross as text.
      const csv = await there.reportCsv(admin, query('agent'));
      expect(csv).toBe(await here.reportCsv(admin, query('agent')));
      expect(csv.split('\r\n').some((line) => line.includes(',Alice,'))).toBe(true);
      const drillCsv = await there.conversationsCsv(admin, drill);
      expect(drillCsv).toBe(await here.conversationsCsv(admin, drill));
      expect(drillCsv.trim().split('\r\n')).toHaveLength(1 + 3);
    } finally {
      await there.close();
    }
    expect(errors).toEqual([]);
  });

  const ask = (text: string, period: SearchPeriod = {}) => ({ text, period, limit: 10, offset: 0 });

  it("searches as the server's thread would: message text, and visitors by name", async () => {
    const here = new SearchService(opened.db, opened.search);
    const found = await thread.search(admin, ask('parcel'));
    expect(found.hits.map((hit) => hit.snippet).sort()).toEqual([
      'My parcel never arrived',
      'The parcel is late again',
    ]);
    expect(found).toEqual(await here.search(admin, ask('parcel')));
    const byName = await thread.search(admin, ask('hadd'));
    expect(byName.conversations).toMatchObject([{ visitorName: 'Noor Haddad' }]);
    expect(byName).toEqual(await here.search(admin, ask('hadd')));
    // Within the caller's scope there too: Bella's team has none of these chats.
    const bella = { ...admin, userId: fixture.bella.id, role: 'agent' as const, teamIds: [fixture.teamB] };
    expect((await thread.search(bella, ask('parcel'))).hits).toEqual([]);
    // And within the period asked for: these chats are from today.
    const before = { to: '2020-01-01T00:00:00.000Z' };
    expect((await thread.search(admin, ask('parcel', before))).hits).toEqual([]);
    expect((await thread.search(admin, ask('hadd', before))).conversations).toEqual([]);
  });

  it('reads what the server committed just before it was asked', async () => {
    const before = (await thread.report(admin, query('day'))).total.conversations;
    await insertQueuedConversation(opened.db, fixture);
    expect((await thread.report(admin, query('day'))).total.conversations).toBe(before + 1);
  });

  it('refuses as the service does, with the same code', async () => {
    const refusal = await thread
      .report(admin, { ...query('day'), teamId: '00000000-0000-4000-8000-000000000000' })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'not-found', message: 'No such team.' });
  });

  it('fails what it had in hand with `unavailable` when the thread ends, and starts again for the next', async () => {
    const inHand = thread.report(admin, query('agent')).then(
      () => null,
      (error: unknown) => error,
    );
    await thread.close();
    expect(await inHand).toMatchObject({ code: 'unavailable' });
    expect((await thread.report(admin, query('agent'))).total.conversations).toBeGreaterThan(0);
  });

  it("reads on a connection SQLite lets only read: the thread's cannot write, nor its index", async () => {
    const reader = openReader(file, { searchIndex: searchIndexFile(file) });
    try {
      for (const table of ['conversations', 'search.messages_fts']) {
        await expect(sql`DELETE FROM ${sql.raw(table)}`.execute(reader.db)).rejects.toMatchObject({
          code: 'SQLITE_READONLY',
        });
      }
    } finally {
      await reader.close();
    }
    expect(await opened.db.selectFrom('conversations').select('id').execute()).toHaveLength(4);
    expect(
      (await new SearchService(opened.db, opened.search).search(admin, ask('parcel'))).hits,
    ).toHaveLength(2);
  });
});

/** Alice's seconds online in a per-agent report: her open interval reached the thread. */
function report0(report: Awaited<ReturnType<ReadThread['report']>>): number {
  return report.rows.find((row) => row.label === 'Alice')?.presenceSeconds.online ?? 0;
}
