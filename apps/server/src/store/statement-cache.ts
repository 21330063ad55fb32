import type BetterSqlite3 from 'better-sqlite3';
import { LRUCache } from 'lru-cache';

const STATEMENT_CACHE_SIZE = 500;
const caches = new WeakMap<BetterSqlite3.Database, LRUCache<string, BetterSqlite3.Statement>>();

/**
 * The connection's prepared statement for `sql`, prepared once. Kysely prepares every query anew,
 * and preparing costs more than running most of ours; the same SQL text always yields a reusable
 * better-sqlite3 statement, so the most recently used ones are kept.
 */
export function statementFor(sqlite: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new LRUCache({ max: STATEMENT_CACHE_SIZE });
    caches.set(sqlite, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
