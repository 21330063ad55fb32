import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../src/domain/errors.js';
import { ThreadClient } from '../src/threads/thread-client.js';

/** A thread that answers each request with its own thread id, after `delayMs` if asked. */
const ECHO = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', ({ id, delayMs }) => setTimeout(() => parentPort.postMessage({ id, threadId }), delayMs ?? 0));
`;

type Reply = { id: number; threadId: number };

function client(idleAfterMs?: number) {
  const errors: unknown[] = [];
  const thread = new ThreadClient<Reply>(
    {
      name: 'echo thread',
      unavailable: 'Not now.',
      idleAfterMs,
      start: () => new Worker(ECHO, { eval: true }),
    },
    { error: (...args: unknown[]) => errors.push(args) },
  );
  const ask = (delayMs = 0) =>
    thread.ask(
      (worker, id) => worker.postMessage({ id, delayMs }),
      (reply) => reply.threadId,
    );
  return { thread, ask, errors };
}

describe('requests to a worker thread', () => {
  it('starts the thread with the first request and answers each by its id', async () => {
    const { thread, ask } = client();
    expect(thread.running).toBe(false);
    const [slow, quick] = await Promise.all([ask(30), ask(0)]);
    expect(slow).toBe(quick);
    expect(thread.running).toBe(true);
    await thread.close();
    expect(thread.running).toBe(false);
  });

  it('fails what it has in hand when closed, and starts a new thread for the next request', async () => {
    const { thread, ask } = client();
    const first = await ask();
    const inHand = ask(1_000).then(
      () => null,
      (error: unknown) => error,
    );
    await thread.close();
    const refusal = await inHand;
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'unavailable', message: 'Not now.' });
    expect(await ask()).not.toBe(first);
    await thread.close();
  });

  it('ends the thread once it has been idle for a while, and starts it again when asked', async () => {
    const { thread, ask } = client(50);
    const first = await ask();
    // Busy again before the idle time is up: the same thread.
    expect(await ask()).toBe(first);
    await expect.poll(() => thread.running, { timeout: 2_000 }).toBe(false);
    const second = await ask();
    expect(second).not.toBe(first);
    await thread.close();
  });

  it('never ends a thread that has work in hand, however long it takes', async () => {
    const { thread, ask } = client(20);
    const first = await ask();
    // A request far longer than the idle time, asked before it is up.
    expect(await ask(200)).toBe(first);
    await thread.close();
  });
});
