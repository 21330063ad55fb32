// Runs SQLite WAL checkpoints and full-text indexing on its own connection and thread, so the
// server's event loop never stalls on them (an automatic checkpoint inside a COMMIT costs tens of
// milliseconds; indexing was half of what a message insert wrote). The index is a file of its
// own (src/store/search-index.ts), attached here as `search`: indexing reads the database and
// writes only the index, so it never holds the database's write lock against the server.
// Plain CommonJS: the same file serves the TypeScript sources and the built server.
const { statSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

const db = new Database(workerData.file);
const BUSY_TIMEOUT_MS = 1000;
db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
db.prepare('ATTACH DATABASE ? AS search').run(workerData.indexFile);
// The index needs no fsync per slice: it can be rebuilt from the messages.
db.pragma('search.synchronous = NORMAL');
// An erased message's text is overwritten in the index file's pages, not left in free space.
db.pragma('search.secure_delete = ON');

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

// The commit that writes a log's first frame also writes its header and syncs the WAL file
// (SQLite does so at any `synchronous` but OFF, against out-of-order writes after a restart).
// That sync, a disk flush, would block the server's event loop for milliseconds; so the worker
// writes the first frame itself, in the same turn as the RESTART: one page-1 frame that sets the
// database's application id (the same value each time: the bytes `SWBD`).
const APPLICATION_ID = 0x53574244;
function restartLog() {
  const [restart] = db.pragma('main.wal_checkpoint(RESTART)');
  if (restart && restart.busy === 0) db.pragma(`main.application_id = ${APPLICATION_ID}`);
}

// Turns at the database's write lock, shared with the server's thread (src/store/write-turns.ts):
// 0 free, 1 while this worker restarts the WAL, 2 while the server commits. The server awaits
// this worker's release without blocking its event loop, instead of sleeping in SQLite's busy
// handler; this worker waits for the server's on its own thread. So a RESTART checkpoint, which
// needs the writers held back, gets its turn between two of the server's commits even when they
// never pause.
const FREE = 0;
const WORKER_WRITES = 1;
const turns = workerData.writeTurns;
//
// In its turn the worker never waits for a reader still on an older snapshot (a report reading for
// a second on its own thread, an operator's shell): SQLite's busy handler would hold the server's
// writes back for as long as it waited. The checkpoint says busy instead, and a later round tries
// again.
function inWorkersTurn(write) {
  for (;;) {
    const seen = Atomics.compareExchange(turns, 0, FREE, WORKER_WRITES);
    if (seen === FREE) break;
    Atomics.wait(turns, 0, seen, 100);
  }
  db.pragma('busy_timeout = 0');
  try {
    return write();
  } finally {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
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
    const [passive] = db.pragma('main.wal_checkpoint(PASSIVE)');
    if (passive && passive.log >= RESTART_AFTER_FRAMES) inWorkersTurn(restartLog);
  } catch {
    // Busy or closing: a later call tries again.
  }
}

// ---- full-text index --------------------------------------------------------------------------

// Messages are append-only: everything after the last indexed id is new. Slices are short
// transactions with a pause between them only to share the CPU with the server; they hold no
// lock the server needs. A round indexes what is there: it takes another slice only after a full
// one (a backlog), so a steady stream is indexed once a round (up to a round behind) instead of a
// few messages at a time every pause, which woke this thread hundreds of times a second beside
// the server's.
// Prepared on first use: the server starts this worker before it migrates the database.
const SLICE = 200;
const PAUSE_BETWEEN_SLICES_MS = 3;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let indexSlice;
/** Deletes up to SLICE erased messages' entries; true when it took a full slice. */
let unindexErased;
function prepareIndexing() {
  const through = db.prepare("SELECT value FROM search.index_state WHERE key = 'indexed_through'").pluck();
  // The highest id ever given (AUTOINCREMENT's mark): the newest messages may have been erased.
  const newest = db
    .prepare(
      "SELECT max(coalesce((SELECT seq FROM main.sqlite_sequence WHERE name = 'messages'), 0), coalesce((SELECT max(id) FROM main.messages), 0))",
    )
    .pluck();
  const upTo = db.prepare('SELECT id FROM main.messages WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?').pluck();
  const last = db.prepare('SELECT max(id) FROM main.messages WHERE id > ?').pluck();
  const index = db.prepare(
    'INSERT INTO search.messages_fts(rowid, body) SELECT id, body FROM main.messages WHERE id > ? AND id <= ?',
  );
  const mark = db.prepare(
    "INSERT OR REPLACE INTO search.index_state (key, value) VALUES ('indexed_through', ?)",
  );
  // An index ahead of the messages belongs to another copy of the database (a restored
  // backup): it starts again from the first message.
  db.transaction(() => {
    if ((through.get() ?? 0) <= newest.get()) return;
    db.prepare('DELETE FROM search.messages_fts').run();
    mark.run(0);
    // Rebuilt from the messages there are: nothing erased is in it.
    db.prepare(
      "INSERT OR REPLACE INTO search.index_state (key, value) VALUES ('erased_through', (SELECT coalesce(max(seq), 0) FROM main.erased_messages))",
    ).run();
  })();
  // An erased message's entry is deleted from the index for good, its words too (FTS5's
  // secure-delete: no trace left in the index's pages).
  db.prepare("INSERT INTO search.messages_fts(messages_fts, rank) VALUES ('secure-delete', 1)").run();
  const erasedThrough = db
    .prepare("SELECT value FROM search.index_state WHERE key = 'erased_through'")
    .pluck();
  const erased = db.prepare(
    'SELECT seq, message_id FROM main.erased_messages WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const unindex = db.prepare('DELETE FROM search.messages_fts WHERE rowid = ?');
  const markErased = db.prepare(
    "INSERT OR REPLACE INTO search.index_state (key, value) VALUES ('erased_through', ?)",
  );
  unindexErased = db.transaction(() => {
    const rows = erased.all(erasedThrough.get() ?? 0, SLICE);
    for (const row of rows) unindex.run(row.message_id);
    if (rows.length > 0) markErased.run(rows[rows.length - 1].seq);
    return rows.length === SLICE;
  });
  /** Indexes up to SLICE new messages; true when it took a full slice (more may be waiting). */
  return db.transaction(() => {
    const from = through.get() ?? 0;
    const fullSliceEnd = upTo.get(from, SLICE - 1);
    const to = fullSliceEnd ?? last.get(from);
    if (to === null || to === undefined) return false;
    index.run(from, to);
    mark.run(to);
    return fullSliceEnd !== undefined;
  });
}

async function indexNewMessages() {
  indexSlice ??= prepareIndexing();
  for (let slices = 0; slices < 200 && unindexErased(); slices++) {
    checkpointIfDue();
    await pause(PAUSE_BETWEEN_SLICES_MS);
  }
  // A backlog takes many slices: the checkpoints keep their pace in between.
  for (let slices = 0; slices < 200 && indexSlice(); slices++) {
    checkpointIfDue();
    await pause(PAUSE_BETWEEN_SLICES_MS);
  }
}

// ---- after an erasure -------------------------------------------------------------------------

// The server says when it has erased something. Both logs still hold page images from before
// (the erased rows as they were) until they wrap round, which on a quiet server can take long:
// once the index has dropped the erased messages, both are checkpointed and emptied. The
// database's needs the writers held back (the worker's turn), like a restart.
let erasedPending = false;
function forgetOldFrames() {
  try {
    db.pragma('search.wal_checkpoint(TRUNCATE)');
    const done = inWorkersTurn(() => {
      const [truncate] = db.pragma('main.wal_checkpoint(TRUNCATE)');
      if (truncate?.busy !== 0) return false;
      db.pragma(`main.application_id = ${APPLICATION_ID}`);
      return true;
    });
    if (done) erasedPending = false;
  } catch {
    // Busy or closing: the next round tries again.
  }
}

// ---- rounds -----------------------------------------------------------------------------------

let running = null;
async function indexAndCheckpoint() {
  const afterErasure = erasedPending;
  try {
    await indexNewMessages();
  } catch {
    // Closing, or not migrated yet: the index catches up in a later round. The checkpoint still
    // runs.
  }
  if (afterErasure) forgetOldFrames();
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
  if (message === 'erased') erasedPending = true;
  if (message !== 'stop') return;
  clearInterval(timer);
  void (running ?? Promise.resolve()).then(round).finally(() => {
    db.close();
    parentPort.postMessage('stopped');
  });
});
