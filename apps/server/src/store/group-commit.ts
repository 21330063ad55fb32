import type { Db } from './open-sqlite.js';

/** One item's result: `failed` items must have changed nothing, so the batch can still commit. */
export type ItemOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Pending<I, R> {
  item: I;
  resolve(value: R): void;
  reject(error: unknown): void;
}

/**
 * Group commit: writes that arrive while the event loop is busy are applied in ONE transaction
 * at the next turn, and each caller hears its result only after that commit. Under load the
 * batches grow, so a commit's cost is shared exactly when queueing would otherwise build up.
 * `apply` runs the items one by one in arrival order; an item it reports as failed changed
 * nothing, while a throw aborts the whole batch and every caller gets the error.
 */
export function groupCommit<I, R>(
  db: Db,
  apply: (trx: Db, item: I) => Promise<ItemOutcome<R>>,
): (item: I) => Promise<R> {
  let queue: Pending<I, R>[] = [];

  const flush = async () => {
    const batch = queue;
    queue = [];
    let outcomes: ItemOutcome<R>[];
    try {
      outcomes = await db.transaction().execute(async (trx) => {
        const results: ItemOutcome<R>[] = [];
        for (const pending of batch) results.push(await apply(trx, pending.item));
        return results;
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) pending.resolve(outcome.value);
      else pending.reject(outcome ? outcome.error : new Error('group commit: no outcome'));
    });
  };

  return (item) =>
    new Promise<R>((resolve, reject) => {
      // After this turn's I/O callbacks: everything they append shares the commit.
      if (queue.length === 0) setImmediate(() => void flush());
      queue.push({ item, resolve, reject });
    });
}
