import { agentPushes, agentRequests } from '@switchboard/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readAck, readPush, readResult } from '../src/renderer/api/server-input.js';
import { message } from './support/fakes.js';

const ack = agentRequests['message:send'].response;
const good = { clientMsgId: crypto.randomUUID(), seq: 3, createdAt: '2026-12-05T10:00:00.000Z' };

describe("what the server sends the workbench's socket, read through the protocol", () => {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  afterEach(() => errors.mockClear());

  it('passes an ack that is the protocol’s, answer or error', () => {
    expect(readAck(ack, { ok: true, data: good })).toEqual({ ok: true, data: good });
    const refused = { ok: false, error: { code: 'rate-limited', message: 'Slow down.' } };
    expect(readAck(ack, refused)).toEqual(refused);
    expect(errors).not.toHaveBeenCalled();
  });

  it('keeps the message of an error a newer server coded in a way this version does not know', () => {
    expect(
      readAck(ack, { ok: false, error: { code: 'quota-exceeded', message: 'Plan limit reached.' } }),
    ).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Plan limit reached.' },
    });
  });

  it('turns any other unreadable ack into an internal error, and says so without its content', () => {
    for (const bad of [
      undefined,
      'ok',
      { ok: true },
      { ok: true, data: { ...good, seq: -1 } },
      { ok: false },
    ]) {
      const read = readAck(ack, bad);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.error.code).toBe('internal');
    }
    expect(errors).toHaveBeenCalled();
    expect(JSON.stringify(errors.mock.calls)).not.toContain(good.clientMsgId);
    // A REST body is read the same way; the caller words what it could not read (with the status).
    expect(readResult(ack, { ok: true, data: { ...good, seq: -1 } })).toBeNull();
    expect(readResult(ack, { ok: false, error: { code: 'quota-exceeded', message: 'Plan limit.' } })).toEqual(
      {
        ok: false,
        error: { code: 'internal', message: 'Plan limit.' },
      },
    );
  });

  it('drops a push that is not the protocol’s and passes one that is', () => {
    const pushed = message(
      crypto.randomUUID(),
      1,
      { kind: 'visitor', id: crypto.randomUUID() },
      'my card ends 4242',
    );
    expect(readPush('message:new', agentPushes['message:new'], pushed)).toEqual(pushed);
    expect(readPush('message:new', agentPushes['message:new'], { ...pushed, seq: 'one' })).toBeNull();
    expect(readPush('message:new', agentPushes['message:new'], null)).toBeNull();
    expect(errors).toHaveBeenCalledTimes(2);
    expect(JSON.stringify(errors.mock.calls)).not.toContain('4242');
    expect(JSON.stringify(errors.mock.calls)).toContain('seq');
  });
});
