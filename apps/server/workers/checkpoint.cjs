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

// ---- checkpoints ------------------------------------------------------------------------------

// A checkpoint syncs the WAL and the database file: every few seconds, or more often once the
// WAL has grown, but not after every slice of indexing.
const CHECKPOINT_WAL_BYTES = 4 * 1024 * 1024;
const CHECKPOINT_EVERY_MS = 2000;
const CHECKPOINT_GROWN_EVERY_MS = 200;
let lastCheckpoint = 0;
function walBytes() {
  try {
    return statSync(`${workerData.file}-wal`).size;
  } catch {
    return 0;
  }
}

// The log starts again from its beginning only when a writer finds it wholly checkpointed. Under
// steady writes a passive checkpoint never quite catches up, so the file would grow for as long
// as the writes go on, and every commit would pay for growing it. Past `restartAfterFrames`
// frames a RESTART checkpoint holds writers back for the frames still left, so that the next
// commit writes from the start of the file again.
const RESTART_AFTER_FRAMES = workerData.restartAfterFrames;

// Shared with the server's thread: 1 while this worker wants SQLite's write lock for a restart.
// The server's appends wait for the 0 (Atomics.waitAsync, so its event loop goes on) instead of
// taking the lock again at once, which would starve the restart under a steady stream of writes.
const restarting = workerData.restarting;
function whileServerWaits(write) {
  Atomics.store(restarting, 0, 1);
  try {
    return write();
  } finally {
    Atomics.store(restarting, 0, 0);
    Atomics.notify(restarting, 0);
  }
}

function checkpointIfDue() {
  const since = Date.now() - lastCheckpoint;
  if (since < CHECKPOINT_GROWN_EVERY_MS) return;
  if (since < CHECKPOINT_EVERY_MS && walBytes() < CHECKPOINT_WAL_BYTES) return;
  lastCheckpoint = Date.now();
  try {
    const [passive] = db.pragma('wal_checkpoint(PASSIVE)');
    if (passive && passive.log >= RESTART_AFTER_FRAMES)
      whileServerWaits(() => db.pragma('wal_checkpoint(RESTART)'));
  } catch {
    // Busy or closing: a later call tries again.
  }
}

// ---- full-text index --------------------------------------------------------------------------

// Messages are append-only: everything after the last indexed id is new. Each slice is a short
// transaction, because while it holds SQLite's write lock the server's own writes wait; and
// between slices the worker pauses: a server write that found the lock taken sleeps a
// millisecond or more before trying again (SQLite's busy handler), and back-to-back slices
// would keep it out for the whole round. A slice reads before it writes (a deferred
// transaction), so it gives way: when a server commit lands in between, it fails at once
// instead of waiting for the lock. Under a steady stream of messages the index therefore lags a
// little and catches up as soon as the stream slows; taking the lock up front was measured to
// cost the server's tail latency more.
// Prepared on first use: the server starts this worker before it migrates the database.
const SLICE = 20;
const PAUSE_BETWEEN_SLICES_MS = 3;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let indexSlice;
function prepareIndexing() {
  // No automatic segment merges inside an insert (they can take long); bounded merges below.
  db.prepare("INSERT INTO messages_fts(messages_fts, rank) VALUES ('automerge', 0)").run();
  const through = db.prepare("SELECT value FROM settings WHERE key = 'fts_indexed_through'").pluck();
  const upTo = db.prepare('SELECT id FROM messages WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?').pluck();
  const last = db.prepare('SELECT max(id) FROM messages WHERE id > ?').pluck();
  const index = db.prepare(
    'INSERT INTO messages_fts(rowid, body) SELECT id, body FROM messages WHERE id > ? AND id <= ?',
  );
  const mark = db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('fts_indexed_through', ?)");
  return db.transaction(() => {
    const from = Number(through.get() ?? 0);
    const to = upTo.get(from, SLICE - 1) ?? last.get(from);
    if (to === null || to === undefined) return false;
    index.run(from, to);
    mark.run(String(to));
    return true;
  });
}

async function indexNewMessages() {
  indexSlice ??= prepareIndexing();
  // A backlog takes many slices: the checkpoints keep their pace in between.
  for (let slices = 0; slices < 200 && indexSlice(); slices++) {
    checkpointIfDue();
    await pause(PAUSE_BETWEEN_SLICES_MS);
  }
  // A little merge work per round keeps the index compact without long lock holds.
  db.prepare("INSERT INTO messages_fts(messages_fts, rank) VALUES ('merge', 16)").run();
}

// ---- rounds -----------------------------------------------------------------------------------

let running = null;
async function indexAndCheckpoint() {
  try {
    await indexNewMessages();
  } catch {
    // Busy (a server commit came between a slice's read and its write), closing, or not migrated
    // yet: the index catches up in a later round. The checkpoint still runs.
  }
  checkpointIfDue();
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
