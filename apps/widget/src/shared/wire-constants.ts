import type { AttachmentMimeType, PROTOCOL_VERSION as ProtocolVersion } from '@switchboard/protocol';

// Copies of protocol constants: importing the protocol's values would bundle zod (about 90 KB gzip).
// The types pin the version; test/wire-constants.test.ts checks the rest against the protocol.

export const PROTOCOL_VERSION: typeof ProtocolVersion = 2;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_TYPES: readonly AttachmentMimeType[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
];
export const MESSAGE_BODY_MAX = 5000;
