import type BetterSqlite3 from 'better-sqlite3';
import { type Compilable, CompiledQuery } from 'kysely';
import { type Db, idleConnection } from './open-sqlite.js';
import { statementFor } from './statement-cache.js';

type Params = Record<string, string | number | null>;

export interface PreparedQuery<P extends Params, R> {
  /**
   * Runs the query. On SQLite outside any transaction it runs synchronously on the connection,
   * skipping Kysely's executor (its connection lock and plugin chain cost more than a point
   * query); a transaction's handle, or another dialect, goes through Kysely as usual.
   */
  (db: Db, params: P): Promise<R[]>;
  /** Runs on the raw connection at once: for a transaction the caller itself holds open. */
  now(sqlite: BetterSqlite3.Database, db: Db, params: P): R[];
}

/**
 * A hot-path query built once with Kysely and then run with fresh parameters, skipping the
 * per-call query building that dominates a small query's cost. `build` receives stand-ins for the
 * parameters; each must appear in the compiled query as a bound parameter of its own.
 */
export function preparedQuery<P extends Params, R>(
  build: (db: Db, params: P) => Compilable<R>,
  names: readonly (keyof P & string)[],
): PreparedQuery<P, R> {
  let compiled: { sql: string; order: (keyof P & string)[] } | undefined;
  const compile = (db: Db) => {
    if (!compiled) {
      const standIns = Object.fromEntries(names.map((name) => [name, `\u0000${name}\u0000`])) as unknown as P;
      const query = build(db, standIns).compile();
      const order = query.parameters.map((value) => {
        const name = names.find((n) => value === `\u0000${n}\u0000`);
        if (!name) throw new Error(`preparedQuery: a parameter that is not a stand-in in ${query.sql}`);
        return name;
      });
      compiled = { sql: query.sql, order };
    }
    return compiled;
  };
  const now = (sqlite: BetterSqlite3.Database, db: Db, params: P): R[] => {
    const { sql, order } = compile(db);
    const statement = statementFor(sqlite, sql);
    const values = order.map((name) => params[name]);
    if (statement.reader) return statement.all(values) as R[];
    statement.run(values);
    return [];
  };
  const run = async (db: Db, params: P): Promise<R[]> => {
    const sqlite = idleConnection(db);
    if (sqlite) return now(sqlite, db, params);
    const { sql, order } = compile(db);
    const result = await db.executeQuery<R>(
      CompiledQuery.raw(
        sql,
        order.map((name) => params[name]),
      ),
    );
    return result.rows;
  };
  return Object.assign(run, { now });
}
