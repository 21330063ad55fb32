import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/store/migrate.js';
import { openSqlite } from '../src/store/open-sqlite.js';

describe('closing an opened database', () => {
  it.each([
    { worker: false, label: 'without' },
    { worker: true, label: 'with' },
  ])('leaves one self-contained file, $label the background worker', async ({ worker }) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-close-'));
    try {
      const file = path.join(dir, 'db.sqlite');
      // Its search reader is never queried: a connection left open would keep the WAL beside it.
      const opened = openSqlite(file, 'normal', { checkpointInBackground: worker });
      await migrateToLatest(opened.db);
      await opened.db.insertInto('settings').values({ key: 'written', value: 'before close' }).execute();
      await opened.close();

      expect(existsSync(`${file}-wal`)).toBe(false);
      const copy = path.join(dir, 'copy.sqlite');
      copyFileSync(file, copy);
      const reader = new BetterSqlite3(copy, { readonly: true });
      try {
        expect(reader.prepare("SELECT value FROM settings WHERE key = 'written'").pluck().get()).toBe(
          'before close',
        );
      } finally {
        reader.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
