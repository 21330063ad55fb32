import { z } from 'zod';

/** Stable, kebab-case error codes. Clients switch on these; messages are for humans. */
export const ErrorCode = z.enum([
  'invalid-payload',
  'unknown-event',
  'unauthenticated',
  'token-invalid',
  'token-expired',
  'session-revoked',
  'refresh-token-reused',
  'invalid-credentials',
  'forbidden',
  'not-found',
  'conflict',
  'conversation-closed',
  'rate-limited',
  'payload-too-large',
  'unsupported-media-type',
  'protocol-version-unsupported',
  'origin-not-allowed',
  'identity-required',
  'identity-invalid',
  'banned',
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/**
 * Why a `conflict` happened, as data a client words in its own language (the message says the
 * same in English). Sent as the error's `details: { reason }` where the server knows it.
 */
export const ConflictReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('agent-unavailable'), agent: z.string() }),
  z.object({ code: z.literal('agent-at-capacity'), agent: z.string() }),
  z.object({ code: z.literal('already-theirs') }),
  z.object({ code: z.literal('already-yours') }),
  z.object({ code: z.literal('offer-closed') }),
  z.object({ code: z.literal('no-longer-queued') }),
  z.object({ code: z.literal('already-answered') }),
  z.object({ code: z.literal('already-resolved') }),
  /** Resolved or left as a message: no longer queued or assigned. */
  z.object({ code: z.literal('not-open') }),
  /** Erasing a visitor: one of their conversations is still queued or assigned. */
  z.object({ code: z.literal('conversation-open') }),
  z.object({ code: z.literal('shortcut-taken'), shortcut: z.string() }),
  z.object({ code: z.literal('email-in-use') }),
  /** A `clientMsgId` another sender already used in the conversation. */
  z.object({ code: z.literal('client-msg-id-taken') }),
  /** Leaving a message: an agent took the chat, or it ended, just before. */
  z.object({ code: z.literal('agent-joined') }),
  z.object({ code: z.literal('chat-ended') }),
  /** A rating: the chat is not resolved yet, or it was rated already. */
  z.object({ code: z.literal('not-resolved') }),
  z.object({ code: z.literal('already-rated') }),
]);
export type ConflictReason = z.infer<typeof ConflictReason>;

/** The one result envelope of every socket ack and every REST response body. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export function resultOf<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: ApiError }),
  ]);
}

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, details?: unknown): Result<never> {
  return details === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, details } };
}

/** HTTP status used by the REST API for each code. */
export const httpStatusOf: Record<ErrorCode, number> = {
  'invalid-payload': 400,
  'unknown-event': 400,
  unauthenticated: 401,
  'token-invalid': 401,
  'token-expired': 401,
  'session-revoked': 401,
  'refresh-token-reused': 401,
  'invalid-credentials': 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'conversation-closed': 409,
  'rate-limited': 429,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'protocol-version-unsupported': 426,
  'origin-not-allowed': 403,
  'identity-required': 401,
  'identity-invalid': 401,
  banned: 403,
  unavailable: 503,
  internal: 500,
};
