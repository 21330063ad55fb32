import { type MessageVia, SenderKind, SystemEvent, Visibility } from '@switchboard/protocol';
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { queueAnswerEmail } from './answer-emails.js';
import { getAttachment } from './attachments.js';
import { groupCommit, type ItemOutcome, inTransaction } from './group-commit.js';
import { jsonColumn } from './json-columns.js';
import type { Db } from './open-sqlite.js';
import { preparedQuery } from './prepared-query.js';
import type { AttachmentRecord, MessageRecord } from './records.js';

const messageColumns = [
  'm.conversation_id',
  'm.seq',
  'm.client_msg_id',
  'm.sender_kind',
  'm.sender_id',
  'm.sender_name',
  'm.body',
  'm.visibility',
  'm.created_at',
  'm.system_event',
  'm.via',
  'a.id as a_id',
  'a.file_name as a_file_name',
  'a.mime_type as a_mime_type',
  'a.size as a_size',
  'a.uploader_kind as a_uploader_kind',
  'a.uploader_id as a_uploader_id',
  'a.storage_name as a_storage_name',
  'a.created_at as a_created_at',
] as const;

interface Row {
  conversation_id: string;
  seq: number;
  client_msg_id: string;
  sender_kind: string;
  sender_id: string | null;
  sender_name: string | null;
  body: string;
  visibility: string;
  created_at: string;
  system_event: string | null;
  via: string | null;
  a_id: string | null;
  a_file_name: string | null;
  a_mime_type: string | null;
  a_size: number | null;
  a_uploader_kind: string | null;
  a_uploader_id: string | null;
  a_storage_name: string | null;
  a_created_at: string | null;
}

const parseSystemEvent = jsonColumn(SystemEvent, 100);

/** Stored by a version that knew other codes, or damaged: the message shows its English body. */
export function systemEventOf(text: string | null): SystemEvent | null {
  if (text === null) return null;
  try {
    return parseSystemEvent(text);
  } catch {
    return null;
  }
}

function rowToMessage(row: Row): MessageRecord {
  const attachment: AttachmentRecord | null =
    row.a_id === null
      ? null
      : {
          id: row.a_id,
          conversationId: row.conversation_id,
          uploaderKind: row.a_uploader_kind === 'visitor' ? 'visitor' : 'staff',
          uploaderId: row.a_uploader_id ?? '',
          fileName: row.a_file_name ?? '',
          mimeType: row.a_mime_type ?? '',
          size: row.a_size ?? 0,
          storageName: row.a_storage_name ?? '',
          createdAt: row.a_created_at ?? row.created_at,
        };
  return {
    conversationId: row.conversation_id,
    seq: row.seq,
    clientMsgId: row.client_msg_id,
    senderKind: SenderKind.parse(row.sender_kind),
    senderId: row.sender_id,
    senderName: row.sender_name,
    body: row.body,
    visibility: Visibility.parse(row.visibility),
    attachment,
    createdAt: row.created_at,
    systemEvent: systemEventOf(row.system_event),
    ...(row.via === 'email' ? { via: row.via } : {}),
  };
}

function selectMessages(db: Db) {
  return db
    .selectFrom('messages as m')
    .leftJoin('attachments as a', 'a.id', 'm.attachment_id')
    .select(messageColumns);
}

export interface NewMessage {
  conversationId: string;
  clientMsgId: string;
  senderKind: SenderKind;
  senderId: string | null;
  senderName: string | null;
  body: string;
  visibility: Visibility;
  attachmentId: string | null;
  /** System messages only: what `body` says, as data. */
  systemEvent?: SystemEvent;
  /** A staff answer to a left message: when to email it, queued in the same transaction. */
  emailDueAt?: string | undefined;
  /** Not from a chat client: a visitor's reply by email. */
  via?: MessageVia;
}

/**
 * The message takes the conversation's next seq in the same statement, so a refused insert (a
 * duplicate clientMsgId, a missing conversation) changes nothing; `setLastSeq` then records it.
 */
const insertNext = preparedQuery(
  (
    db,
    p: {
      conversationId: string;
      clientMsgId: string;
      senderKind: string;
      senderId: string | null;
      senderName: string | null;
      body: string;
      visibility: string;
      attachmentId: string | null;
      createdAt: string;
      systemEventJson: string | null;
      via: string | null;
    },
  ) =>
    db
      .insertInto('messages')
      .columns([
        'conversation_id',
        'seq',
        'client_msg_id',
        'sender_kind',
        'sender_id',
        'sender_name',
        'body',
        'visibility',
        'attachment_id',
        'created_at',
        'system_event',
        'via',
      ])
      .expression(
        db
          .selectFrom('conversations')
          .select([
            'id',
            sql<number>`last_seq + 1`.as('seq'),
            sql.val(p.clientMsgId).as('client_msg_id'),
            sql.val(p.senderKind).as('sender_kind'),
            sql.val(p.senderId).as('sender_id'),
            sql.val(p.senderName).as('sender_name'),
            sql.val(p.body).as('body'),
            sql.val(p.visibility).as('visibility'),
            sql.val(p.attachmentId).as('attachment_id'),
            sql.val(p.createdAt).as('created_at'),
            sql.val(p.systemEventJson).as('system_event'),
            sql.val(p.via).as('via'),
          ])
          .where('id', '=', p.conversationId),
      )
      .returning('seq'),
  [
    'clientMsgId',
    'senderKind',
    'senderId',
    'senderName',
    'body',
    'visibility',
    'attachmentId',
    'createdAt',
    'systemEventJson',
    'via',
    'conversationId',
  ],
);

const setLastSeq = preparedQuery(
  (db, p: { id: string; seq: number | string; at: string }) =>
    db
      .updateTable('conversations')
      .set({ last_seq: p.seq as number, updated_at: p.at })
      .where('id', '=', p.id),
  ['seq', 'at', 'id'],
);

type Append = Omit<NewMessage, 'via'> & {
  createdAt: string;
  systemEventJson: string | null;
  via: string | null;
};

async function applyAppend(trx: Db, m: Append): Promise<ItemOutcome<number>> {
  let rows: Array<{ seq: number }>;
  try {
    rows = await insertNext(trx, m);
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error };
    throw error;
  }
  const seq = rows[0]?.seq;
  if (seq === undefined) return missingConversation(m);
  await setLastSeq(trx, { id: m.conversationId, seq, at: m.createdAt });
  if (m.emailDueAt !== undefined)
    await queueAnswerEmail(trx, { conversationId: m.conversationId, dueAt: m.emailDueAt });
  return { ok: true, value: seq };
}

/** `applyAppend` inside a transaction already open on the raw connection. */
function applyAppendNow(db: Db, sqlite: BetterSqlite3.Database, m: Append): ItemOutcome<number> {
  let rows: Array<{ seq: number }>;
  try {
    rows = insertNext.now(sqlite, db, m);
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error };
    throw error;
  }
  const seq = rows[0]?.seq;
  if (seq === undefined) return missingConversation(m);
  setLastSeq.now(sqlite, db, { id: m.conversationId, seq, at: m.createdAt });
  if (m.emailDueAt !== undefined)
    queueAnswerEmail.now(sqlite, db, { conversationId: m.conversationId, dueAt: m.emailDueAt });
  return { ok: true, value: seq };
}

function missingConversation(m: Append): ItemOutcome<number> {
  return { ok: false, error: new Error(`conversation ${m.conversationId} does not exist`) };
}

const appenders = new WeakMap<Db, (m: Append) => Promise<number>>();

function appenderFor(db: Db): (m: Append) => Promise<number> {
  let append = appenders.get(db);
  if (!append) {
    append = groupCommit(inTransaction(db, applyAppend, (sqlite, m) => applyAppendNow(db, sqlite, m)));
    appenders.set(db, append);
  }
  return append;
}

/**
 * Commits a message and gives it the conversation's next seq, in one transaction shared with
 * the other appends of this event-loop turn (group commit); resolves only after the commit.
 * A message whose clientMsgId is already stored in the conversation is returned as it was
 * (`created: false`): retries are idempotent.
 */
export async function appendMessage(
  db: Db,
  m: NewMessage,
): Promise<{ message: MessageRecord; created: boolean }> {
  const createdAt = new Date().toISOString();
  let seq: number;
  try {
    const systemEventJson = m.systemEvent === undefined ? null : JSON.stringify(m.systemEvent);
    seq = await appenderFor(db)({ ...m, createdAt, systemEventJson, via: m.via ?? null });
  } catch (error) {
    // The unique (conversation, clientMsgId) index caught a retry racing its original.
    const existing = isUniqueViolation(error)
      ? await getMessageByClientId(db, m.conversationId, m.clientMsgId)
      : undefined;
    if (existing) return { message: existing, created: false };
    throw error;
  }
  const attachment = m.attachmentId === null ? null : ((await getAttachment(db, m.attachmentId)) ?? null);
  return {
    message: {
      conversationId: m.conversationId,
      seq,
      clientMsgId: m.clientMsgId,
      senderKind: m.senderKind,
      senderId: m.senderId,
      senderName: m.senderName,
      body: m.body,
      visibility: m.visibility,
      attachment,
      createdAt,
      systemEvent: m.systemEvent ?? null,
      ...(m.via ? { via: m.via } : {}),
    },
    created: true,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Ascending seq after `afterSeq`; `visibleToVisitor` drops internal notes. */
export async function messagesAfter(
  db: Db,
  conversationId: string,
  afterSeq: number,
  limit: number,
  visibleToVisitor: boolean,
): Promise<MessageRecord[]> {
  let query = selectMessages(db)
    .where('m.conversation_id', '=', conversationId)
    .where('m.seq', '>', afterSeq);
  if (visibleToVisitor) query = query.where('m.visibility', '=', 'all');
  const rows = await query.orderBy('m.seq', 'asc').limit(limit).execute();
  return rows.map(rowToMessage);
}

/** The `limit` messages just before `beforeSeq` (exclusive), returned in ascending seq. */
export async function messagesBefore(
  db: Db,
  conversationId: string,
  beforeSeq: number,
  limit: number,
  visibleToVisitor: boolean,
): Promise<MessageRecord[]> {
  let query = selectMessages(db)
    .where('m.conversation_id', '=', conversationId)
    .where('m.seq', '<', beforeSeq);
  if (visibleToVisitor) query = query.where('m.visibility', '=', 'all');
  const rows = await query.orderBy('m.seq', 'desc').limit(limit).execute();
  return rows.map(rowToMessage).reverse();
}

/** Moves a reader's mark forward only; returns the stored mark. */
export async function markRead(
  db: Db,
  conversationId: string,
  readerId: string,
  seq: number,
): Promise<number> {
  const now = new Date().toISOString();
  const row = await db
    .insertInto('read_marks')
    .values({ conversation_id: conversationId, reader_id: readerId, seq, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['conversation_id', 'reader_id']).doUpdateSet({
        seq: sql`max(read_marks.seq, excluded.seq)`,
        updated_at: now,
      }),
    )
    .returning('seq')
    .executeTakeFirstOrThrow();
  return row.seq;
}

const messageByClientId = preparedQuery(
  (db, p: { conversationId: string; clientMsgId: string }) =>
    selectMessages(db)
      .where('m.conversation_id', '=', p.conversationId)
      .where('m.client_msg_id', '=', p.clientMsgId),
  ['conversationId', 'clientMsgId'],
);

export async function getMessageByClientId(
  db: Db,
  conversationId: string,
  clientMsgId: string,
): Promise<MessageRecord | undefined> {
  const [row] = await messageByClientId(db, { conversationId, clientMsgId });
  return row && rowToMessage(row);
}
