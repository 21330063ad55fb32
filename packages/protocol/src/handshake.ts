import { z } from 'zod';
import { User } from './auth.js';
import { ApiError } from './errors.js';
import { Id, Timestamp } from './primitives.js';

/** socket.io `auth` of every connection: the bearer credential and the protocol version. */
export const HandshakeAuth = z.strictObject({
  token: z.string().min(1).max(4096),
  protocolVersion: z.number().int().positive(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

export const Hello = z.object({
  protocolVersion: z.number().int(),
  /** Changes on every server start. A new epoch means: refetch assignments and queues, then resync. */
  epoch: Id,
  serverTime: Timestamp,
  principal: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('visitor'), visitorId: Id, verified: z.boolean() }),
    z.object({ kind: z.literal('staff'), user: User }),
  ]),
  /**
   * Staff only: the server emails the staff's answers to a left message's `replyTo`, this long
   * after the first of them unless the visitor reads them in the chat first. Null (or absent):
   * it sends no email.
   */
  answerEmails: z
    .object({
      delaySeconds: z.number().int().nonnegative(),
      /** The staff's files go with an email up to this many bytes in all (0, or absent: none). */
      attachmentMaxBytes: z.number().int().nonnegative().default(0),
    })
    .nullish(),
});
export type Hello = z.infer<typeof Hello>;

export const RequestError = z.object({ event: z.string(), error: ApiError });
export type RequestError = z.infer<typeof RequestError>;

export const SessionRevoked = z.object({
  reason: z.enum(['logout', 'password-changed', 'refresh-token-reused', 'deactivated', 'role-changed']),
});
export type SessionRevoked = z.infer<typeof SessionRevoked>;
