import EmailReplyParser from 'email-reply-parser';
import { htmlToText } from 'html-to-text';
import type { AddressObject, HeaderValue, StructuredHeader } from 'mailparser';
import type { InboundBounce, InboundEmail } from '../domain/email/inbound-emails.js';
import { DomainError } from '../domain/errors.js';
import { type DecodedEmail, type DecodeEmail, decodeHere } from './decode-email.js';

/** The `Precedence` values mailing lists and autoresponders send (RFC 3834, section 2). */
const AUTOMATIC_PRECEDENCE = new Set(['bulk', 'junk', 'list', 'auto_reply']);

/**
 * Reads a raw MIME email as a mail gateway received it: who sent it, which of our emails it
 * answers, what the sender wrote above the quoted answer (quotes and signature cut), and the files
 * they attached. Images a mail program embedded in its HTML (a signature's logo) are not files.
 * `decode` does the MIME decoding: the server's runs on a thread of its own (mail-decoder-thread.ts).
 */
export async function parseInboundEmail(
  raw: Buffer,
  decode: DecodeEmail = decodeHere,
): Promise<InboundEmail> {
  const mail = await decode(raw);
  const from = firstAddress(mail.from);
  if (!from) throw new DomainError('invalid-payload', 'The email has no From address.');
  return {
    messageId: mail.messageId ?? null,
    from,
    bounce: isDeliveryReport(mail.headers) ? deliveryFailure(mail.text ?? '', mail.attachments) : null,
    references: [...idsIn(mail.inReplyTo), ...[mail.references ?? []].flat().flatMap(idsIn)],
    automatic: isAutomatic(mail.headers),
    text: visibleReply(mail.text || (typeof mail.html === 'string' ? htmlAsText(mail.html) : '')),
    files: mail.attachments
      .filter((file) => !file.related)
      .map((file) => ({ fileName: file.filename ?? 'file', bytes: file.content })),
  };
}

/**
 * What a delivery status notification (RFC 3464) says about the first recipient it reports on.
 * mailparser gives its `message/delivery-status` part as text and the returned message's headers
 * as a `text/rfc822-headers` attachment.
 */
function deliveryFailure(text: string, parts: DecodedEmail['attachments']): InboundBounce {
  const field = (name: string) => {
    const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\n[ \\t]+.*)*)`, 'im').exec(text);
    return match?.[1]?.replace(/\s+/g, ' ').trim() ?? null;
  };
  const recipient = (name: string) =>
    field(name)
      ?.replace(/^rfc822;\s*/i, '')
      .toLowerCase() ?? null;
  const returned = parts.find((part) => /^(text\/rfc822-headers|message\/rfc822)$/i.test(part.contentType));
  const originalId = returned
    ? /^Message-ID:\s*(<[^<>\s]+>)/im.exec(returned.content.toString('utf8'))
    : null;
  return {
    originalMessageId: originalId?.[1] ?? null,
    recipients: [recipient('Final-Recipient'), recipient('Original-Recipient')].filter((r) => r !== null),
    failed: field('Action')?.toLowerCase() === 'failed',
    status: field('Status'),
    diagnostic: field('Diagnostic-Code')?.replace(/^[\w-]+;\s*/, '') ?? null,
  };
}

function isDeliveryReport(headers: Map<string, HeaderValue>): boolean {
  const type = headers.get('content-type') as StructuredHeader | undefined;
  return (
    String(type?.value).toLowerCase() === 'multipart/report' &&
    type?.params['report-type']?.toLowerCase() === 'delivery-status'
  );
}

/**
 * How much of an email's text is searched for the reply: a message holds 5,000 characters, and
 * the reply comes first. The parser's patterns take time that grows with the square of a line's
 * length, and anyone can send an email, so long lines are split for it and joined again after.
 */
const SCAN_CHARS = 10_000;
const HTML_SCAN_CHARS = 50_000;
const SCAN_LINE_CHARS = 1_000;
/** Starts a line the split made (a private-use character: never in what people write). */
const CONTINUED = '\uE000';

/**
 * An HTML-only email's text, from the first `HTML_SCAN_CHARS` of its markup: converting takes
 * about half a second per megabyte of markup (a long table), and the reply comes first.
 */
function htmlAsText(html: string): string {
  return htmlToText(html.slice(0, HTML_SCAN_CHARS), {
    wordwrap: false,
    // Deeper nesting than real markup has is where the converter's time and stack go.
    limits: { maxDepth: 500 },
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
    ],
  });
}

/** What the sender wrote, without the quoted email below it or their signature. */
export function visibleReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').slice(0, SCAN_CHARS).split('\n').flatMap(splitLong);
  const reply = new EmailReplyParser().parseReply(lines.join('\n'));
  return reply.replaceAll(`\n${CONTINUED}`, '').replaceAll(CONTINUED, '').trim();
}

/** A line longer than the scan's limit as several, each piece after the first marked. */
function splitLong(line: string): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > SCAN_LINE_CHARS) {
    // At a space in the second half, so that each piece is at least half a line long.
    const space = rest.lastIndexOf(' ', SCAN_LINE_CHARS);
    const cut = space > SCAN_LINE_CHARS / 2 ? space : SCAN_LINE_CHARS;
    pieces.push(rest.slice(0, cut));
    rest = CONTINUED + rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
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
