import type { Db } from '../../src/store/open-sqlite.js';

class RolledBack extends Error {}

/**
 * Opens a Kysely transaction, runs `write` in it and keeps it open, uncommitted, until `end` is
 * called: for checking what other callers see and do meanwhile.
 */
export async function holdTransaction(db: Db, write: (trx: Db) => Promise<unknown>) {
  let decide = (_outcome: 'commit' | 'rollback') => {};
  const decided = new Promise<'commit' | 'rollback'>((resolve) => {
    decide = resolve;
  });
  let markWritten = () => {};
  const written = new Promise<void>((resolve) => {
    markWritten = resolve;
  });
  const transaction = db.transaction().execute(async (trx) => {
    await write(trx);
    markWritten();
    if ((await decided) === 'rollback') throw new RolledBack();
  });
  await Promise.race([written, transaction]);
  return {
    /** Commits or rolls back, and resolves once the transaction has ended. */
    end: async (outcome: 'commit' | 'rollback') => {
      decide(outcome);
      await transaction.catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    },
  };
}
