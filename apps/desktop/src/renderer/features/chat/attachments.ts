import type { Attachment, AttachmentMimeType } from '@switchboard/protocol';
import { BlobUrlCache, type CachedBlob } from '../../api/blob-url-cache.js';
import { runtime } from '../../app/runtime.js';
import { SharedCalls } from '../../app/shared-calls.js';
import { useSession } from '../session/store.js';

/** The only types shown inline, checked on the server's answer: never SVG or HTML (SECURITY S9). */
const INLINE_IMAGE_TYPES: ReadonlySet<string> = new Set<AttachmentMimeType>([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
]);

export function isInlineImage(type: string): boolean {
  return INLINE_IMAGE_TYPES.has(type);
}

/** The page's attachments as `blob:` URLs, so that a bubble scrolled back into view does not fetch again. */
const cache = new BlobUrlCache({ maxEntries: 50, maxBytes: 100 * 1024 * 1024 });
const inFlight = new SharedCalls<CachedBlob | null>();
/** Bumped on logout: a download still running for the old session is dropped when it ends. */
let generation = 0;

export function cachedAttachment(attachmentId: string): CachedBlob | undefined {
  return cache.get(attachmentId);
}

/** The attachment as a `blob:` URL, from the cache or fetched once (concurrent callers share it); `null` on failure. */
export function loadAttachment(attachment: Attachment): Promise<CachedBlob | null> {
  const cached = cache.get(attachment.id);
  if (cached) return Promise.resolve(cached);
  return inFlight.run(attachment.id, () => fetchIntoCache(attachment.id));
}

async function fetchIntoCache(attachmentId: string): Promise<CachedBlob | null> {
  const connection = runtime.connection;
  if (!connection) return null;
  const started = generation;
  const result = await connection.rest('downloadAttachment', { params: { attachmentId } });
  if (!result.ok || started !== generation) return null;
  const file = result.data;
  // Anything but an allowed image becomes opaque bytes: its URL can be saved, never rendered.
  const type = isInlineImage(file.type) ? file.type : 'application/octet-stream';
  const entry = { url: URL.createObjectURL(new Blob([file.blob], { type })), type, size: file.blob.size };
  cache.set(attachmentId, entry);
  return entry;
}

/** Saves the attachment under its file name; `null` when it could not be fetched. */
export async function saveAttachment(attachment: Attachment): Promise<CachedBlob | null> {
  const entry = await loadAttachment(attachment);
  if (!entry) return null;
  const link = document.createElement('a');
  link.href = entry.url;
  link.download = attachment.fileName;
  link.click();
  return entry;
}

/** The files of erased conversations: their `blob:` URLs revoked, the bytes freed. */
export function forgetAttachments(attachmentIds: Iterable<string>): void {
  for (const id of attachmentIds) cache.delete(id);
}

function clearAttachments(): void {
  generation += 1;
  inFlight.clear();
  cache.clear();
}

useSession.subscribe((state, previous) => {
  if (previous.phase === 'ready' && state.phase !== 'ready') clearAttachments();
});
