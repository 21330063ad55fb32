import type {
  ApiError,
  Attachment,
  Message,
  MessageAck,
  QueueUpdate,
  ReadUpdate,
  SyncResponse,
  TypingUpdate,
  VisitorConversation,
  VisitorSession,
} from '@switchboard/protocol';

// Hand checks of what the server sends, at the widget's boundary. The protocol's zod schemas would
// add about 90 KB gzip to chat.js (measured), over the whole widget's 40 KB budget. Each guard
// checks every field the widget reads; unknown extra fields are allowed (responses may grow).

export type Guard<T> = (value: unknown) => value is T;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';
const isSeq = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isNullableString = (v: unknown): v is string | null => v === null || typeof v === 'string';
const STATUSES = ['queued', 'assigned', 'resolved', 'offline'];

export const isAttachment: Guard<Attachment> = (v): v is Attachment =>
  isObject(v) && isString(v.id) && isString(v.fileName) && isString(v.mimeType) && typeof v.size === 'number';

export const isMessage: Guard<Message> = (v): v is Message =>
  isObject(v) &&
  isString(v.conversationId) &&
  isSeq(v.seq) &&
  isString(v.clientMsgId) &&
  isObject(v.sender) &&
  // Kinds added later (a bot, …) are shown like an agent's messages.
  isString(v.sender.kind) &&
  isNullableString(v.sender.name) &&
  isString(v.body) &&
  (v.attachment === null || isAttachment(v.attachment)) &&
  // A system message's words as data; the view checks its fields before using them.
  (v.systemEvent === undefined || isObject(v.systemEvent)) &&
  isString(v.createdAt);

export const isVisitorConversation: Guard<VisitorConversation> = (v): v is VisitorConversation =>
  isObject(v) &&
  isString(v.id) &&
  STATUSES.includes(v.status as string) &&
  (v.agent === null || (isObject(v.agent) && isString(v.agent.name))) &&
  isSeq(v.lastSeq) &&
  isString(v.createdAt) &&
  isNullableString(v.replyTo);

export const isConversationList: Guard<VisitorConversation[]> = (v): v is VisitorConversation[] =>
  Array.isArray(v) && v.every(isVisitorConversation);

export const isMessageAck: Guard<MessageAck> = (v): v is MessageAck =>
  isObject(v) && isString(v.clientMsgId) && isSeq(v.seq) && isString(v.createdAt);

export const isSyncResponse: Guard<SyncResponse> = (v): v is SyncResponse =>
  isObject(v) &&
  isString(v.conversationId) &&
  Array.isArray(v.messages) &&
  v.messages.every(isMessage) &&
  isSeq(v.lastSeq) &&
  typeof v.hasMore === 'boolean';

export const isQueueUpdate: Guard<QueueUpdate> = (v): v is QueueUpdate =>
  isObject(v) &&
  isString(v.conversationId) &&
  Number.isSafeInteger(v.position) &&
  (v.estimatedWaitSeconds === null || typeof v.estimatedWaitSeconds === 'number');

export const isTypingUpdate: Guard<TypingUpdate> = (v): v is TypingUpdate =>
  isObject(v) &&
  isString(v.conversationId) &&
  isObject(v.sender) &&
  isNullableString(v.sender.name) &&
  typeof v.typing === 'boolean';

export const isReadUpdate: Guard<ReadUpdate> = (v): v is ReadUpdate =>
  isObject(v) && isString(v.conversationId) && isObject(v.reader) && isSeq(v.seq);

export const isVisitorSession: Guard<VisitorSession> = (v): v is VisitorSession =>
  isObject(v) && isString(v.visitorId) && isString(v.visitorToken) && typeof v.verified === 'boolean';

export const isEmpty: Guard<Record<string, never>> = (v): v is Record<string, never> => isObject(v);

export const isApiError: Guard<ApiError> = (v): v is ApiError =>
  isObject(v) && isString(v.code) && isString(v.message);

export type Outcome<T> = { ok: true; data: T } | { ok: false; error: ApiError };

const MALFORMED: ApiError = { code: 'internal', message: 'The server sent something unexpected.' };

/** A Result envelope whose data passes `guard`; anything else becomes an `internal` failure. */
export function checkResult<T>(value: unknown, guard: Guard<T>): Outcome<T> {
  if (isObject(value) && value.ok === true && guard(value.data)) return { ok: true, data: value.data };
  if (isObject(value) && value.ok === false && isApiError(value.error))
    return { ok: false, error: value.error };
  return { ok: false, error: MALFORMED };
}

/** A conflict's reason code (`details.reason.code`, protocol `ConflictReason`), if the server sent one. */
export function conflictReason(error: ApiError): string | undefined {
  if (error.code !== 'conflict' || !isObject(error.details)) return undefined;
  const reason = error.details.reason;
  return isObject(reason) && isString(reason.code) ? reason.code : undefined;
}
