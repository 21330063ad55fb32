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

// Turns at the write lock, shared with the server's thread (src/store/write-turns.ts): 0 free,
// 1 while this worker writes, 2 while the server does. The server awaits this worker's release
// without blocking its event loop, instead of sleeping in SQLite's busy handler; this worker waits
// for the server's on its own thread. A RESTART checkpoint, which needs the writers held back,
// gets its turn between two of the server's commits even when they never pause.
const FREE = 0;
const WORKER_WRITES = 1;
const turns = workerData.writeTurns;
function inWorkersTurn(write) {
  for (;;) {
    const seen = Atomics.compareExchange(turns, 0, FREE, WORKER_WRITES);
    if (seen === FREE) break;
    Atomics.wait(turns, 0, seen, 100);
  }
  try {
    return write();
  } finally {
    Atomics.store(turns, 0, FREE);
    Atomics.notify(turns, 0);
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
      inWorkersTurn(() => db.pragma('wal_checkpoint(RESTART)'));
  } catch {
    // Busy or closing: a later call tries again.
  }
}

// ---- full-text index --------------------------------------------------------------------------

// Messages are append-only: everything after the last indexed id is new. Each slice is a short
// transaction in this worker's turn, because the server's appends wait for it; between slices
// the worker pauses, so that back-to-back slices do not keep the server's commits out for the
// whole round. A slice reads before it writes (a deferred transaction), so a server write that
// takes no turn and lands in between makes it fail at once instead of waiting for the lock.
// Under a steady stream of messages the index therefore lags a little and catches up as soon as
// the stream slows.
// Prepared on first use: the server starts this worker before it migrates the database.
const SLICE = 20;
const PAUSE_BETWEEN_SLICES_MS = 3;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let indexSlice;
function prepareIndexing() {
  // No automatic segment merges inside an insert (they can take long); bounded merges below.
  inWorkersTurn(() =>
    db.prepare("INSERT INTO messages_fts(messages_fts, rank) VALUES ('automerge', 0)").run(),
  );
  const through = db.prepare("SELECT value FROM settings WHERE key = 'fts_indexed_through'").pluck();
  const upTo = db.prepare('SELECT id FROM messages WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?').pluck();
  const last = db.prepare('SELECT max(id) FROM messages WHERE id > ?').pluck();
  const index = db.prepare(
    'INSERT INTO messages_fts(rowid, body) SELECT id, body FROM messages WHERE id > ? AND id <= ?',
  );
  const mark = db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('fts_indexed_through', ?)");
  const slice = db.transaction(() => {
    const from = Number(through.get() ?? 0);
    const to = upTo.get(from, SLICE - 1) ?? last.get(from);
    if (to === null || to === undefined) return false;
    index.run(from, to);
    mark.run(String(to));
    return true;
  });
  return () => inWorkersTurn(slice);
}

async function indexNewMessages() {
  indexSlice ??= prepareIndexing();
  // A backlog takes many slices: the checkpoints keep their pace in between.
  for (let slices = 0; slices < 200 && indexSlice(); slices++) {
    checkpointIfDue();
    await pause(PAUSE_BETWEEN_SLICES_MS);
  }
  // A little merge work per round keeps the index compact without long lock holds.
  inWorkersTurn(() => db.prepare("INSERT INTO messages_fts(messages_fts, rank) VALUES ('merge', 16)").run());
}

// ---- rounds -----------------------------------------------------------------------------------

let running = null;
async function indexAndCheckpoint() {
  try {
    await indexNewMessages();
  } catch {
    // Busy (a server write that takes no turn came between a slice's read and its write), closing, or not migrated
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
