import { type Attachment, type ParsedMail, simpleParser } from 'mailparser';

/** The parts of a decoded email the server reads (parse-inbound.ts). */
export type DecodedEmail = Pick<
  ParsedMail,
  'headers' | 'from' | 'messageId' | 'inReplyTo' | 'references' | 'text' | 'html'
> & { attachments: Array<Pick<Attachment, 'filename' | 'contentType' | 'related' | 'content'>> };

/** Turns a raw MIME email into its parts: here, or on a thread of its own (mail-decoder-thread.ts). */
export type DecodeEmail = (raw: Buffer) => Promise<DecodedEmail>;

/**
 * mailparser's options: an HTML-only email is read by parse-inbound.ts from its start only, and no
 * HTML is made from text. The decoder thread is given the same.
 */
export const DECODE_OPTIONS = {
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
} as const;

/** Decodes on the calling thread: for tests, tools, and when the decoder thread cannot run. */
export const decodeHere: DecodeEmail = (raw) => simpleParser(raw, DECODE_OPTIONS);
