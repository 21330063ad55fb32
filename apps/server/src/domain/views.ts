import type {
  Attachment,
  AttachmentMimeType,
  Conversation,
  Message,
  VisitorConversation,
} from '@switchboard/protocol';
import type { AttachmentRecord, ConversationRecord, MessageRecord } from '../store/records.js';

/** Domain records → wire views. The only place that decides what each audience sees. */

export function toStaffConversation(c: ConversationRecord): Conversation {
  return {
    id: c.id,
    status: c.status,
    teamId: c.teamId,
    assignee: c.assigneeId === null ? null : { id: c.assigneeId, name: c.assigneeName ?? '' },
    visitor: { id: c.visitorId, name: c.visitorName, verified: c.visitorVerified, leftAt: c.visitorLeftAt },
    attributes: c.attributes,
    priority: c.priority,
    tags: c.tags,
    lastSeq: c.lastSeq,
    createdAt: c.createdAt,
    queuedAt: c.queuedAt,
    updatedAt: c.updatedAt,
    resolvedAt: c.resolvedAt,
    replyTo: c.replyTo,
    lastMessage: c.lastMessage,
  };
}

export function toVisitorConversation(c: ConversationRecord): VisitorConversation {
  return {
    id: c.id,
    status: c.status,
    agent: c.assigneeName === null ? null : { name: c.assigneeName },
    lastSeq: c.lastSeq,
    createdAt: c.createdAt,
    replyTo: c.replyTo,
  };
}

export function toAttachment(a: AttachmentRecord): Attachment {
  return {
    id: a.id,
    conversationId: a.conversationId,
    fileName: a.fileName,
    mimeType: a.mimeType as AttachmentMimeType,
    size: a.size,
    createdAt: a.createdAt,
  };
}

export function toMessage(m: MessageRecord): Message {
  return {
    conversationId: m.conversationId,
    seq: m.seq,
    clientMsgId: m.clientMsgId,
    sender: { kind: m.senderKind, id: m.senderId, name: m.senderName },
    body: m.body,
    visibility: m.visibility,
    attachment: m.attachment && toAttachment(m.attachment),
    createdAt: m.createdAt,
    ...(m.systemEvent ? { systemEvent: m.systemEvent } : {}),
    ...(m.via ? { via: m.via } : {}),
  };
}
