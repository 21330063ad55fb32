import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AttachmentMimeType } from '@switchboard/protocol';
import { fileTypeFromBuffer } from 'file-type';
import {
  allStorageNames,
  attachmentShownToVisitor,
  getAttachment,
  insertAttachment,
} from '../store/attachments.js';
import { getConversation } from '../store/conversations.js';
import type { Db } from '../store/open-sqlite.js';
import type { AttachmentRecord } from '../store/records.js';
import { DomainError } from './errors.js';
import { assertCanRead } from './policy.js';
import type { Principal } from './principal.js';

/** Extension → the one type its bytes must prove to be. SVG and HTML are never accepted. */
const ALLOWED: Record<string, AttachmentMimeType> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

export class AttachmentService {
  constructor(
    private readonly db: Db,
    private readonly directory: string,
  ) {}

  async upload(
    principal: Principal,
    conversationId: string,
    fileName: string,
    bytes: Buffer,
  ): Promise<AttachmentRecord> {
    const conversation = assertCanRead(principal, await getConversation(this.db, conversationId));
    if (conversation.status === 'resolved')
      throw new DomainError('conversation-closed', 'This conversation is resolved.');
    const mimeType = await attachmentTypeOf(fileName, bytes);
    const uploader =
      principal.kind === 'visitor'
        ? { kind: 'visitor' as const, id: principal.visitorId }
        : { kind: 'staff' as const, id: principal.userId };
    return this.store(conversation.id, uploader, fileName, mimeType, bytes);
  }

  /** Keeps a file whose type `attachmentTypeOf` proved, for the conversation's messages to carry. */
  async store(
    conversationId: string,
    uploader: { kind: 'visitor' | 'staff'; id: string },
    fileName: string,
    mimeType: AttachmentMimeType,
    bytes: Buffer,
  ): Promise<AttachmentRecord> {
    const record: AttachmentRecord = {
      id: randomUUID(),
      conversationId,
      uploaderKind: uploader.kind,
      uploaderId: uploader.id,
      fileName: cleanFileName(fileName),
      mimeType,
      size: bytes.length,
      storageName: randomUUID(),
      createdAt: new Date().toISOString(),
    };
    await mkdir(this.directory, { recursive: true });
    await writeFile(this.pathOf(record), bytes, { flag: 'wx' });
    await insertAttachment(this.db, record);
    return record;
  }

  /** Visitors get their own uploads and files shown to them; staff whatever they can read. */
  async forDownload(
    principal: Principal,
    attachmentId: string,
  ): Promise<{ record: AttachmentRecord; file: string }> {
    const record = await getAttachment(this.db, attachmentId);
    const notFound = new DomainError('not-found', 'No such attachment.');
    if (!record) throw notFound;
    const conversation = await getConversation(this.db, record.conversationId);
    try {
      assertCanRead(principal, conversation);
    } catch {
      throw notFound;
    }
    if (
      principal.kind === 'visitor' &&
      record.uploaderId !== principal.visitorId &&
      !(await attachmentShownToVisitor(this.db, record.id))
    ) {
      throw notFound;
    }
    return { record, file: this.pathOf(record) };
  }

  pathOf(record: AttachmentRecord): string {
    return path.join(this.directory, record.storageName);
  }

  /** Deletes stored files by their storage names (an erased visitor's); a missing one is fine. */
  async deleteFiles(storageNames: readonly string[]): Promise<void> {
    for (const name of storageNames)
      await rm(path.join(this.directory, path.basename(name)), { force: true });
  }

  /**
   * At start, before anything is uploaded: deletes files no attachment row names (an upload
   * that crashed between its file and its row, or an erasure between its commit and its files).
   * Answers how many went.
   */
  async sweepOrphans(): Promise<number> {
    const files = await readdir(this.directory).catch(() => [] as string[]);
    if (files.length === 0) return 0;
    const known = new Set(await allStorageNames(this.db));
    const orphans = files.filter((file) => !known.has(file));
    await this.deleteFiles(orphans);
    return orphans.length;
  }
}

/**
 * The one type a file may be stored as: its name's extension says which, and its bytes must prove
 * it; anything else is an `unsupported-media-type` DomainError.
 */
export async function attachmentTypeOf(fileName: string, bytes: Buffer): Promise<AttachmentMimeType> {
  const extension = path.extname(fileName).slice(1).toLowerCase();
  const declared = ALLOWED[extension];
  if (!declared) {
    throw new DomainError('unsupported-media-type', `Files of type .${extension || '?'} are not accepted.`, {
      allowed: Object.keys(ALLOWED),
    });
  }
  const detected = await fileTypeFromBuffer(bytes);
  if (detected?.mime !== declared) {
    throw new DomainError('unsupported-media-type', 'The file content does not match its extension.');
  }
  return declared;
}

/** Keeps a display name only: no directories, no control characters, bounded length. */
function cleanFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (cleaned || 'file').slice(0, 200);
}
