import { type ApiError, ErrorCode, type Result, resultOf } from '@switchboard/protocol';
import type { z } from 'zod';

/** What the page says when the server's answer is not the protocol's. */
const MALFORMED: ApiError = { code: 'internal', message: 'The server sent an answer this app cannot read.' };

/**
 * A result envelope (a socket ack, a REST body) read through the protocol's schema for its answer:
 * the server is a boundary like any other. An error whose code this version does not know (a
 * newer server's) keeps its message and reads as `internal`. Null for anything else, said on the
 * console by field, never with what it held.
 */
export function readResult<S extends z.ZodType>(schema: S, value: unknown): Result<z.output<S>> | null {
  const parsed = resultOf(schema).safeParse(value);
  if (parsed.success) return parsed.data as Result<z.output<S>>;
  const error = (value as { ok?: unknown; error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (
    (value as { ok?: unknown } | null)?.ok === false &&
    typeof error?.code === 'string' &&
    typeof error.message === 'string' &&
    !ErrorCode.safeParse(error.code).success
  ) {
    return { ok: false, error: { code: 'internal', message: error.message.slice(0, 1000) } };
  }
  reportUnreadable('answer', parsed.error);
  return null;
}

/** A socket ack as `readResult` reads it; unreadable, an `internal` failure. */
export function readAck<S extends z.ZodType>(schema: S, value: unknown): Result<z.output<S>> {
  return readResult(schema, value) ?? { ok: false, error: MALFORMED };
}

/**
 * A push read through its schema: its payload, or null (then dropped, and said on the console by
 * event and field, never with what it held).
 */
export function readPush<S extends z.ZodType>(
  event: string,
  schema: S,
  payload: unknown,
): z.output<S> | null {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  reportUnreadable(event, parsed.error);
  return null;
}

function reportUnreadable(what: string, error: z.ZodError): void {
  const fields = error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`);
  console.error(`Dropped a server ${what} this app cannot read`, fields);
}
