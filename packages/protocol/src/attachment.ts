import { z } from 'zod';
import { Id, Timestamp } from './primitives.js';

/** File types accepted for upload; each is checked by extension AND by its magic bytes. */
export const AttachmentMimeType = z.enum([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
]);
export type AttachmentMimeType = z.infer<typeof AttachmentMimeType>;

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export const Attachment = z.object({
  id: Id,
  conversationId: Id,
  fileName: z.string(),
  mimeType: AttachmentMimeType,
  size: z.number().int().nonnegative(),
  createdAt: Timestamp,
});
export type Attachment = z.infer<typeof Attachment>;
