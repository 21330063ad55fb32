/**
 * What the retention period costs the server's thread per batch (each a transaction holding the
 * write lock the chats' messages commit through): deleting the 50 oldest expired conversations,
 * with their messages, events and files (a file on every fourth), from a store with a year of
 * history (200,000 chats, a million messages), against the same batches from a store holding a
 * week (the baseline: what a batch's own rows cost). Not a test: `npm run bench` runs it
 * (BENCH_QUICK=1: a smaller store, fewer batches). Medians over batches, alternating the stores.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { eraseExpired } from '../../src/store/erasures.js';
import { type OpenedDb, openSqlite, rawSqlite } from '../../src/store/open-sqlite.js';
import { HISTORY, QUICK, seedHistory } from '../reports/seed-history.js';
import { seedMessages } from '../search/seed-messages.js';
import { median } from '../stats.js';

const RESULTS_FILE = fileURLToPath(new URL('../../bench-results/retention.json', import.meta.url));
const BATCHES = QUICK ? 6 : 20;
const BATCH = 50;

/** A file on every fourth conversation, carried by a message of its own, as an upload leaves it. */
function seedFiles(opened: OpenedDb): void {
  const sqlite = rawSqlite(opened.db);
  if (!sqlite) throw new Error('the retention benchmark needs SQLite');
  const conversations = sqlite
    .prepare('SELECT id, created_at, last_seq FROM conversations ORDER BY created_at')
    .all() as Array<{ id: string; created_at: string; last_seq: number }>;
  const file = sqlite.prepare(
    `INSERT INTO attachments (id, conversation_id, uploader_kind, uploader_id, file_name, mime_type, size,
       storage_name, created_at)
     VALUES (?, ?, 'visitor', 'visitor', 'photo.png', 'image/png', 1024, ?, ?)`,
  );
  const message = sqlite.prepare(
    `INSERT INTO messages (conversation_id, seq, client_msg_id, sender_kind, body, visibility, attachment_id,
       created_at)
     VALUES (?, ?, ?, 'visitor', '', 'all', ?, ?)`,
  );
  sqlite.transaction(() => {
    conversations.forEach((c, i) => {
      if (i % 4 !== 0) return;
      const id = randomUUID();
      file.run(id, c.id, `${id}.png`, c.created_at);
      message.run(c.id, 1_000, randomUUID(), id, c.created_at);
    });
  })();
}

async function seed(file: string, days: number): Promise<void> {
  await seedHistory(file, HISTORY.end, days, HISTORY.perDay);
  await seedMessages(file, 5);
  const opened = openSqlite(file, 'normal');
  try {
    seedFiles(opened);
  } finally {
    await opened.close();
  }
}

/** `count` batches from the store, each timed: everything before the last day is expired. */
async function timeBatches(file: string, count: number): Promise<number[]> {
  const opened = openSqlite(file, 'normal');
  try {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const batch = await eraseExpired(opened.db, {
        before: new Date(HISTORY.end - 86_400_000).toISOString(),
        checkedBefore: new Date(HISTORY.end - 86_400_000).toISOString(),
        limit: BATCH,
        at: new Date(HISTORY.end).toISOString(),
      });
      times.push(performance.now() - started);
      if (batch.conversationIds.length < BATCH) throw new Error('the store ran out of expired conversations');
    }
    return times;
  } finally {
    await opened.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-retention-bench-'));
  try {
    const yearFile = path.join(dir, 'year.db');
    const weekFile = path.join(dir, 'week.db');
    process.stderr.write(
      `[bench] seeding ${HISTORY.days} days × ${HISTORY.perDay} chats with messages and files, and one week …\n`,
    );
    await seed(yearFile, HISTORY.days);
    await seed(weekFile, 7);
    const year: number[] = [];
    const week: number[] = [];
    for (let round = 0; round < 2; round++) {
      const order = round % 2 === 0 ? [yearFile, weekFile] : [weekFile, yearFile];
      for (const file of order)
        (file === yearFile ? year : week).push(...(await timeBatches(file, BATCHES / 2)));
    }
    const summary = { batch: BATCH, yearMs: median(year), weekMs: median(week) };
    process.stdout.write(
      [
        `A retention batch of ${BATCH} conversations (their messages, events and files; medians of ${BATCHES}):`,
        `  from a store with a week of history (baseline): ${summary.weekMs.toFixed(1)} ms`,
        `  from a store with ${HISTORY.days} days of history:      ${summary.yearMs.toFixed(1)} ms`,
        `  ratio (history / baseline): ${(summary.yearMs / summary.weekMs).toFixed(2)}`,
        '',
      ].join('\n'),
    );
    mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...summary, year, week }, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
