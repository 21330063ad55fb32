import type {
  ConversationStatus,
  LastMessage,
  MessageVia,
  PageTracking,
  Role,
  SenderKind,
  SystemEvent,
  Visibility,
  VisitorAttributes,
} from '@switchboard/protocol';

/** Domain records as the store hands them out (camelCase, parsed). Never sent as-is on the wire. */

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  active: boolean;
}

export interface WidgetRecord {
  id: string;
  name: string;
  secret: string;
  allowedOrigins: string[];
  identityMode: 'optional' | 'enforce';
  teamId: string | null;
  pageTracking: PageTracking;
  /** Staff see what visitors type before they send it. */
  typingPreview: boolean;
}

export interface VisitorRecord {
  id: string;
  widgetId: string;
  externalId: string | null;
  name: string | null;
  email: string | null;
  verified: boolean;
}

export interface ConversationRecord {
  id: string;
  visitorId: string;
  visitorName: string | null;
  visitorVerified: boolean;
  /** When the visitor's last connection closed; null while one is open. */
  visitorLeftAt: string | null;
  widgetId: string;
  teamId: string | null;
  status: ConversationStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  attributes: VisitorAttributes;
  priority: 'normal' | 'vip';
  tags: string[];
  lastSeq: number;
  createdAt: string;
  queuedAt: string | null;
  updatedAt: string;
  resolvedAt: string | null;
  replyTo: string | null;
  lastMessage: LastMessage | null;
}

/** What authorizing and fanning out a message needs of its conversation: one row, no joins. */
export type ConversationAccess = Pick<
  ConversationRecord,
  'id' | 'visitorId' | 'teamId' | 'assigneeId' | 'status' | 'replyTo'
>;

export interface MessageRecord {
  conversationId: string;
  seq: number;
  clientMsgId: string;
  senderKind: SenderKind;
  senderId: string | null;
  senderName: string | null;
  body: string;
  visibility: Visibility;
  attachment: AttachmentRecord | null;
  createdAt: string;
  /** A system message's words as data; null for every other message. */
  systemEvent: SystemEvent | null;
  /** Set for a message that did not come from a chat client (a reply by email). */
  via?: MessageVia;
}

export interface AttachmentRecord {
  id: string;
  conversationId: string;
  uploaderKind: 'visitor' | 'staff';
  uploaderId: string;
  fileName: string;
  mimeType: string;
  size: number;
  storageName: string;
  createdAt: string;
}
