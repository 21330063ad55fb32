import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { appendMessage } from '../../src/store/messages.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { backgroundWriteTurns, openSqlite } from '../../src/store/open-sqlite.js';
import { FREE, WORKER_WRITES } from '../../src/store/write-turns.js';
import { insertQueuedConversation, seedFixture, visitorMessage } from './fixture.js';

/**
 * Run as a process of its own (argument: a database file). It appends one message while a
 * stand-in for the background worker holds the worker's write turn for 300 ms, with nothing else
 * keeping the process alive, then prints how many messages are stored.
 */
const file = process.argv[2];
if (!file) throw new Error('usage: append-while-worker-writes <database file>');
const opened = openSqlite(file, 'normal', { checkpointInBackground: true });
await migrateToLatest(opened.db);
const conversationId = await insertQueuedConversation(opened.db, await seedFixture(opened.db));
const turns = backgroundWriteTurns(opened.db);
if (!turns) throw new Error('no background worker');

// Unref'd, like the real worker: it does not keep the process alive either.
const standIn = new Worker(
  `const { workerData: cell } = require('node:worker_threads');
   Atomics.store(cell, 0, ${WORKER_WRITES});
   Atomics.wait(cell, 0, ${WORKER_WRITES}, 300);
   Atomics.store(cell, 0, ${FREE});
   Atomics.notify(cell, 0);`,
  { eval: true, workerData: turns.cell },
);
standIn.unref();
while (Atomics.load(turns.cell, 0) !== WORKER_WRITES) Atomics.wait(turns.cell, 0, FREE, 10);

await appendMessage(opened.db, visitorMessage(conversationId, randomUUID(), 'written before exit'));
const stored = opened.sqlite.prepare('SELECT count(*) FROM messages').pluck().get();
await opened.close();
console.log(`stored ${stored}`);
