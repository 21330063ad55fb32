import type { Db } from './open-sqlite.js';
import type { AttachmentRecord } from './records.js';

export async function insertAttachment(db: Db, a: AttachmentRecord): Promise<void> {
  await db
    .insertInto('attachments')
    .values({
      id: a.id,
      conversation_id: a.conversationId,
      uploader_kind: a.uploaderKind,
      uploader_id: a.uploaderId,
      file_name: a.fileName,
      mime_type: a.mimeType,
      size: a.size,
      storage_name: a.storageName,
      created_at: a.createdAt,
    })
    .execute();
}

export async function getAttachment(db: Db, id: string): Promise<AttachmentRecord | undefined> {
  const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    row && {
      id: row.id,
      conversationId: row.conversation_id,
      uploaderKind: row.uploader_kind === 'visitor' ? 'visitor' : 'staff',
      uploaderId: row.uploader_id,
      fileName: row.file_name,
      mimeType: row.mime_type,
      size: row.size,
      storageName: row.storage_name,
      createdAt: row.created_at,
    }
  );
}

/** The visibility of the messages that carry this attachment ('all' wins). */
export async function attachmentShownToVisitor(db: Db, attachmentId: string): Promise<boolean> {
  return (await attachmentShownQuery(db, attachmentId).executeTakeFirst()) !== undefined;
}

/** A visitor's every download asks it (its plan is tested: it read every message, 250 ms). */
export function attachmentShownQuery(db: Db, attachmentId: string) {
  return db
    .selectFrom('messages')
    .select('id')
    .where('attachment_id', '=', attachmentId)
    .where('visibility', '=', 'all');
}

/** Every stored file's name: the start-up sweep keeps these. */
export async function allStorageNames(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('attachments').select('storage_name').execute();
  return rows.map((r) => r.storage_name);
}
