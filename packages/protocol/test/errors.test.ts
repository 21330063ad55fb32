import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, ErrorCode, fail, httpStatusOf, MessageAck, ok, resultOf } from '../src/index.js';
import { ids, now } from './fixtures.js';

const ack = { clientMsgId: ids.clientMsg, seq: 7, createdAt: now };

describe('ErrorCode', () => {
  it('codes are unique kebab-case', () => {
    const codes = ErrorCode.options;
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('rejects a code outside the union', () => {
    expect(ErrorCode.safeParse('teapot').success).toBe(false);
    expect(ApiError.safeParse({ code: 'Forbidden', message: 'no' }).success).toBe(false);
  });
});

describe('httpStatusOf', () => {
  it('maps exactly the error codes', () => {
    expect(Object.keys(httpStatusOf).sort()).toEqual([...ErrorCode.options].sort());
  });

  it.each(ErrorCode.options)('%s has an HTTP error status between 400 and 599', (code) => {
    const status = httpStatusOf[code];
    expect(Number.isInteger(status)).toBe(true);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThanOrEqual(599);
  });

  it('uses the conventional statuses clients and proxies rely on', () => {
    expect(httpStatusOf['invalid-payload']).toBe(400);
    expect(httpStatusOf.unauthenticated).toBe(401);
    expect(httpStatusOf['token-expired']).toBe(401);
    expect(httpStatusOf.forbidden).toBe(403);
    expect(httpStatusOf['not-found']).toBe(404);
    expect(httpStatusOf.conflict).toBe(409);
    expect(httpStatusOf['payload-too-large']).toBe(413);
    expect(httpStatusOf['unsupported-media-type']).toBe(415);
    expect(httpStatusOf['rate-limited']).toBe(429);
    expect(httpStatusOf.internal).toBe(500);
    expect(httpStatusOf.unavailable).toBe(503);
  });
});

describe('result envelope', () => {
  const AckResult = resultOf(MessageAck);

  it('ok(data) parses as a success', () => {
    const result = ok(ack);
    expect(result).toEqual({ ok: true, data: ack });
    expect(AckResult.parse(result)).toEqual({ ok: true, data: ack });
  });

  it('fail(code, message) parses as a failure without details', () => {
    const result = fail('rate-limited', 'Slow down.');
    expect(result).toEqual({ ok: false, error: { code: 'rate-limited', message: 'Slow down.' } });
    expect(Object.hasOwn(result.ok ? {} : result.error, 'details')).toBe(false);
    expect(AckResult.parse(result)).toEqual(result);
  });

  it('fail(code, message, details) keeps the details', () => {
    const details = { issues: [{ path: ['body'], message: 'Too big' }] };
    const result = fail('invalid-payload', 'The payload is invalid.', details);
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-payload', message: 'The payload is invalid.', details },
    });
    expect(AckResult.parse(result)).toEqual(result);
  });

  it('every error code round-trips through fail() and resultOf()', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ErrorCode.options), fc.string(), (code, message) => {
        expect(resultOf(z.never()).parse(fail(code, message))).toEqual({
          ok: false,
          error: { code, message },
        });
      }),
    );
  });

  it('checks the data of a success against the schema', () => {
    expect(AckResult.safeParse({ ok: true, data: { ...ack, seq: -1 } }).success).toBe(false);
    expect(AckResult.safeParse({ ok: true }).success).toBe(false);
  });

  it('rejects mixed or malformed envelopes', () => {
    for (const bad of [
      { ok: false, data: ack },
      { ok: true, error: { code: 'internal', message: 'x' } },
      { ok: false, error: { code: 'no-such-code', message: 'x' } },
      { ok: false, error: { message: 'x' } },
      { ok: 'true', data: ack },
      { data: ack },
      'ok',
      null,
    ]) {
      expect(AckResult.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
