import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { AttachmentService } from '../domain/attachment-service.js';
import { AuthService, type RevocationReason } from '../domain/auth-service.js';
import { ConversationService } from '../domain/conversation-service.js';
import { MessageService } from '../domain/message-service.js';
import { Presence } from '../domain/presence.js';
import { VisitorService } from '../domain/visitor-service.js';
import { createMetrics } from '../observability/metrics.js';
import type { TransportDeps } from '../realtime/services.js';
import { OriginPolicy } from '../security/origins.js';
import { RateLimits } from '../security/rate-limits.js';
import { countQueued } from '../store/conversations.js';
import { migrateToLatest } from '../store/migrate.js';
import { type OpenedDb, openSqlite } from '../store/open-sqlite.js';
import { getOrCreateSetting } from '../store/settings.js';
import { listWidgets } from '../store/widgets.js';

export interface Components extends TransportDeps {
  attachments: AttachmentService;
  sqlite: OpenedDb;
  /** Subscribed to by the transport so revoked sessions lose their live sockets. */
  onRevoked(listener: (sessionIds: string[], reason: RevocationReason) => void): void;
  /** Re-reads widget origins after widgets change. */
  reloadOrigins(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the store (migrating it), then builds every domain service over it. */
export async function createComponents(
  config: Config,
  logger: Logger,
  origins = new OriginPolicy(config.workbenchOrigins),
): Promise<Components> {
  const sqlite = openSqlite(path.resolve(config.dataDir, config.database.file), config.database.synchronous);
  const { db } = sqlite;
  const applied = await migrateToLatest(db);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');

  const secret =
    config.auth.jwtSecret ??
    (await getOrCreateSetting(db, 'jwt_secret', () => randomBytes(48).toString('base64url')));

  const listeners: Array<(sessionIds: string[], reason: RevocationReason) => void> = [];
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

  return {
    db,
    sqlite,
    auth,
    visitors: new VisitorService(db),
    conversations: new ConversationService(db),
    messages: new MessageService(db),
    presence: new Presence(),
    attachments: new AttachmentService(db, path.resolve(config.dataDir, 'attachments')),
    limits: new RateLimits(config.limits),
    origins,
    metrics: createMetrics({ queuedConversations: () => countQueued(db) }),
    logger,
    epoch: randomUUID(),
    onRevoked: (listener) => listeners.push(listener),
    reloadOrigins,
    close: () => sqlite.close(),
  };
}
