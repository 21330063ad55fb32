import { type Compilable, CompiledQuery } from 'kysely';
import type { Db } from './open-sqlite.js';

/**
 * A hot-path query built once with Kysely and then run with fresh parameters, skipping the
 * per-call query building that dominates a small query's cost. `build` receives stand-ins for the
 * parameters; each must appear in the compiled query as a bound parameter of its own.
 */
export function preparedQuery<P extends Record<string, string | number | null>, R>(
  build: (db: Db, params: P) => Compilable<R>,
  names: readonly (keyof P & string)[],
) {
  let compiled: { sql: string; order: (keyof P & string)[] } | undefined;
  return async (db: Db, params: P): Promise<R[]> => {
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
    const { sql, order } = compiled;
    const result = await db.executeQuery<R>(
      CompiledQuery.raw(
        sql,
        order.map((name) => params[name]),
      ),
    );
    return result.rows;
  };
}
