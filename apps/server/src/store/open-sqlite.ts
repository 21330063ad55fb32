import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import {
  attachIndexInMemory,
  destroyWithConnection,
  openSearchReader,
  searchIndexFile,
} from './search-index.js';
import { statementFor } from './statement-cache.js';
import { TurnTakingSqliteDialect } from './turn-taking-dialect.js';
import { type WriteTurns, writeTurns } from './write-turns.js';

export type Db = Kysely<Database>;

export interface OpenedDb {
  db: Db;
  /** The raw handle, for SQLite-only features (FTS5) and maintenance. */
  sqlite: BetterSqlite3.Database;
  /** For full-text search only: the database with its search index attached as `search`. */
  search: Db;
  /**
   * Something was erased: the background worker empties both logs once the index has dropped it,
   * so no page image from before stays in them.
   */
  afterErasure(): void;
  close(): Promise<void>;
}

export function openSqlite(
  file: string,
  synchronous: 'normal' | 'full',
  options: { checkpointInBackground?: boolean; restartWalAfterFrames?: number } = {},
): OpenedDb {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  // Deleted rows are overwritten, not left in free space: an erased visitor leaves no trace.
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('busy_timeout = 5000');
  const inMemory = file === ':memory:';
  if (inMemory) attachIndexInMemory(sqlite);
  const searchReader = inMemory ? null : openSearchReader(file);
  const checkpointer =
    options.checkpointInBackground && !inMemory
      ? startCheckpointer(sqlite, file, options.restartWalAfterFrames ?? RESTART_WAL_AFTER_FRAMES)
      : null;
  const driverConfig = { database: withStatementCache(sqlite) };
  const dialect = checkpointer
    ? new TurnTakingSqliteDialect(driverConfig, checkpointer.turns)
    : new SqliteDialect(driverConfig);
  const db = new Kysely<Database>({ dialect });
  rawHandles.set(db, sqlite);
  if (checkpointer) turnsOf.set(db, checkpointer.turns);
  return {
    db,
    sqlite,
    search: searchReader?.db ?? db,
    afterErasure: () => checkpointer?.afterErasure(),
    close: async () => {
      await checkpointer?.stop();
      await searchReader?.close();
      await destroyWithConnection(db, sqlite);
    },
  };
}

const CHECKPOINT_WORKER = new URL('../../workers/checkpoint.cjs', import.meta.url);

/**
 * Under writes that never pause, the worker restarts the WAL from its beginning once it holds
 * this many frames (64 MB of 4 KB pages); otherwise the file would grow for as long as they last.
 */
const RESTART_WAL_AFTER_FRAMES = 16_384;

/** Moves WAL checkpoints off the event loop: this connection no longer checkpoints by itself. */
function startCheckpointer(sqlite: BetterSqlite3.Database, file: string, restartAfterFrames: number) {
  sqlite.pragma('wal_autocheckpoint = 0');
  const turns = writeTurns();
  // Plain CommonJS: no loaders (a parent's --import would fail to load in the thread).
  const worker = new Worker(CHECKPOINT_WORKER, {
    workerData: {
      file: path.resolve(file),
      indexFile: searchIndexFile(file),
      intervalMs: 200,
      restartAfterFrames,
      writeTurns: turns.cell,
    },
    execArgv: [],
  });
  worker.unref();
  // Without the worker, fall back to SQLite's own checkpoints rather than let the WAL grow.
  worker.on('error', () => sqlite.open && sqlite.pragma('wal_autocheckpoint = 1000'));
  worker.on('exit', () => turns.abandon());
  return {
    turns,
    afterErasure: () => worker.postMessage('erased'),
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once('message', () => void worker.terminate().then(() => resolve()));
        worker.once('error', () => resolve());
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      }),
  };
}

/**
 * Kysely's driver over the cached statements. Transactions take the write lock at once: with
 * anyone else writing the file (an operator's `sqlite3` shell, a second process), a transaction
 * that read first could fail to upgrade to writing (a stale snapshot).
 */
function withStatementCache(sqlite: BetterSqlite3.Database) {
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => statementFor(sqlite, text === 'begin' ? 'begin immediate' : text),
  };
}

const rawHandles = new WeakMap<Db, BetterSqlite3.Database>();
const turnsOf = new WeakMap<Db, WriteTurns>();

/**
 * The turns at the write lock that `db`'s background worker takes part in; undefined when no
 * worker writes beside it.
 */
export function backgroundWriteTurns(db: Db): WriteTurns | undefined {
  return turnsOf.get(db);
}

/**
 * The better-sqlite3 connection behind `db`, to prepare the hot path's synchronous statements;
 * undefined for a transaction's handle (whose statements must go through Kysely's connection lock)
 * and for any other dialect. Whether they may run right now is `idleConnection`'s answer.
 */
export function rawSqlite(db: Db): BetterSqlite3.Database | undefined {
  return rawHandles.get(db);
}

/**
 * The connection behind `db` when a statement may run on it synchronously right now: no
 * transaction is open on it, since a statement run beside Kysely's open transaction would land
 * inside it. Undefined otherwise; the caller then goes through Kysely and queues behind it.
 */
export function idleConnection(db: Db): BetterSqlite3.Database | undefined {
  const sqlite = rawHandles.get(db);
  return sqlite && !sqlite.inTransaction ? sqlite : undefined;
}
