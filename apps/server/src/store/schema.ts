import type { Generated } from 'kysely';

/** Table shapes as stored. Rows never leave the store: map them with rowToX functions. */
export interface Database {
  users: UsersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  auth_sessions: AuthSessionsTable;
  refresh_tokens: RefreshTokensTable;
  widgets: WidgetsTable;
  visitors: VisitorsTable;
  visitor_tokens: VisitorTokensTable;
  conversations: ConversationsTable;
  conversation_events: ConversationEventsTable;
  messages: MessagesTable;
  read_marks: ReadMarksTable;
  attachments: AttachmentsTable;
  settings: SettingsTable;
  agent_states: AgentStatesTable;
  agent_status_log: AgentStatusLogTable;
  routing_rules: RoutingRulesTable;
  offers: OffersTable;
  bans: BansTable;
  bot_entries: BotEntriesTable;
  audit_log: AuditLogTable;
  ratings: RatingsTable;
  offline_messages: OfflineMessagesTable;
  canned_replies: CannedRepliesTable;
  conversation_participants: ConversationParticipantsTable;
  answer_emails: AnswerEmailsTable;
  erasures: ErasuresTable;
  erased_messages: ErasedMessagesTable;
  visited_pages: VisitedPagesTable;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  active: number;
  created_at: string;
  updated_at: string;
  capacity: Generated<number>;
}

export interface TeamsTable {
  id: string;
  name: string;
  created_at: string;
  mode: Generated<string>;
  offer_timeout_seconds: Generated<number>;
  wrap_up_seconds: Generated<number>;
  unanswered_seconds: Generated<number>;
  affinity_hours: Generated<number>;
  aging_seconds: Generated<number>;
  business_hours: Generated<string>;
  bot_enabled: Generated<number>;
  max_queue_seconds: Generated<number>;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
}

export interface AuthSessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export interface RefreshTokensTable {
  token_hash: string;
  session_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface WidgetsTable {
  id: string;
  name: string;
  secret: string;
  allowed_origins: string;
  identity_mode: string;
  team_id: string | null;
  created_at: string;
  /** JSON of WidgetSettings; null = the defaults (0002_widget). */
  settings: string | null;
  /** `PageTracking` (0023_page_tracking). */
  page_tracking: Generated<string>;
  /** 1: staff see visitors' drafts as they type (0024_typing_preview). */
  typing_preview: Generated<number>;
}

export interface VisitorsTable {
  id: string;
  widget_id: string;
  external_id: string | null;
  name: string | null;
  email: string | null;
  verified: number;
  created_at: string;
  /** When their last connection closed; null while one is open (or never recorded). */
  left_at: string | null;
}

export interface VisitorTokensTable {
  token_hash: string;
  visitor_id: string;
  created_at: string;
}

export interface ConversationsTable {
  id: string;
  visitor_id: string;
  widget_id: string;
  team_id: string | null;
  status: string;
  assignee_id: string | null;
  attributes: string;
  last_seq: number;
  created_at: string;
  updated_at: string;
  assigned_at: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
  priority: Generated<string>;
  weight: Generated<number>;
  tags: Generated<string>;
  in_bot: Generated<number>;
  front_of_queue: Generated<number>;
  queued_at: string | null;
  /** When it last entered the queue (the maximum queue time counts from it). */
  entered_queue_at: string | null;
  first_reply_at: string | null;
  routing_rule: string | null;
  /** Never reset by a reassignment (reports). */
  first_assigned_at: string | null;
  first_response_at: string | null;
  /** Where the visitor asked to be answered (a left message); null when they gave no address. */
  reply_to: string | null;
  /** Its messages up to this seq were emailed to `reply_to` or read by the visitor (0013). */
  emailed_seq: Generated<number>;
}

export interface ConversationEventsTable {
  id: Generated<number>;
  conversation_id: string;
  kind: string;
  actor_id: string | null;
  data: string;
  created_at: string;
}

export interface MessagesTable {
  id: Generated<number>;
  conversation_id: string;
  seq: number;
  client_msg_id: string;
  sender_kind: string;
  sender_id: string | null;
  sender_name: string | null;
  body: string;
  visibility: string;
  attachment_id: string | null;
  created_at: string;
  /** JSON, protocol `SystemEvent`: system messages only. */
  system_event: string | null;
  /** Protocol `MessageVia` (`email`); null for a message written in a chat. */
  via: string | null;
}

export interface ReadMarksTable {
  conversation_id: string;
  reader_id: string;
  seq: number;
  updated_at: string;
}

export interface AttachmentsTable {
  id: string;
  conversation_id: string;
  uploader_kind: string;
  uploader_id: string;
  file_name: string;
  mime_type: string;
  size: number;
  storage_name: string;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface RatingsTable {
  conversation_id: string;
  visitor_id: string;
  score: number;
  comment: string | null;
  created_at: string;
}

export interface OfflineMessagesTable {
  visitor_id: string;
  client_msg_id: string;
  conversation_id: string;
  email: string;
  name: string | null;
  created_at: string;
}

export interface AgentStatesTable {
  user_id: string;
  status: string;
  reason: string;
  since: string;
  status_before_disconnect: string | null;
  last_assigned_at: string | null;
  wrap_up_until: string | null;
  disconnected_at: string | null;
}

export interface AgentStatusLogTable {
  id: Generated<number>;
  user_id: string;
  status: string;
  reason: string;
  at: string;
}

export interface RoutingRulesTable {
  id: string;
  name: string;
  position: number;
  conditions: string;
  team_id: string;
  priority: string;
  weight: Generated<number>;
}

export interface OffersTable {
  id: string;
  conversation_id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  status: string;
  closed_at: string | null;
}

export interface BansTable {
  id: string;
  kind: string;
  value: string;
  reason: string;
  created_by: string;
  created_at: string;
  lifted_at: string | null;
}

export interface BotEntriesTable {
  id: string;
  team_id: string;
  keywords: string;
  answer: string;
  position: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: string | null;
  action: string;
  target: string;
  data: string;
  at: string;
}

export interface CannedRepliesTable {
  id: string;
  shortcut: string;
  title: string;
  body: string;
  created_at: string;
  scope: Generated<string>;
  team_id: string | null;
  owner_id: string | null;
}

/** Supervisors who joined a conversation visibly (barge). */
export interface ConversationParticipantsTable {
  conversation_id: string;
  user_id: string;
  joined_at: string;
}

/** A conversation whose staff answers are still to be emailed to its `reply_to` (0013). */
export interface AnswerEmailsTable {
  conversation_id: string;
  due_at: string;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface ErasuresTable {
  seq: Generated<number>;
  conversation_id: string;
  erased_at: string;
}

export interface ErasedMessagesTable {
  seq: Generated<number>;
  message_id: number;
}

export interface VisitedPagesTable {
  id: Generated<number>;
  conversation_id: string;
  url: string;
  title: string | null;
  visited_at: string;
}
