import type BetterSqlite3 from 'better-sqlite3';

const STATEMENT_CACHE_SIZE = 500;
const caches = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * The connection's prepared statement for `sql`, prepared once. Kysely prepares every query anew,
 * and preparing costs more than running most of ours; the same SQL text always yields a reusable
 * better-sqlite3 statement, so the most recent ones are kept, in recency order.
 */
export function statementFor(sqlite: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  let statement = cache.get(sql);
  if (statement) {
    cache.delete(sql);
  } else {
    statement = sqlite.prepare(sql);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(sql, statement);
  return statement;
}
