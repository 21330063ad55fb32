import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getConversation } from '../src/store/conversations.js';
import { appendMessage, messagesAfter } from '../src/store/messages.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { type OpenedDb, openSqlite } from '../src/store/open-sqlite.js';
import { insertQueuedConversation, seedFixture, visitorMessage } from './support/fixture.js';
import { holdTransaction } from './support/held-transaction.js';

describe('appending messages with group commit (a real SQLite file)', () => {
  let dir: string;
  let opened: OpenedDb;
  let conversations: string[];

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'switchboard-group-commit-'));
    opened = openSqlite(path.join(dir, 'test.db'), 'normal');
    await migrateToLatest(opened.db);
    const fixture = await seedFixture(opened.db);
    conversations = [];
    for (let i = 0; i < 3; i++) conversations.push(await insertQueuedConversation(opened.db, fixture));
  });

  afterEach(async () => {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives appends started together contiguous seqs per conversation, in arrival order', async () => {
    const sends = Array.from({ length: 90 }, (_, i) => {
      const conversationId = conversations[i % 3] as string;
      return appendMessage(opened.db, visitorMessage(conversationId, `c-${i}`, `body ${i}`));
    });
    const results = await Promise.all(sends);
    for (const [index, conversationId] of conversations.entries()) {
      const stored = await messagesAfter(opened.db, conversationId, 0, 100, false);
      expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(stored.map((m) => m.body)).toEqual(
        Array.from({ length: 30 }, (_, i) => `body ${i * 3 + index}`),
      );
      expect((await getConversation(opened.db, conversationId))?.lastSeq).toBe(30);
    }
    expect(results.every((r) => r.created)).toBe(true);
  });

  it('a duplicate or a missing conversation in the same batch fails alone and changes nothing', async () => {
    const [first, second] = conversations as [string, string];
    const [a, duplicate, missing, b] = await Promise.allSettled([
      appendMessage(opened.db, visitorMessage(first, 'same-id', 'original')),
      appendMessage(opened.db, visitorMessage(first, 'same-id', 'retry')),
      appendMessage(opened.db, visitorMessage(randomUUID(), 'other', 'nowhere')),
      appendMessage(opened.db, visitorMessage(second, 'next', 'still committed')),
    ]);
    expect(a.status === 'fulfilled' && a.value.created && a.value.message.seq).toBe(1);
    // The retry is answered with the stored original, not a second message.
    expect(duplicate.status === 'fulfilled' && duplicate.value).toMatchObject({
      created: false,
      message: { seq: 1, body: 'original' },
    });
    expect(missing.status).toBe('rejected');
    expect(b.status === 'fulfilled' && b.value.message.seq).toBe(1);
    expect((await messagesAfter(opened.db, first, 0, 10, false)).map((m) => m.body)).toEqual(['original']);
    expect((await getConversation(opened.db, first))?.lastSeq).toBe(1);
  });

  it('an append made while another transaction is open waits for it and is not undone by its rollback', async () => {
    const [first] = conversations as [string];
    const held = await holdTransaction(opened.db, (trx) =>
      trx.updateTable('conversations').set({ tags: '["rolled-back"]' }).where('id', '=', first).execute(),
    );
    let acked = false;
    const append = appendMessage(opened.db, visitorMessage(first, 'during', 'sent meanwhile')).then(
      (result) => {
        acked = true;
        return result;
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(acked).toBe(false);
    await held.end('rollback');
    expect((await append).message.seq).toBe(1);
    const stored = await getConversation(opened.db, first);
    expect(stored?.tags).toEqual([]);
    expect(stored?.lastSeq).toBe(1);
    expect((await messagesAfter(opened.db, first, 0, 10, false)).map((m) => m.body)).toEqual([
      'sent meanwhile',
    ]);
  });
});
