import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchService } from '../src/domain/search-service.js';
import { appendMessage } from '../src/store/messages.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { type OpenedDb, openSqlite } from '../src/store/open-sqlite.js';
import { searchMessages, unindexedMessages } from '../src/store/search.js';
import {
  adminPrincipal,
  type Fixture,
  insertQueuedConversation,
  seedFixture,
  visitorMessage,
} from './support/fixture.js';

/**
 * A message search ranks the newest 1,000 matches the caller may read, not every match in the
 * history (real SQLite files, the background worker indexing them).
 */
const LAST_YEAR = '2025-11-20T09:30:00.000Z';

describe('which messages a search ranks', () => {
  let dir: string;
  let opened: OpenedDb;
  let fixture: Fixture;
  let teamA: string;
  let teamB: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'switchboard-search-window-'));
    opened = openSqlite(path.join(dir, 'test.db'), 'normal', { checkpointInBackground: true });
    await migrateToLatest(opened.db);
    fixture = await seedFixture(opened.db);
    teamA = await insertQueuedConversation(opened.db, fixture);
    teamB = await insertQueuedConversation(opened.db, fixture);
    await opened.db
      .updateTable('conversations')
      .set({ team_id: fixture.teamB })
      .where('id', '=', teamB)
      .execute();
    const say = (conversationId: string, body: string) =>
      appendMessage(opened.db, visitorMessage(conversationId, randomUUID(), body));
    // The best match of all comes first, in team B's chat; then 1,000 weaker ones in team A's.
    await say(teamB, 'parcel parcel parcel zeppelin');
    for (let i = 0; i < 1_000; i++)
      await say(teamA, `my parcel number ${i} has not arrived yet, where is it`);
    // Teams B's chat is from last year.
    await opened.db
      .updateTable('messages')
      .set({ created_at: LAST_YEAR })
      .where('conversation_id', '=', teamB)
      .execute();
    // The background worker indexes them within a round or a few.
    while ((await unindexedMessages(opened.search)) > 0)
      await new Promise((resolve) => setTimeout(resolve, 50));
  }, 60_000);

  afterAll(async () => {
    await opened?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ranks the newest 1,000 matches: an older one, however good a match, is past them', async () => {
    const hits = await searchMessages(opened.search, { kind: 'all' }, 'parcel', 5);
    expect(hits).toHaveLength(5);
    expect(hits.every((hit) => hit.conversationId === teamA)).toBe(true);
    // The window is counted in matches of the search, not in messages.
    expect(await searchMessages(opened.search, { kind: 'all' }, 'parcel zeppelin', 5)).toMatchObject([
      { conversationId: teamB, seq: 1 },
    ]);
  });

  it('pages through the ranked matches: each page goes on where the last ended, up to the 1,000th', async () => {
    const all = { kind: 'all' } as const;
    const key = (hit: { conversationId: string; seq: number }) => `${hit.conversationId}:${hit.seq}`;
    const first = await searchMessages(opened.search, all, 'parcel arrived', 30);
    const second = await searchMessages(opened.search, all, 'parcel arrived', 30, {}, 30);
    expect([...first, ...second].map(key)).toEqual(
      (await searchMessages(opened.search, all, 'parcel arrived', 60)).map(key),
    );
    expect(new Set([...first, ...second].map(key)).size).toBe(60);

    const admin = adminPrincipal(fixture);
    const service = new SearchService(opened.db, opened.search);
    const page = (offset: number) =>
      service.search(admin, { text: 'parcel arrived', period: {}, limit: 30, offset });
    expect(await page(0)).toMatchObject({ more: true });
    // 1,000 matches (team A's): the page holding the last of them says no more follow.
    const next = await page(960);
    expect(next.hits).toHaveLength(30);
    expect(next.more).toBe(true);
    const last = await page(970);
    expect(last.hits).toHaveLength(30);
    expect(last.more).toBe(false);
  });

  it("counts only what the caller may read: team B's agent finds the match in their team's chat", async () => {
    const bella = { kind: 'teams' as const, userId: fixture.bella.id, teamIds: [fixture.teamB] };
    expect(await searchMessages(opened.search, bella, 'parcel', 5)).toMatchObject([
      { conversationId: teamB, seq: 1, snippet: 'parcel parcel parcel zeppelin' },
    ]);
  });

  it('reaches an older match within a period: the newest 1,000 are counted in it', async () => {
    const lastYear = { from: '2025-11-01T00:00:00.000Z', to: '2025-12-01T00:00:00.000Z' };
    expect(await searchMessages(opened.search, { kind: 'all' }, 'parcel', 5, lastYear)).toMatchObject([
      { conversationId: teamB, seq: 1, createdAt: LAST_YEAR },
    ]);
    const bella = { kind: 'teams' as const, userId: fixture.bella.id, teamIds: [fixture.teamB] };
    expect(await searchMessages(opened.search, bella, 'parcel', 5, { to: lastYear.to })).toHaveLength(1);
    // `from` inclusive, `to` exclusive, to the millisecond.
    expect(
      await searchMessages(opened.search, { kind: 'all' }, 'zeppelin', 5, { from: LAST_YEAR }),
    ).toHaveLength(1);
    expect(await searchMessages(opened.search, { kind: 'all' }, 'zeppelin', 5, { to: LAST_YEAR })).toEqual(
      [],
    );
    expect(
      await searchMessages(opened.search, { kind: 'all' }, 'zeppelin', 5, {
        from: '2025-11-20T09:30:00.001Z',
      }),
    ).toEqual([]);
  });

  it('bounds a period exactly within this year too: only the messages written in it', async () => {
    const times = await opened.db
      .selectFrom('messages')
      .select('created_at')
      .where('conversation_id', '=', teamA)
      .orderBy('id')
      .execute();
    const from = times[400]?.created_at ?? '';
    const to = times[600]?.created_at ?? '';
    const inPeriod = times.filter((t) => t.created_at >= from && t.created_at < to).length;
    const hits = await searchMessages(opened.search, { kind: 'all' }, 'parcel', 50, { from, to });
    expect(hits).toHaveLength(Math.min(50, inPeriod));
    expect(hits.every((hit) => hit.createdAt >= from && hit.createdAt < to)).toBe(true);
    // Nothing after the newest message, nothing before the oldest.
    expect(
      await searchMessages(opened.search, { kind: 'all' }, 'parcel', 5, { from: '2099-01-01T00:00:00.000Z' }),
    ).toEqual([]);
    expect(
      await searchMessages(opened.search, { kind: 'all' }, 'parcel', 5, { to: '2000-01-01T00:00:00.000Z' }),
    ).toEqual([]);
  });
});
