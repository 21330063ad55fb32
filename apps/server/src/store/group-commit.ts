import type BetterSqlite3 from 'better-sqlite3';
import { backgroundWriteTurns, type Db, idleConnection, rawSqlite } from './open-sqlite.js';

/** One item's result: `failed` items must have changed nothing, so the batch can still commit. */
export type ItemOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Commits a batch in one transaction and gives each item's outcome, in order; throws to abort all. */
export type BatchCommit<I, R> = (items: I[]) => Promise<ItemOutcome<R>[]>;

interface Pending<I, R> {
  item: I;
  resolve(value: R): void;
  reject(error: unknown): void;
}

/**
 * Group commit: writes that arrive while the event loop is busy, or while the previous batch is
 * still being committed, go together in ONE transaction, and each caller hears its result only
 * after that commit. Under load the batches grow, so a commit's cost is shared exactly when
 * queueing would otherwise build up. An item reported as failed changed nothing; a throw
 * aborts the whole batch and every caller gets the error.
 */
export function groupCommit<I, R>(commit: BatchCommit<I, R>): (item: I) => Promise<R> {
  let queue: Pending<I, R>[] = [];
  let scheduled = false;
  let committing = false;

  const schedule = () => {
    if (scheduled || committing || queue.length === 0) return;
    scheduled = true;
    // After this turn's I/O callbacks: everything they append shares the commit.
    setImmediate(() => {
      scheduled = false;
      void flush();
    });
  };

  const flush = async () => {
    committing = true;
    const batch = queue;
    queue = [];
    try {
      const outcomes = await commit(batch.map((pending) => pending.item));
      batch.forEach((pending, index) => {
        const outcome = outcomes[index];
        if (outcome?.ok) pending.resolve(outcome.value);
        else pending.reject(outcome ? outcome.error : new Error('group commit: no outcome'));
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    } finally {
      committing = false;
      schedule();
    }
  };

  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
}

/**
 * A batch committed in one transaction, `apply` running the items one by one. On SQLite with no
 * other transaction open, `applyNow` runs the whole batch synchronously on the connection (one
 * immediate transaction, no Kysely executor); otherwise the batch waits for Kysely's connection.
 * While the background worker restarts the WAL, the batch awaits its turn instead of sleeping in
 * SQLite's busy handler, and grows meanwhile.
 */
export function inTransaction<I, R>(
  db: Db,
  apply: (trx: Db, item: I) => Promise<ItemOutcome<R>>,
  applyNow?: (sqlite: BetterSqlite3.Database, item: I) => ItemOutcome<R>,
): BatchCommit<I, R> {
  const sqlite = rawSqlite(db);
  const commitNow =
    sqlite && applyNow
      ? sqlite.transaction((items: I[]) => items.map((item) => applyNow(sqlite, item)))
      : undefined;
  const turns = backgroundWriteTurns(db);
  return async (items) => {
    if (turns) while (!turns.tryTake()) await turns.whenWorkerDone();
    try {
      if (commitNow && idleConnection(db)) return commitNow.immediate(items);
      return await db.transaction().execute(async (trx) => {
        const results: ItemOutcome<R>[] = [];
        for (const item of items) results.push(await apply(trx, item));
        return results;
      });
    } finally {
      turns?.release();
    }
  };
}
