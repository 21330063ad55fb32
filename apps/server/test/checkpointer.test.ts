import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/store/migrate.js';
import { openSqlite } from '../src/store/open-sqlite.js';

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
});
