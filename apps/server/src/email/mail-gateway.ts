import { createHash, timingSafeEqual } from 'node:crypto';
import type { InboundEmailReceipt } from '@switchboard/protocol';
import type { Logger } from 'pino';
import type { InboundEmails } from '../domain/email/inbound-emails.js';
import { DomainError } from '../domain/errors.js';
import type { DecodeEmail } from './decode-email.js';
import { parseInboundEmail } from './parse-inbound.js';

/** The door a mail gateway posts visitors' replies through (`POST /api/email/inbound`). */
export interface MailGateway {
  /** The largest email accepted, in bytes. */
  maxBytes: number;
  /**
   * Throws unless `authorization` is `Bearer <the configured secret>` (`unauthenticated`); with no
   * secret configured the endpoint is off (`not-found`).
   */
  authenticate(authorization: string | undefined): void;
  /** Reads the raw MIME email and stores it in the conversation it answers. */
  receive(raw: Buffer): Promise<InboundEmailReceipt>;
}

export interface MailGatewayOptions {
  /** `email.inboundSecret`; without one the endpoint is off. */
  secret: string | undefined;
  /** `email.inboundMaxBytes`. */
  maxBytes: number;
  inbound: InboundEmails;
  /** Where the MIME email is decoded (the decoder thread in the server). */
  decode: DecodeEmail;
  logger: Logger;
}

export function mailGateway({ secret, maxBytes, inbound, decode, logger }: MailGatewayOptions): MailGateway {
  const expected = secret === undefined ? null : digest(secret);
  return {
    maxBytes,
    authenticate(authorization) {
      if (expected === null) throw new DomainError('not-found', 'Replies by email are not configured here.');
      const given = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
      if (!given) throw new DomainError('unauthenticated', 'Send Authorization: Bearer <inbound secret>.');
      // Compared as digests: equal lengths, and no timing that tells how much of it matched.
      if (!timingSafeEqual(digest(given), expected))
        throw new DomainError('unauthenticated', 'Wrong inbound email secret.');
    },
    receive: async (raw) => {
      const receipt = await inbound.receive(await parseInboundEmail(raw, decode));
      // The conversation and what became of the email; never an address or what it says.
      const { outcome, conversationId, messages, refusedFiles, reopened } = receipt;
      logger.info(
        { outcome, conversationId, messages, refused: refusedFiles.length, reopened },
        'inbound email',
      );
      return receipt;
    },
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
