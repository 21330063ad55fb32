// Runs SQLite WAL checkpoints and full-text indexing on its own connection and thread, so the
// server's event loop never stalls on them (an automatic checkpoint inside a COMMIT costs tens of
// milliseconds; indexing was half of what a message insert wrote).
// Plain CommonJS: the same file serves the TypeScript sources and the built server.
const { statSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
// The index slices need no fsync of their own (SQLite's default here would sync every slice):
// the index can be rebuilt from the messages, and the server's commits sync as configured.
db.pragma('synchronous = NORMAL');

// A checkpoint syncs the WAL and the database file: once the WAL has grown, or every few seconds,
// rather than on every round.
const CHECKPOINT_WAL_BYTES = 4 * 1024 * 1024;
const CHECKPOINT_EVERY_MS = 2000;
let lastCheckpoint = 0;
function walBytes() {
  try {
    return statSync(`${workerData.file}-wal`).size;
  } catch {
    return 0;
  }
}

// Messages are append-only: everything after the last indexed id is new. Each slice is a short
// transaction, because while it holds SQLite's write lock the server's own writes wait; and
// between slices the worker pauses: a server write that found the lock taken sleeps a
// millisecond or more before trying again (SQLite's busy handler), and back-to-back slices
// would keep it out for the whole round.
// Prepared on first use: the server starts this worker before it migrates the database.
const SLICE = 20;
const PAUSE_BETWEEN_SLICES_MS = 3;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let indexSlice;
async function indexNewMessages() {
  if (!indexSlice) {
    // No automatic segment merges inside an insert (they can take long); bounded merges below.
    db.prepare("INSERT INTO messages_fts(messages_fts, rank) VALUES ('automerge', 0)").run();
    const through = db.prepare("SELECT value FROM settings WHERE key = 'fts_indexed_through'").pluck();
    const upTo = db.prepare('SELECT id FROM messages WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?').pluck();
    const last = db.prepare('SELECT max(id) FROM messages WHERE id > ?').pluck();
    const index = db.prepare(
      'INSERT INTO messages_fts(rowid, body) SELECT id, body FROM messages WHERE id > ? AND id <= ?',
    );
    const mark = db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('fts_indexed_through', ?)");
    indexSlice = db.transaction(() => {
      const from = Number(through.get() ?? 0);
      const to = upTo.get(from, SLICE - 1) ?? last.get(from);
      if (to === null || to === undefined) return false;
      index.run(from, to);
      mark.run(String(to));
      return true;
    });
  }
  for (let slices = 0; slices < 200 && indexSlice(); slices++) await pause(PAUSE_BETWEEN_SLICES_MS);
  // A little merge work per round keeps the index compact without long lock holds.
  db.prepare("INSERT INTO messages_fts(messages_fts, rank) VALUES ('merge', 16)").run();
}

let running = null;
async function indexAndCheckpoint() {
  try {
    await indexNewMessages();
    const now = Date.now();
    if (walBytes() >= CHECKPOINT_WAL_BYTES || now - lastCheckpoint >= CHECKPOINT_EVERY_MS) {
      lastCheckpoint = now;
      db.pragma('wal_checkpoint(PASSIVE)');
    }
  } catch {
    // Busy, closing, or not migrated yet: the next round catches up.
  }
}
/** One round at a time: a long one (a backlog) is not overlapped by the next tick. */
function round() {
  running ??= indexAndCheckpoint().finally(() => {
    running = null;
  });
  return running;
}

const timer = setInterval(round, workerData.intervalMs);

parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  void (running ?? Promise.resolve()).then(round).finally(() => {
    db.close();
    parentPort.postMessage('stopped');
  });
});
