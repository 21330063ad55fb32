import {
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import type { WriteTurns } from './write-turns.js';

/**
 * Kysely's SQLite dialect whose connection is held only in the server's write turn: a query or
 * transaction that comes while the background worker restarts the WAL awaits the restart
 * (the event loop goes on) instead of sleeping in SQLite's busy handler. Reads wait too; a
 * restart is rare (once per 64 MB of log) and short.
 */
export class TurnTakingSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #turns: WriteTurns;

  constructor(config: SqliteDialectConfig, turns: WriteTurns) {
    super(config);
    this.#config = config;
    this.#turns = turns;
  }

  override createDriver(): Driver {
    return new TurnTakingDriver(this.#config, this.#turns);
  }
}

class TurnTakingDriver extends SqliteDriver {
  readonly #turns: WriteTurns;

  constructor(config: SqliteDialectConfig, turns: WriteTurns) {
    super(config);
    this.#turns = turns;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    while (!this.#turns.tryTake()) await this.#turns.whenWorkerDone();
    return connection;
  }

  override async releaseConnection(): Promise<void> {
    this.#turns.release();
    await super.releaseConnection();
  }
}
