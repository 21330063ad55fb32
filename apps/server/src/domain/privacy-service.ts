import type { PrivacyStatus, VisitorErased, VisitorExport, VisitorSummary } from '@switchboard/protocol';
import type { Logger } from 'pino';
import {
  eraseExpired,
  eraseVisitor,
  erasuresAfter,
  erasureTotals,
  lastErasureSeq,
} from '../store/erasures.js';
import type { Db } from '../store/open-sqlite.js';
import { getSetting, setSetting } from '../store/settings.js';
import { visitorsWithEmail } from '../store/visitors.js';
import type { AttachmentService } from './attachment-service.js';
import { conflict } from './conflicts.js';
import { DomainError } from './errors.js';
import type { StaffPrincipal } from './principal.js';
import { exportVisitor } from './visitor-export.js';

/** The settings key of the last complete retention pass's cut-off (an ISO instant). */
const CHECKED_BEFORE = 'retention_visitors_checked_before';

/**
 * Conversations per transaction when the retention period is applied: each transaction holds the
 * write lock the chats' messages commit through while it deletes every message of its batch.
 */
const RETENTION_BATCH = 50;

/** The most visitors an address lookup lists. */
const LOOKUP_LIMIT = 50;

export interface PrivacyOptions {
  /** Days a resolved conversation is kept; null (the default): until erased. */
  retentionDays?: number | null;
  now?: () => number;
  /** After each erasure's commit: the store drops what its logs still hold of it. */
  afterErasure?: () => void;
}

/** What the transport tells everyone after an erasure. */
export interface Erased {
  /** The erased visitor, whose sockets close; null for the retention period's erasures. */
  visitorId: string | null;
  conversationIds: string[];
  lastSeq: number;
}

/** The right to erasure: a visitor and everything of their conversations, deleted for good. */
export class PrivacyService {
  readonly #listeners: Array<(erased: Erased) => void> = [];

  readonly #retentionDays: number | null;
  readonly #now: () => number;
  readonly #afterErasure: () => void;
  /**
   * The retention cut-off of the last complete pass: visitors who came before it were looked at
   * then (any who lose their last conversation later are its owners). Null until a pass has run;
   * kept in the settings, so that the first pass after a start does not look at every visitor
   * again (155–660 ms on the server's thread at 200,000 visitors). Undefined until read.
   */
  #visitorsCheckedBefore: string | null | undefined = undefined;

  constructor(
    private readonly db: Db,
    private readonly attachments: AttachmentService,
    private readonly logger: Logger,
    options: PrivacyOptions = {},
  ) {
    this.#retentionDays = options.retentionDays ?? null;
    this.#now = options.now ?? Date.now;
    this.#afterErasure = options.afterErasure ?? (() => {});
  }

  /** The transport subscribes: staff drop the conversations, the visitor's sockets close. */
  onErased(listener: (erased: Erased) => void): void {
    this.#listeners.push(listener);
  }

  /** Refused while one of the visitor's conversations is queued or assigned. */
  async eraseVisitor(admin: StaffPrincipal, visitorId: string): Promise<VisitorErased> {
    const result = await eraseVisitor(this.db, {
      visitorId,
      actorId: admin.userId,
      at: new Date(this.#now()).toISOString(),
    });
    if (result.kind === 'not-found') throw new DomainError('not-found', 'No such visitor.');
    if (result.kind === 'open') throw conflict({ code: 'conversation-open' });
    // After the commit: a file left by a crash here belongs to no row, and the start-up sweep
    // deletes it.
    this.#afterErasure();
    await this.#deleteFiles(result.files);
    const erased = { visitorId, conversationIds: result.conversationIds, lastSeq: result.lastSeq };
    for (const listener of this.#listeners) listener(erased);
    return {
      visitorId,
      conversations: result.conversationIds.length,
      messages: result.messages,
      attachments: result.files.length,
    };
  }

  /**
   * Applies the retention period: deletes what is older, a batch per transaction (each holds the
   * database's write lock briefly), and tells the workbenches. Answers how many conversations and
   * visitors went.
   */
  async eraseExpired(): Promise<{ conversations: number; visitors: number }> {
    if (this.#retentionDays === null) return { conversations: 0, visitors: 0 };
    const now = this.#now();
    const before = new Date(now - this.#retentionDays * 86_400_000).toISOString();
    const total = { conversations: 0, visitors: 0 };
    if (this.#visitorsCheckedBefore === undefined) {
      this.#visitorsCheckedBefore = (await getSetting(this.db, CHECKED_BEFORE)) ?? null;
    }
    const checkedBefore = this.#visitorsCheckedBefore;
    for (;;) {
      const batch = await eraseExpired(this.db, {
        before,
        checkedBefore,
        limit: RETENTION_BATCH,
        at: new Date(now).toISOString(),
      });
      total.conversations += batch.conversationIds.length;
      total.visitors += batch.visitors;
      if (batch.conversationIds.length + batch.visitors > 0) this.#afterErasure();
      await this.#deleteFiles(batch.files);
      if (batch.conversationIds.length > 0) {
        const erased = { visitorId: null, conversationIds: batch.conversationIds, lastSeq: batch.lastSeq };
        for (const listener of this.#listeners) listener(erased);
      }
      if (batch.conversationIds.length < RETENTION_BATCH && batch.visitors < RETENTION_BATCH) {
        await setSetting(this.db, CHECKED_BEFORE, before);
        this.#visitorsCheckedBefore = before;
        return total;
      }
      // Between batches the server's own commits get their turn.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async #deleteFiles(files: readonly string[]): Promise<void> {
    await this.attachments.deleteFiles(files).catch((error: unknown) => {
      this.logger.error({ err: error }, 'deleting erased files failed');
    });
  }

  /** The visitors an address belongs to, for a request about a person's data. */
  lookup(email: string): Promise<VisitorSummary[]> {
    return visitorsWithEmail(this.db, email, LOOKUP_LIMIT);
  }

  exportVisitor(admin: StaffPrincipal, visitorId: string): Promise<VisitorExport> {
    return exportVisitor(this.db, admin, visitorId);
  }

  async status(): Promise<PrivacyStatus> {
    const totals = await erasureTotals(this.db);
    return {
      retentionDays: this.#retentionDays,
      erasedConversations: totals.count,
      lastErasedAt: totals.lastAt,
    };
  }

  async erasures(after: number, limit: number) {
    return { items: await erasuresAfter(this.db, after, limit), lastSeq: await lastErasureSeq(this.db) };
  }
}
