/**
 * Turns at the database's write lock between the server's thread and the background worker (which
 * needs it to restart the WAL), taken in one shared cell before either touches the lock itself. SQLite makes a writer that finds the
 * lock taken sleep in its busy handler (1, 2, 5… ms), which on the server's thread stops the whole
 * event loop; with turns, the server awaits the worker's release (`Atomics.waitAsync`) and goes on
 * serving, and the worker (`workers/checkpoint.cjs`) blocks only its own thread while the server
 * writes. The append's group commit and Kysely's connection (`turn-taking-dialect.ts`) take turns;
 * a statement run straight on the raw connection outside them still meets the busy handler.
 */
export const FREE = 0;
export const WORKER_WRITES = 1;
export const SERVER_WRITES = 2;

/** The longest one wait for the worker lasts before the cell is looked at again. */
const WAIT_FOR_WORKER_MS = 1000;

export interface WriteTurns {
  /** The cell the worker shares (a one-element `Int32Array` over a `SharedArrayBuffer`). */
  readonly cell: Int32Array;
  /** Takes the server's turn now if the worker is not writing; nested turns on this thread count up. */
  tryTake(): boolean;
  /** Resolves once the worker lets go (or after a bound, to look again). */
  whenWorkerDone(): Promise<unknown>;
  release(): void;
  /** The worker is gone: no turn is waited for again. */
  abandon(): void;
}

export function writeTurns(): WriteTurns {
  const cell = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  let held = 0;
  let abandoned = false;
  return {
    cell,
    tryTake() {
      if (abandoned) return true;
      if (held === 0 && Atomics.compareExchange(cell, 0, FREE, SERVER_WRITES) !== FREE) return false;
      held++;
      return true;
    },
    whenWorkerDone() {
      const wait = Atomics.waitAsync(cell, 0, WORKER_WRITES, WAIT_FOR_WORKER_MS);
      if (!wait.async) return Promise.resolve();
      // A pending waitAsync does not keep Node's event loop alive (nor does the unref'd worker):
      // in a process with nothing else to do, the write would be dropped at exit. The timer
      // keeps the process up until the wait settles.
      const keepAlive = setTimeout(() => undefined, WAIT_FOR_WORKER_MS);
      return wait.value.finally(() => clearTimeout(keepAlive));
    },
    release() {
      if (held === 0 || --held > 0) return;
      Atomics.store(cell, 0, FREE);
      Atomics.notify(cell, 0);
    },
    abandon() {
      abandoned = true;
      held = 0;
      Atomics.store(cell, 0, FREE);
      Atomics.notify(cell, 0);
    },
  };
}
