import EmailReplyParser from 'email-reply-parser';
import { type AddressObject, type HeaderValue, simpleParser } from 'mailparser';
import type { InboundEmail } from '../domain/email/inbound-emails.js';
import { DomainError } from '../domain/errors.js';

/** The `Precedence` values mailing lists and autoresponders send (RFC 3834, section 2). */
const AUTOMATIC_PRECEDENCE = new Set(['bulk', 'junk', 'list', 'auto_reply']);

/**
 * Reads a raw MIME email as a mail gateway received it: who sent it, which of our emails it
 * answers, what the sender wrote above the quoted answer (quotes and signature cut), and the files
 * they attached. Images a mail program embedded in its HTML (a signature's logo) are not files.
 */
export async function parseInboundEmail(raw: Buffer): Promise<InboundEmail> {
  const mail = await simpleParser(raw, {
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
  });
  const from = firstAddress(mail.from);
  if (!from) throw new DomainError('invalid-payload', 'The email has no From address.');
  return {
    messageId: mail.messageId ?? null,
    from,
    references: [...idsIn(mail.inReplyTo), ...[mail.references ?? []].flat().flatMap(idsIn)],
    automatic: isAutomatic(mail.headers),
    text: visibleReply(mail.text ?? ''),
    files: mail.attachments
      .filter((file) => !file.related)
      .map((file) => ({ fileName: file.filename ?? 'file', bytes: file.content })),
  };
}

/** What the sender wrote, without the quoted email below it or their signature. */
export function visibleReply(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n');
  return new EmailReplyParser().parseReply(normalized).trim();
}

/** The sender's address, lower case; null when `From` holds nothing like `local@domain`. */
function firstAddress(from: AddressObject | undefined): string | null {
  const address = from?.value
    .find((a) => a.address)
    ?.address?.trim()
    .toLowerCase();
  return address && /^[^@\s]+@[^@\s]+$/.test(address) ? address : null;
}

/** Each `<id>` in a header that lists message ids. */
function idsIn(value: string | undefined): string[] {
  return value?.match(/<[^<>\s]+>/g) ?? [];
}

function isAutomatic(headers: Map<string, HeaderValue>): boolean {
  const text = (name: string): string | null => {
    const value = headers.get(name);
    if (value === undefined) return null;
    // mailparser gives structured headers as { value, params }.
    const plain = typeof value === 'string' ? value : 'value' in value ? value.value : '';
    return String(plain).trim().toLowerCase();
  };
  const autoSubmitted = text('auto-submitted');
  if (autoSubmitted !== null && autoSubmitted !== 'no') return true;
  if (text('x-autoreply') !== null || text('x-autorespond') !== null) return true;
  const precedence = text('precedence');
  return precedence !== null && AUTOMATIC_PRECEDENCE.has(precedence);
}
