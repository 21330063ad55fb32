import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { AdminService } from '../domain/admin-service.js';
import { AttachmentService } from '../domain/attachment-service.js';
import { AuthService, type RevocationReason } from '../domain/auth-service.js';
import { BanService } from '../domain/ban-service.js';
import { BotService } from '../domain/bot-service.js';
import { type CannedAudience, CannedReplyService } from '../domain/canned-reply-service.js';
import { ConversationService } from '../domain/conversation-service.js';
import type { AnswerEmails } from '../domain/email/answer-emails.js';
import { InboundEmails } from '../domain/email/inbound-emails.js';
import { MessageService } from '../domain/message-service.js';
import { Presence } from '../domain/presence.js';
import type { StaffPrincipal } from '../domain/principal.js';
import { PrivacyService } from '../domain/privacy-service.js';
import { RoutingService } from '../domain/routing/routing-service.js';
import { FeedView } from '../domain/supervisor/feed-view.js';
import { SupervisorService } from '../domain/supervisor/supervisor-service.js';
import { VisitedPageService } from '../domain/visited-page-service.js';
import { VisitorService } from '../domain/visitor-service.js';
import { WidgetService } from '../domain/widget-service.js';
import { MailDecoderThread } from '../email/mail-decoder-thread.js';
import { mailGateway } from '../email/mail-gateway.js';
import { emailIdDomain, startEmail } from '../email/start-email.js';
import { createMetrics } from '../observability/metrics.js';
import { ReadThread } from '../reading/read-thread.js';
import type { TransportDeps } from '../realtime/services.js';
import { OriginPolicy } from '../security/origins.js';
import { RateLimits } from '../security/rate-limits.js';
import { countQueued } from '../store/conversations.js';
import { migrateToLatest } from '../store/migrate.js';
import { type OpenedDb, openSqlite } from '../store/open-sqlite.js';
import type { ConversationRecord, MessageRecord } from '../store/records.js';
import { unindexedMessages } from '../store/search.js';
import { getOrCreateSetting } from '../store/settings.js';
import { listWidgets } from '../store/widgets.js';

type EmailReceived = (conversation: ConversationRecord, messages: MessageRecord[], reopened: boolean) => void;

/** Sees every team: for questions the composition root asks on behalf of the system. */
const SYSTEM: StaffPrincipal = {
  kind: 'staff',
  userId: '',
  sessionId: '',
  role: 'admin',
  name: '',
  email: '',
  teamIds: [],
};

export interface Components extends TransportDeps {
  attachments: AttachmentService;
  sqlite: OpenedDb;
  /** Subscribed to by the transport so revoked sessions lose their live sockets. */
  onRevoked(listener: (sessionIds: string[], reason: RevocationReason) => void): void;
  /** A signed-in user's teams changed: their live sockets must follow. */
  onTeamsChanged(listener: (userId: string, teamIds: string[]) => Promise<void>): void;
  /** Re-reads widget origins after widgets change. */
  reloadOrigins(): Promise<void>;
  /** The answer-email outbox (tests run its passes); null when no email is configured. */
  answerEmails: AnswerEmails | null;
  /** Emailing answers recorded a system message for the staff: the transport pushes it. */
  onAnswerEmailRecorded(listener: (conversation: ConversationRecord, message: MessageRecord) => void): void;
  /** A visitor's reply by email was stored: the transport pushes its messages. */
  onEmailReceived(listener: EmailReceived): void;
  /** A canned reply changed: the transport tells whoever may use it. */
  onCannedChanged(listener: (audience: CannedAudience) => void): void;
  close(): Promise<void>;
}

/** How long a reading thread (reports, searches) waits for work before it ends. */
const READING_THREAD_IDLE_MS = 5 * 60_000;

/** Opens the store (migrating it), then builds every domain service over it. */
export async function createComponents(
  config: Config,
  logger: Logger,
  origins = new OriginPolicy(config.workbenchOrigins),
  /** The domain's clock (routing, stored conversation times, reports); tests inject their own. */
  clock: () => number = Date.now,
): Promise<Components> {
  const databaseFile = path.resolve(config.dataDir, config.database.file);
  const sqlite = openSqlite(databaseFile, config.database.synchronous, {
    checkpointInBackground: true,
  });
  const { db } = sqlite;
  const applied = await migrateToLatest(db);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');

  const secret =
    config.auth.jwtSecret ??
    (await getOrCreateSetting(db, 'jwt_secret', () => randomBytes(48).toString('base64url')));

  const listeners: Array<(sessionIds: string[], reason: RevocationReason) => void> = [];
  const teamListeners: Array<(userId: string, teamIds: string[]) => Promise<void>> = [];
  const cannedListeners: Array<(audience: CannedAudience) => void> = [];
  const auth = new AuthService(db, {
    tokens: {
      secret: new TextEncoder().encode(secret),
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      accessTokenTtlSeconds: config.auth.accessTokenTtlSeconds,
    },
    refreshTokenTtlDays: config.auth.refreshTokenTtlDays,
    scryptCost: config.auth.scryptCost,
    onRevoked: (ids, reason) => {
      for (const listener of listeners) listener(ids, reason);
    },
  });

  const reloadOrigins = async () => origins.setWidgets(await listWidgets(db));
  await reloadOrigins();
  const presence = new Presence();
  const routing = new RoutingService(db, {
    now: clock,
    disconnectGraceSeconds: config.routing.disconnectGraceSeconds,
  });
  await routing.load();
  const bans = new BanService(db);
  await bans.load();
  const ticker = setInterval(() => {
    routing.tick().catch((error: unknown) => logger.error({ err: error }, 'routing tick failed'));
  }, config.routing.tickMilliseconds);
  ticker.unref();

  const metrics = createMetrics({
    queuedConversations: () => countQueued(db),
    unindexedMessages: () => unindexedMessages(sqlite.search),
  });
  const attachments = new AttachmentService(db, path.resolve(config.dataDir, 'attachments'));
  const swept = await attachments.sweepOrphans();
  if (swept > 0) logger.info({ files: swept }, 'deleted attachment files no conversation holds');
  const privacy = new PrivacyService(db, attachments, logger, {
    retentionDays: config.privacy.retentionDays,
    now: clock,
    afterErasure: () => sqlite.afterErasure(),
  });
  const applyRetention = () =>
    privacy.eraseExpired().then(
      (erased) => {
        if (erased.conversations + erased.visitors > 0) logger.info(erased, 'retention period applied');
      },
      (error: unknown) => logger.error({ err: error }, 'applying the retention period failed'),
    );
  const retention =
    config.privacy.retentionDays === null
      ? undefined
      : setInterval(applyRetention, config.privacy.retentionSweepMinutes * 60_000);
  retention?.unref();
  if (retention) void applyRetention();
  const emails = startEmail(config.email, db, clock, logger, metrics, (record) => attachments.pathOf(record));
  const receivedListeners: EmailReceived[] = [];
  const limits = new RateLimits(config.limits);
  const mailDecoder = new MailDecoderThread(logger);
  const inbound = new InboundEmails(
    db,
    attachments,
    { idDomain: emailIdDomain(config.email.from), fileMaxBytes: config.limits.uploadMaxBytes },
    routing,
    {
      received: (conversation, messages, reopened) => {
        for (const listener of receivedListeners) listener(conversation, messages, reopened);
      },
      outcome: (outcome) => metrics.inboundEmails.inc({ outcome }),
    },
    limits,
  );

  const conversations = new ConversationService(db, routing, clock);
  // Long reads on threads of their own, one for reports and one for searches, each ended after a
  // while with nothing to do (a thread holds ~40 MB; starting one again takes ~0.1 s).
  const reports = new ReadThread(databaseFile, clock, logger, READING_THREAD_IDLE_MS);
  const search = new ReadThread(databaseFile, clock, logger, READING_THREAD_IDLE_MS);
  const messages = new MessageService(db, emails.answerEmails);
  return {
    db,
    sqlite,
    auth,
    visitors: new VisitorService(db),
    routing,
    bans,
    bot: new BotService(db, routing),
    conversations,
    messages,
    admin: new AdminService(db, auth, routing, {
      scryptCost: config.auth.scryptCost,
      reloadOrigins,
      teamsChanged: async (userId, teamIds) => {
        for (const listener of teamListeners) await listener(userId, teamIds);
      },
    }),
    canned: new CannedReplyService(
      db,
      (teamId) => routing.teams(SYSTEM).some((t) => t.id === teamId),
      (audience) => {
        for (const listener of cannedListeners) listener(audience);
      },
    ),
    reports,
    search,
    visitedPages: new VisitedPageService(db, clock),
    supervisor: new SupervisorService(db, conversations, messages, routing),
    feedView: new FeedView(db, routing, clock, (userId) => presence.isConnected(userId)),
    presence,
    widgets: new WidgetService(db, routing, clock),
    attachments,
    privacy,
    limits,
    origins,
    metrics,
    logger,
    epoch: randomUUID(),
    onRevoked: (listener) => listeners.push(listener),
    onTeamsChanged: (listener) => teamListeners.push(listener),
    reloadOrigins,
    onAnswerEmailRecorded: emails.onRecorded,
    answerEmails: emails.answerEmails,
    email: emails.admin,
    mailGateway: mailGateway({
      secret: config.email.inboundSecret,
      maxBytes: config.email.inboundMaxBytes,
      inbound,
      decode: mailDecoder.decode,
      logger,
    }),
    onEmailReceived: (listener) => receivedListeners.push(listener),
    onCannedChanged: (listener) => cannedListeners.push(listener),
    close: async () => {
      clearInterval(ticker);
      clearInterval(retention);
      await emails.close();
      await mailDecoder.close();
      await reports.close();
      await search.close();
      // Let a routing pass in flight finish before the store closes.
      await routing.tick().catch(() => undefined);
      await sqlite.close();
    },
  };
}
