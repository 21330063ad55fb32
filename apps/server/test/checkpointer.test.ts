import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendMessage } from '../src/store/messages.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { openSqlite } from '../src/store/open-sqlite.js';
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
    } finally {
      await opened.close();
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
