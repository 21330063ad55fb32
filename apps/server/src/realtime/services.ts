import type { Logger } from 'pino';
import type { AdminService } from '../domain/admin-service.js';
import type { AuthService } from '../domain/auth-service.js';
import type { BanService } from '../domain/ban-service.js';
import type { BotService } from '../domain/bot-service.js';
import type { CannedReplyService } from '../domain/canned-reply-service.js';
import type { ConversationService } from '../domain/conversation-service.js';
import type { EmailAdmin } from '../domain/email/email-admin.js';
import type { MessageService } from '../domain/message-service.js';
import type { Presence } from '../domain/presence.js';
import type { PrivacyService } from '../domain/privacy-service.js';
import type { Reports } from '../domain/reports/reports.js';
import type { RoutingService } from '../domain/routing/routing-service.js';
import type { Searches } from '../domain/search-service.js';
import type { FeedView } from '../domain/supervisor/feed-view.js';
import type { SupervisorService } from '../domain/supervisor/supervisor-service.js';
import type { VisitedPageService } from '../domain/visited-page-service.js';
import type { VisitorService } from '../domain/visitor-service.js';
import type { WidgetService } from '../domain/widget-service.js';
import type { MailGateway } from '../email/mail-gateway.js';
import type { Metrics } from '../observability/metrics.js';
import type { OriginPolicy } from '../security/origins.js';
import type { RateLimits } from '../security/rate-limits.js';
import type { Db } from '../store/open-sqlite.js';

/** What the transport layers are given by the composition root. */
export interface TransportDeps {
  db: Db;
  auth: AuthService;
  visitors: VisitorService;
  conversations: ConversationService;
  messages: MessageService;
  presence: Presence;
  routing: RoutingService;
  bans: BanService;
  bot: BotService;
  widgets: WidgetService;
  admin: AdminService;
  canned: CannedReplyService;
  reports: Reports;
  search: Searches;
  /** The pages visitors go to while chatting. */
  visitedPages: VisitedPageService;
  supervisor: SupervisorService;
  /** The supervisor window's picture; the transport's feed diffs and pushes it. */
  feedView: FeedView;
  limits: RateLimits;
  origins: OriginPolicy;
  metrics: Metrics;
  logger: Logger;
  epoch: string;
  email: EmailAdmin;
  /** Visitors' replies to answer emails, posted by the mail gateway. */
  mailGateway: MailGateway;
  /** Erasing a visitor; the transport pushes what went. */
  privacy: PrivacyService;
}
