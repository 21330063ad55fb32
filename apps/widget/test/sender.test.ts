import type { ApiError, MessageAck } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { jitteredBackoff } from '../src/chat/backoff.js';
import { Outbox, type OutboxEntry } from '../src/chat/outbox.js';
import { Sender, type SendPayload } from '../src/chat/sender.js';
import type { Outcome } from '../src/chat/wire-guards.js';

class MemoryStore {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

type Reply = Outcome<MessageAck> | 'timeout';

/** A fake server: stores by clientMsgId (idempotent), answers from a script of replies. */
function harness(script: Array<'ok' | 'timeout' | ApiError['code']> = []) {
  const outbox = new Outbox(new MemoryStore(), 'outbox');
  const stored = new Map<string, number>();
  const attempts: SendPayload[] = [];
  const acked: Array<{ entry: OutboxEntry; ack: MessageAck }> = [];
  const failed: string[] = [];
  const timers: Array<{ run: () => void; ms: number }> = [];
  let connected = true;
  let opened = 0;
  const sender = new Sender({
    outbox,
    isConnected: () => connected,
    ensureConversation: async () => {
      opened += 1;
      return 'conversation-1';
    },
    send: async (payload): Promise<Reply> => {
      attempts.push(payload);
      const step = script.shift() ?? 'ok';
      if (step === 'timeout') {
        stored.set(payload.clientMsgId, stored.get(payload.clientMsgId) ?? stored.size + 1); // committed, ack lost
        return 'timeout';
      }
      if (step !== 'ok') return { ok: false, error: { code: step, message: step } };
      const seq = stored.get(payload.clientMsgId) ?? stored.size + 1;
      stored.set(payload.clientMsgId, seq);
      return {
        ok: true,
        data: { clientMsgId: payload.clientMsgId, seq, createdAt: '2025-03-14T09:26:53.589Z' },
      };
    },
    onAck: (entry, ack) => acked.push({ entry, ack }),
    onFailed: (entry) => failed.push(entry.clientMsgId),
    onConversationClosed: () => undefined,
    setTimer: (run, ms) => {
      const timer = { run, ms };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
    random: () => 0.5,
  });
  const add = (id: string) =>
    outbox.add({
      clientMsgId: id,
      conversationId: null,
      body: id,
      attachment: null,
      createdAt: '',
      failed: false,
    });
  return {
    outbox,
    sender,
    stored,
    attempts,
    acked,
    failed,
    timers,
    add,
    opened: () => opened,
    setConnected: (value: boolean) => {
      connected = value;
    },
  };
}

describe('Sender', () => {
  it('sends in writing order, one at a time, opening the conversation once', async () => {
    const h = harness();
    for (const id of ['a', 'b', 'c']) h.add(id);
    await h.sender.flush();
    expect(h.acked.map((a) => [a.entry.clientMsgId, a.ack.seq, a.entry.conversationId])).toEqual([
      ['a', 1, 'conversation-1'],
      ['b', 2, 'conversation-1'],
      ['c', 3, 'conversation-1'],
    ]);
    expect(h.opened()).toBe(1);
    expect(h.outbox.entries()).toEqual([]);
  });

  it('keeps everything while disconnected and sends it on resume', async () => {
    const h = harness();
    h.setConnected(false);
    h.add('a');
    h.add('b');
    await h.sender.flush();
    expect(h.attempts).toEqual([]);
    h.setConnected(true);
    h.sender.resume();
    await h.sender.flush();
    expect(h.acked.map((a) => a.ack.seq)).toEqual([1, 2]);
  });

  it('resends after a lost ack with the same clientMsgId, and the message is stored once', async () => {
    const h = harness(['timeout']);
    h.add('a');
    h.add('b');
    await h.sender.flush();
    expect(h.acked).toEqual([]);
    expect(h.timers).toHaveLength(1);
    h.timers[0]?.run();
    await h.sender.flush();
    expect(h.attempts.map((p) => p.clientMsgId)).toEqual(['a', 'a', 'b']);
    expect([...h.stored.entries()]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(h.acked.map((a) => [a.entry.clientMsgId, a.ack.seq])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('backs off on rate limits and server errors, and marks refused messages failed without blocking the rest', async () => {
    const h = harness(['rate-limited', 'invalid-payload']);
    h.add('a');
    h.add('b');
    await h.sender.flush();
    expect(h.timers.map((t) => t.ms)).toEqual([jitteredBackoff(1, () => 0.5)]);
    h.timers[0]?.run();
    await h.sender.flush();
    expect(h.failed).toEqual(['a']);
    expect(h.acked.map((a) => a.entry.clientMsgId)).toEqual(['b']);
    expect(h.outbox.entries().map((e) => [e.clientMsgId, e.failed])).toEqual([['a', true]]);
  });
});

describe('jitteredBackoff', () => {
  it('doubles up to the cap, each delay between half and all of its step', () => {
    expect(jitteredBackoff(1, () => 0)).toBe(500);
    expect(jitteredBackoff(1, () => 1)).toBe(1000);
    expect(jitteredBackoff(3, () => 1)).toBe(4000);
    expect(jitteredBackoff(20, () => 1)).toBe(30_000);
    expect(jitteredBackoff(20, () => 0)).toBe(15_000);
  });
});
