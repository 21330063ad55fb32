import { randomUUID } from 'node:crypto';
import type { CannedReplyCreate, CannedReplyUpdate } from '@switchboard/protocol';
import { audit } from '../store/audit.js';
import {
  type CannedReplyRecord,
  deleteCannedReply,
  getCannedReply,
  insertCannedReply,
  listCannedReplies,
  updateCannedReply,
} from '../store/canned-replies.js';
import type { Db } from '../store/open-sqlite.js';
import { conflict } from './conflicts.js';
import { DomainError } from './errors.js';
import { assertCanEditCanned, canUseCanned } from './policy.js';
import type { StaffPrincipal } from './principal.js';

/** Who may use a reply: what a change to it must reach. */
export type CannedAudience = Pick<CannedReplyRecord, 'scope' | 'teamId' | 'ownerId'>;

/**
 * Canned replies: global (admins), per team (its supervisors) and personal (their owner). Audited;
 * each change is announced to whoever may use the reply (`changed`), so their lists are fresh.
 */
export class CannedReplyService {
  constructor(
    private readonly db: Db,
    private readonly teamExists: (teamId: string) => boolean,
    private readonly changed: (audience: CannedAudience) => void = () => undefined,
  ) {}

  async list(staff: StaffPrincipal): Promise<CannedReplyRecord[]> {
    return (await listCannedReplies(this.db)).filter((reply) => canUseCanned(staff, reply));
  }

  async create(staff: StaffPrincipal, input: CannedReplyCreate): Promise<CannedReplyRecord> {
    const reply: CannedReplyRecord = {
      id: randomUUID(),
      shortcut: input.shortcut,
      title: input.title,
      body: input.body,
      scope: input.scope,
      teamId: input.scope === 'team' ? (input.teamId ?? null) : null,
      ownerId: input.scope === 'personal' ? staff.userId : null,
    };
    assertCanEditCanned(staff, reply);
    if (reply.teamId !== null && !this.teamExists(reply.teamId)) {
      throw new DomainError('invalid-payload', 'No such team.');
    }
    if (!(await insertCannedReply(this.db, reply))) {
      throw conflict({ code: 'shortcut-taken', shortcut: reply.shortcut });
    }
    await audit(this.db, staff.userId, 'canned.create', reply.id, {
      shortcut: reply.shortcut,
      scope: reply.scope,
    });
    this.changed(reply);
    return reply;
  }

  async update(staff: StaffPrincipal, id: string, change: CannedReplyUpdate): Promise<CannedReplyRecord> {
    const reply = await this.#editable(staff, id);
    if (!(await updateCannedReply(this.db, id, change))) {
      throw conflict({ code: 'shortcut-taken', shortcut: change.shortcut ?? reply.shortcut });
    }
    await audit(this.db, staff.userId, 'canned.update', id, { fields: Object.keys(change) });
    this.changed(reply);
    return { ...reply, ...change };
  }

  async remove(staff: StaffPrincipal, id: string): Promise<void> {
    const reply = await this.#editable(staff, id);
    await deleteCannedReply(this.db, id);
    await audit(this.db, staff.userId, 'canned.delete', id, {});
    this.changed(reply);
  }

  /** Not found unless the caller can use it; forbidden when they see it but may not change it. */
  async #editable(staff: StaffPrincipal, id: string): Promise<CannedReplyRecord> {
    const reply = await getCannedReply(this.db, id);
    if (!reply || !canUseCanned(staff, reply)) throw new DomainError('not-found', 'No such canned reply.');
    assertCanEditCanned(staff, reply);
    return reply;
  }
}
