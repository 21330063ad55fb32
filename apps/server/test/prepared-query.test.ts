import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/store/migrate.js';
import { openSqlite } from '../src/store/open-sqlite.js';
import { preparedQuery } from '../src/store/prepared-query.js';
import { holdTransaction } from './support/held-transaction.js';

describe('prepared hot-path queries', () => {
  it('runs the query built once with each call’s own parameters, nulls included', async () => {
    const opened = openSqlite(':memory:', 'normal');
    await migrateToLatest(opened.db);
    const put = preparedQuery(
      (db, p: { key: string; value: string }) =>
        db.insertInto('settings').values({ key: p.key, value: p.value }),
      ['key', 'value'],
    );
    const get = preparedQuery(
      (db, p: { key: string }) => db.selectFrom('settings').select('value').where('key', '=', p.key),
      ['key'],
    );
    await put(opened.db, { key: 'a', value: 'first' });
    await put(opened.db, { key: 'b', value: 'second' });
    expect(await get(opened.db, { key: 'b' })).toEqual([{ value: 'second' }]);
    expect(await get(opened.db, { key: 'a' })).toEqual([{ value: 'first' }]);
    expect(await get(opened.db, { key: 'missing' })).toEqual([]);
    const broken = preparedQuery(
      (db, _p: { key: string }) => db.selectFrom('settings').select('value').where('key', '=', 'fixed'),
      ['key'],
    );
    await expect(broken(opened.db, { key: 'x' })).rejects.toThrow(/not a stand-in/);
    await opened.close();
  });

  it('never runs inside a transaction another caller has open: it waits for the commit, or sees nothing after a rollback', async () => {
    const opened = openSqlite(':memory:', 'normal');
    await migrateToLatest(opened.db);
    const get = preparedQuery(
      (db, p: { key: string }) => db.selectFrom('settings').select('value').where('key', '=', p.key),
      ['key'],
    );
    const inTransaction = async (outcome: 'commit' | 'rollback', key: string) => {
      const held = await holdTransaction(opened.db, (trx) =>
        trx.insertInto('settings').values({ key, value: 'uncommitted' }).execute(),
      );
      let answered = false;
      const read = get(opened.db, { key }).then((rows) => {
        answered = true;
        return rows;
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      // Still open: a read on the connection now would see the transaction's own write.
      expect(answered).toBe(false);
      await held.end(outcome);
      return read;
    };
    expect(await inTransaction('commit', 'kept')).toEqual([{ value: 'uncommitted' }]);
    expect(await inTransaction('rollback', 'dropped')).toEqual([]);
    await opened.close();
  });
});
