// Runs SQLite WAL checkpoints on its own connection and thread, so the server's event loop never
// stalls on one (an automatic checkpoint inside a COMMIT costs tens of milliseconds).
// Plain CommonJS: the same file serves the TypeScript sources and the built server.
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');

const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or closing: the next round catches up.
  }
}, workerData.intervalMs);

parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    db.close();
    parentPort.postMessage('stopped');
  }
});
