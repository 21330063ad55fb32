import type { VisitorErased } from '@switchboard/protocol';
import type { Logger } from 'pino';
import { eraseVisitor, erasuresAfter, lastErasureSeq } from '../store/erasures.js';
import type { Db } from '../store/open-sqlite.js';
import type { AttachmentService } from './attachment-service.js';
import { conflict } from './conflicts.js';
import { DomainError } from './errors.js';
import type { StaffPrincipal } from './principal.js';

/** What the transport tells everyone after an erasure. */
export interface Erased {
  visitorId: string;
  conversationIds: string[];
  lastSeq: number;
}

/** The right to erasure: a visitor and everything of their conversations, deleted for good. */
export class PrivacyService {
  readonly #listeners: Array<(erased: Erased) => void> = [];

  constructor(
    private readonly db: Db,
    private readonly attachments: AttachmentService,
    private readonly logger: Logger,
  ) {}

  /** The transport subscribes: staff drop the conversations, the visitor's sockets close. */
  onErased(listener: (erased: Erased) => void): void {
    this.#listeners.push(listener);
  }

  /** Refused while one of the visitor's conversations is queued or assigned. */
  async eraseVisitor(admin: StaffPrincipal, visitorId: string): Promise<VisitorErased> {
    const result = await eraseVisitor(this.db, {
      visitorId,
      actorId: admin.userId,
      at: new Date().toISOString(),
    });
    if (result.kind === 'not-found') throw new DomainError('not-found', 'No such visitor.');
    if (result.kind === 'open') throw conflict({ code: 'conversation-open' });
    // After the commit: a file left by a crash here belongs to no row, and the start-up sweep
    // deletes it.
    await this.attachments.deleteFiles(result.files).catch((error: unknown) => {
      this.logger.error({ err: error }, 'deleting an erased visitor’s files failed');
    });
    const erased = { visitorId, conversationIds: result.conversationIds, lastSeq: result.lastSeq };
    for (const listener of this.#listeners) listener(erased);
    return {
      visitorId,
      conversations: result.conversationIds.length,
      messages: result.messages,
      attachments: result.files.length,
    };
  }

  async erasures(after: number, limit: number) {
    return { items: await erasuresAfter(this.db, after, limit), lastSeq: await lastErasureSeq(this.db) };
  }
}
