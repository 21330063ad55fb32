import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMessage } from '../src/store/messages.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { type OpenedDb, openSqlite } from '../src/store/open-sqlite.js';
import { searchMessages, unindexedMessages } from '../src/store/search.js';
import { type Fixture, insertQueuedConversation, seedFixture, visitorMessage } from './support/fixture.js';

/**
 * A message search ranks the newest 1,000 matches the caller may read, not every match in the
 * history (real SQLite files, the background worker indexing them).
 */
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

  it("counts only what the caller may read: team B's agent finds the match in their team's chat", async () => {
    const bella = { kind: 'teams' as const, userId: fixture.bella.id, teamIds: [fixture.teamB] };
    expect(await searchMessages(opened.search, bella, 'parcel', 5)).toMatchObject([
      { conversationId: teamB, seq: 1, snippet: 'parcel parcel parcel zeppelin' },
    ]);
  });
});
