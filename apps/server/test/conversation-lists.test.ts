import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConversationFilter,
  conversationListQuery,
  listConversations,
  type StaffScope,
} from '../src/store/conversations.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { type OpenedDb, openSqlite, rawSqlite } from '../src/store/open-sqlite.js';
import { type Fixture, insertQueuedConversation, seedFixture } from './support/fixture.js';

/**
 * The conversation lists run on the server's one thread, where every chat waits, and a workbench
 * asks for them on every reconnect: each walks an index in the list's order and stops at the
 * page's end, never reading a team's whole history (1.5 s at 200,000 conversations before).
 */
describe('conversation lists', () => {
  let dir: string;
  let opened: OpenedDb;
  let fixture: Fixture;
  let alice: StaffScope;
  const ids: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'switchboard-lists-'));
    opened = openSqlite(path.join(dir, 'store.db'), 'normal');
    await migrateToLatest(opened.db);
    fixture = await seedFixture(opened.db);
    alice = { kind: 'teams', userId: fixture.alice.id, teamIds: [fixture.teamA] };
    // Oldest first: team A's, one of them Alice's; one of team B's that is Alice's; one of team
    // B's that is not.
    for (let i = 0; i < 5; i++) {
      const id = await insertQueuedConversation(opened.db, fixture);
      const teamB = i >= 3;
      const hers = i === 1 || i === 3;
      await opened.db
        .updateTable('conversations')
        .set({
          team_id: teamB ? fixture.teamB : fixture.teamA,
          assignee_id: hers ? fixture.alice.id : null,
          status: hers ? 'assigned' : 'queued',
          created_at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
        })
        .where('id', '=', id)
        .execute();
      ids.push(id);
    }
  });
  afterAll(async () => {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lists a team's chats and the agent's own, each once, newest first, page after page", async () => {
    const seen: string[] = [];
    let after: [string, string] | undefined;
    for (let page = 0; page < 5; page++) {
      const items = await listConversations(opened.db, alice, { limit: 2, after });
      seen.push(...items.map((c) => c.id));
      const last = items.at(-1);
      if (items.length < 2 || !last) break;
      after = [last.createdAt, last.id];
    }
    // Team B's chat that is not hers is not hers to see; the one of team A she has comes once.
    expect(seen).toEqual([ids[3], ids[2], ids[1], ids[0]]);
    expect(await listConversations(opened.db, alice, { limit: 10, status: 'assigned' })).toMatchObject([
      { id: ids[3] },
      { id: ids[1] },
    ]);
    expect(
      (await listConversations(opened.db, { kind: 'all' }, { limit: 10, status: 'queued' })).map((c) => c.id),
    ).toEqual([ids[4], ids[2], ids[0]]);
  });

  it.each<[string, () => StaffScope, ConversationFilter, string[]]>([
    [
      "an agent's queue",
      () => alice,
      { limit: 100, status: 'queued' },
      ['conversations_team_status', 'conversations_assignee_status'],
    ],
    [
      "an agent's own open chats",
      () => alice,
      { limit: 100, status: 'assigned', assignee: { kind: 'user', id: 'x' } },
      ['conversations_assignee_status'],
    ],
    [
      'everything an agent may see',
      () => alice,
      { limit: 100 },
      ['conversations_team_created', 'conversations_assignee_created'],
    ],
    [
      "an admin's queue",
      () => ({ kind: 'all' }),
      { limit: 100, status: 'queued' },
      ['conversations_status_created'],
    ],
    [
      "an admin's list of a team",
      () => ({ kind: 'all' }),
      { limit: 100, teamId: 'team' },
      ['conversations_team_created'],
    ],
  ])('%s walks its index in order', (_, scope, filter, indexes) => {
    const query = conversationListQuery(opened.db, scope(), filter).compile();
    const sqlite = rawSqlite(opened.db);
    if (!sqlite) throw new Error('not SQLite');
    const plan = (
      sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as Array<{ detail: string }>
    ).map((step) => step.detail);
    expect(plan).toEqual(
      expect.arrayContaining(indexes.map((index) => expect.stringContaining(`INDEX ${index} (`))),
    );
    // Never the conversations table itself, row by row.
    expect(plan.filter((step) => /^SCAN c\b/.test(step) && !step.includes('INDEX'))).toEqual([]);
  });
});
