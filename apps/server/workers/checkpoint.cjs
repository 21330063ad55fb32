// Runs SQLite WAL checkpoints and full-text indexing on its own connection and thread, so the
// server's event loop never stalls on them (an automatic checkpoint inside a COMMIT costs tens of
// milliseconds; indexing was half of what a message insert wrote).
// Plain CommonJS: the same file serves the TypeScript sources and the built server.
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');

// Messages are append-only: everything after the last indexed id is new. Prepared on first use,
// since the server starts this worker before it migrates the database.
let indexNew;
function indexNewMessages() {
  indexNew ??= db.transaction(() => {
    const through = Number(
      db.prepare("SELECT value FROM settings WHERE key = 'fts_indexed_through'").pluck().get() ?? 0,
    );
    const last = db.prepare('SELECT max(id) FROM messages').pluck().get() ?? through;
    if (last <= through) return;
    db.prepare(
      'INSERT INTO messages_fts(rowid, body) SELECT id, body FROM messages WHERE id > ? AND id <= ?',
    ).run(through, last);
    db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('fts_indexed_through', ?)").run(
      String(last),
    );
  });
  indexNew();
}

function round() {
  try {
    indexNewMessages();
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy, closing, or not migrated yet: the next round catches up.
  }
}

const timer = setInterval(round, workerData.intervalMs);

parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  try {
    round();
  } finally {
    db.close();
    parentPort.postMessage('stopped');
  }
});
