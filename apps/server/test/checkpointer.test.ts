import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appendMessage, markRead } from '../src/store/messages.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { backgroundWriteTurns, type OpenedDb, openSqlite } from '../src/store/open-sqlite.js';
import { searchIndexFile } from '../src/store/search-index.js';
import { FREE, WORKER_WRITES } from '../src/store/write-turns.js';
import { insertQueuedConversation, seedFixture, visitorMessage } from './support/fixture.js';

describe('background WAL checkpoints', () => {
  it('moves written pages into the database file without the main connection checkpointing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-checkpoint-'));
    const file = path.join(dir, 'db.sqlite');
    const opened = openSqlite(file, 'normal', { checkpointInBackground: true });
    try {
      expect(opened.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      await migrateToLatest(opened.db);
      const before = statSync(file).size;
      const insert = opened.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
      opened.sqlite.transaction(() => {
        for (let i = 0; i < 5_000; i++) insert.run(`key-${i}`, 'x'.repeat(200));
      })();
      // Only the worker can have copied the pages from the WAL into the database file.
      await expect.poll(() => statSync(file).size, { timeout: 5_000 }).toBeGreaterThan(before + 500_000);
    } finally {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts the WAL again from its beginning while appends go on without a pause', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-checkpoint-'));
    const file = path.join(dir, 'db.sqlite');
    // A 256-frame (1 MB) log, so that a short test writes many times more than that.
    const opened = openSqlite(file, 'normal', { checkpointInBackground: true, restartWalAfterFrames: 256 });
    try {
      await migrateToLatest(opened.db);
      const fixture = await seedFixture(opened.db);
      const conversations = await Promise.all(
        Array.from({ length: 20 }, () => insertQueuedConversation(opened.db, fixture)),
      );
      const restartsBefore = walRestarts(file);
      const restarts = () => walRestarts(file) - restartsBefore;
      // Every conversation always has an append waiting, as on a saturated server: a passive
      // checkpoint alone never finds the log wholly copied, so only restarts bound the file. The
      // appends go on until the log has started again twice; the cap only ends a failing run.
      const giveUpAt = performance.now() + 20_000;
      await Promise.all(
        conversations.map(async (conversationId) => {
          while (restarts() < 2 && performance.now() < giveUpAt) {
            await appendMessage(opened.db, visitorMessage(conversationId, randomUUID(), 'x'.repeat(2_000)));
          }
        }),
      );
      // The log's header counts the times it started again (the WAL file format's checkpoint
      // sequence number); each start leaves the file's size where it was.
      expect(restarts()).toBeGreaterThanOrEqual(2);
      // The worker wrote the new log's first frame itself (and with it the header and its sync):
      // one page-1 frame committed alone. A server commit's first frame is one of several.
      await expect.poll(() => firstFrame(file), { timeout: 5_000 }).toEqual({ page: 1, committed: true });
      expect(opened.sqlite.pragma('application_id', { simple: true })).toBe(0x53574244);
    } finally {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("indexes for search while the server holds the database's write lock", async () => {
    await withBackgroundWorker(async (opened) => {
      const fixture = await seedFixture(opened.db);
      const conversationId = await insertQueuedConversation(opened.db, fixture);
      for (let i = 0; i < 30; i++) {
        await appendMessage(opened.db, visitorMessage(conversationId, randomUUID(), `indexed anyway ${i}`));
      }
      const newest = opened.sqlite.prepare('SELECT max(id) FROM messages').pluck().get();
      // The index is a file of its own: the worker needs no lock the server's commits take.
      opened.sqlite.exec('BEGIN IMMEDIATE');
      try {
        await expect.poll(() => indexedThrough(opened), { timeout: 5_000 }).toBe(newest);
      } finally {
        opened.sqlite.exec('ROLLBACK');
      }
    });
  });

  it('indexes a steady stream once a round, not a few messages after every pause', async () => {
    await withBackgroundWorker(async (opened) => {
      const fixture = await seedFixture(opened.db);
      const conversationId = await insertQueuedConversation(opened.db, fixture);
      const marksSeen = new Set<number | undefined>();
      // About a message every few milliseconds for a second: a stream that never stops.
      const until = performance.now() + 1_000;
      while (performance.now() < until) {
        await appendMessage(opened.db, visitorMessage(conversationId, randomUUID(), 'steady stream'));
        marksSeen.add(await indexedThrough(opened));
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      const newest = opened.sqlite.prepare('SELECT max(id) FROM messages').pluck().get();
      await expect.poll(() => indexedThrough(opened), { timeout: 5_000 }).toBe(newest);
      // Rounds start every 200 ms: about six in that second. A worker that went on indexing
      // whatever had arrived after each 3 ms pause moved the mark with nearly every message.
      expect(marksSeen.size).toBeLessThanOrEqual(15);
    });
  });

  it('indexes every message again when the index is ahead of the database (a restored backup)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-checkpoint-'));
    const file = path.join(dir, 'db.sqlite');
    try {
      const opened = openSqlite(file, 'normal');
      await migrateToLatest(opened.db);
      const fixture = await seedFixture(opened.db);
      const conversationId = await insertQueuedConversation(opened.db, fixture);
      await appendMessage(opened.db, visitorMessage(conversationId, randomUUID(), 'restored aardvark'));
      await opened.close();
      // An index built for a copy of the database with more messages than this one.
      const index = new BetterSqlite3(searchIndexFile(file));
      index.prepare("INSERT INTO messages_fts (rowid, body) VALUES (1, 'a message of the other copy')").run();
      index.prepare("INSERT INTO index_state (key, value) VALUES ('indexed_through', 500)").run();
      index.close();

      const reopened = openSqlite(file, 'normal', { checkpointInBackground: true });
      try {
        const newest = reopened.sqlite.prepare('SELECT max(id) FROM messages').pluck().get();
        await expect.poll(() => indexedThrough(reopened), { timeout: 5_000 }).toBe(newest);
        const { rows } = await sql<{ body: string }>`SELECT body FROM search.messages_fts`.execute(
          reopened.search,
        );
        expect(rows.map((row) => row.body)).toEqual(['restored aardvark']);
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("makes an append and Kysely's writes wait for the worker's turn while the event loop goes on", async () => {
    await withBackgroundWorker(async (opened) => {
      const fixture = await seedFixture(opened.db);
      const conversationId = await insertQueuedConversation(opened.db, fixture);
      const turns = backgroundWriteTurns(opened.db);
      if (!turns) throw new Error('no background worker');
      const count = (query: string) => opened.sqlite.prepare(query).pluck().get(conversationId);
      const messages = 'SELECT count(*) FROM messages WHERE conversation_id = ?';
      const marks = 'SELECT count(*) FROM read_marks WHERE conversation_id = ?';
      // This thread stands in for the worker: it holds the worker's turn (the real worker waits).
      expect(Atomics.compareExchange(turns.cell, 0, FREE, WORKER_WRITES)).toBe(FREE);
      const done: string[] = [];
      const append = appendMessage(
        opened.db,
        visitorMessage(conversationId, randomUUID(), 'waits its turn'),
      ).then(() => done.push('append'));
      // A write through Kysely's own connection (not the append's synchronous path).
      const mark = markRead(opened.db, conversationId, fixture.alice.id, 1).then(() =>
        done.push('read mark'),
      );
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 10);
      await new Promise((resolve) => setTimeout(resolve, 300));
      clearInterval(ticker);
      expect(done).toEqual([]);
      expect([count(messages), count(marks)]).toEqual([0, 0]);
      expect(ticks).toBeGreaterThan(5);
      Atomics.store(turns.cell, 0, FREE);
      Atomics.notify(turns.cell, 0);
      await Promise.all([append, mark]);
      expect(done.sort()).toEqual(['append', 'read mark']);
      expect([count(messages), count(marks)]).toEqual([1, 1]);
    });
  });

  it("keeps a process with nothing else to do alive while an append awaits the worker's turn", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-checkpoint-'));
    try {
      const script = fileURLToPath(new URL('./support/append-while-worker-writes.ts', import.meta.url));
      const run = spawnSync(
        process.execPath,
        ['--conditions=source', '--import', 'tsx', script, path.join(dir, 'db.sqlite')],
        { encoding: 'utf8', timeout: 30_000 },
      );
      // Node exits with 13 when the event loop empties under an unsettled top-level await.
      expect({ status: run.status, stdout: run.stdout.trim() }).toEqual({ status: 0, stdout: 'stored 1' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The checkpoint sequence number in the WAL header: a big-endian u32 at byte 12. */
function walRestarts(file: string): number {
  const header = Buffer.alloc(32);
  const fd = openSync(`${file}-wal`, 'r');
  try {
    readSync(fd, header, 0, 32, 0);
  } finally {
    closeSync(fd);
  }
  return header.readUInt32BE(12);
}

/**
 * The WAL's first frame, once it belongs to the current log (its salts match the header's; a
 * header just written may still precede its frame): the page it holds and whether it ends a
 * transaction (a non-zero database size).
 */
function firstFrame(file: string): { page: number; committed: boolean } | 'not yet written' {
  const bytes = Buffer.alloc(32 + 24);
  const fd = openSync(`${file}-wal`, 'r');
  try {
    readSync(fd, bytes, 0, bytes.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!bytes.subarray(16, 24).equals(bytes.subarray(32 + 8, 32 + 16))) return 'not yet written';
  return { page: bytes.readUInt32BE(32), committed: bytes.readUInt32BE(32 + 4) > 0 };
}

/** The search index's mark, read as the server's searches read it. */
async function indexedThrough(opened: OpenedDb): Promise<number | undefined> {
  const { rows } = await sql<{ value: number }>`
    SELECT value FROM search.index_state WHERE key = 'indexed_through'`.execute(opened.search);
  return rows[0]?.value;
}

async function withBackgroundWorker(run: (opened: OpenedDb) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-checkpoint-'));
  const opened = openSqlite(path.join(dir, 'db.sqlite'), 'normal', { checkpointInBackground: true });
  try {
    await migrateToLatest(opened.db);
    await run(opened);
  } finally {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
