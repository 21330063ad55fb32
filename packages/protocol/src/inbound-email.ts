import { z } from 'zod';
import { Id } from './primitives.js';

/**
 * What the server made of an email a mail gateway posted (`POST /api/email/inbound`):
 * - `stored`: its messages are in the conversation now;
 * - `duplicate`: the same email (its `Message-ID`) was stored before: nothing changed;
 * - `ignored`: an automatic reply (out of office, `Auto-Submitted`) or nothing written above the
 *   quoted answer, or a delivery report that is not a failure (delayed): nothing changed;
 * - `bounced`: a delivery status notification saying one of our answer emails failed: the staff
 *   got an `email-failed` note in the conversation.
 * An email that answers no conversation, or not from the conversation's visitor, is refused
 * with an error instead (`not-found`, `forbidden`).
 */
export const InboundEmailReceipt = z.object({
  outcome: z.enum(['stored', 'duplicate', 'ignored', 'bounced']),
  conversationId: Id,
  /** Messages stored from this email now: its text first, then one per accepted file (a bounce: its note). */
  messages: z.number().int().nonnegative(),
  /** Files the email carried that were not accepted (type or size), by name; named in its text. */
  refusedFiles: z.array(z.string()),
  /** The conversation had been resolved: it is among the left messages again. */
  reopened: z.boolean(),
});
export type InboundEmailReceipt = z.infer<typeof InboundEmailReceipt>;
