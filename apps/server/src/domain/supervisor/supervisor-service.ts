import { randomUUID } from 'node:crypto';
import type {
  AgentState,
  SupervisorEnd,
  SupervisorReassign,
  SupervisorStatusSet,
  SupervisorTakeover,
  SupervisorWhisper,
  SystemEvent,
} from '@switchboard/protocol';
import { audit } from '../../store/audit.js';
import { getConversation } from '../../store/conversations.js';
import { appendMessage } from '../../store/messages.js';
import type { Db } from '../../store/open-sqlite.js';
import { addParticipant } from '../../store/participants.js';
import type { ConversationRecord, MessageRecord } from '../../store/records.js';
import { conflict } from '../conflicts.js';
import type { ConversationService } from '../conversation-service.js';
import { DomainError } from '../errors.js';
import type { MessageService } from '../message-service.js';
import { assertCanSupervise, assertCanSuperviseAgent, assertSupervisorRole, supervises } from '../policy.js';
import type { StaffPrincipal } from '../principal.js';
import type { RoutingService } from '../routing/routing-service.js';
import { systemEventText } from '../system-events.js';

/**
 * What supervisors (their teams) and admins (all) do to live chats and agents. The policy
 * decides first; every action is written to the audit log.
 */
export class SupervisorService {
  constructor(
    private readonly db: Db,
    private readonly conversations: ConversationService,
    private readonly messages: MessageService,
    private readonly routing: RoutingService,
  ) {}

  /** Silent: nothing is stored in the conversation, nothing reaches the visitor. */
  async monitor(staff: StaffPrincipal, conversationId: string): Promise<ConversationRecord> {
    const conversation = await this.#supervised(staff, conversationId);
    await audit(this.db, staff.userId, 'conversation.monitor', conversation.id, {});
    return conversation;
  }

  async whisper(staff: StaffPrincipal, input: SupervisorWhisper) {
    await this.#supervised(staff, input.conversationId);
    const sent = await this.messages.send(staff, { ...input, visibility: 'agents' });
    if (sent.created) {
      await audit(this.db, staff.userId, 'conversation.whisper', input.conversationId, {
        seq: sent.message.seq,
      });
    }
    return sent;
  }

  /** Joins visibly: a system message everyone sees, once; then the supervisor may reply. */
  async barge(
    staff: StaffPrincipal,
    conversationId: string,
  ): Promise<{ conversation: ConversationRecord; message: MessageRecord | null }> {
    const conversation = await this.#open(staff, conversationId);
    if (!(await addParticipant(this.db, conversation.id, staff.userId)))
      return { conversation, message: null };
    const joined: SystemEvent = { code: 'supervisor-joined', name: staff.name };
    const { message } = await appendMessage(this.db, {
      conversationId: conversation.id,
      clientMsgId: randomUUID(),
      senderKind: 'system',
      // Whose action it records: their own workbench does not count it as unread.
      senderId: staff.userId,
      senderName: null,
      body: systemEventText(joined),
      systemEvent: joined,
      visibility: 'all',
      attachmentId: null,
    });
    await audit(this.db, staff.userId, 'conversation.barge', conversation.id, {});
    return { conversation: await this.conversations.load(conversation.id), message };
  }

  async takeover(staff: StaffPrincipal, input: SupervisorTakeover): Promise<ConversationRecord> {
    const conversation = await this.#open(staff, input.conversationId);
    if (conversation.assigneeId === staff.userId) throw conflict({ code: 'already-yours' });
    const reason = input.reason ?? null;
    await this.routing.transfer(
      staff,
      conversation.id,
      { kind: 'agent', userId: staff.userId },
      reason,
      true,
    );
    await audit(this.db, staff.userId, 'conversation.takeover', conversation.id, {
      from: conversation.assigneeName,
      reason,
    });
    return this.conversations.load(conversation.id);
  }

  async reassign(staff: StaffPrincipal, input: SupervisorReassign): Promise<ConversationRecord> {
    const conversation = await this.#open(staff, input.conversationId);
    if (input.to.kind === 'agent') {
      const known = this.routing.knowsAgent(input.to.userId);
      assertCanSuperviseAgent(staff, known ? this.routing.agentState(input.to.userId).teamIds : undefined);
    } else if (!supervises(staff, input.to.teamId)) {
      throw new DomainError('not-found', 'No such team.');
    }
    await this.routing.transfer(staff, conversation.id, input.to, input.reason, true);
    await audit(this.db, staff.userId, 'conversation.reassign', conversation.id, {
      to: input.to,
      reason: input.reason,
    });
    return this.conversations.load(conversation.id);
  }

  async setStatus(staff: StaffPrincipal, input: SupervisorStatusSet): Promise<AgentState> {
    const known = this.routing.knowsAgent(input.userId);
    assertCanSuperviseAgent(staff, known ? this.routing.agentState(input.userId).teamIds : undefined);
    const state = await this.routing.setStatus(input.userId, input.status, 'supervisor');
    await audit(this.db, staff.userId, 'agent.status', input.userId, { status: input.status });
    return state;
  }

  async end(staff: StaffPrincipal, input: SupervisorEnd): Promise<ConversationRecord> {
    await this.#supervised(staff, input.conversationId);
    const conversation = await this.conversations.resolve(staff, input.conversationId, input.note);
    await audit(this.db, staff.userId, 'conversation.end', conversation.id, { note: input.note ?? null });
    return conversation;
  }

  async #supervised(staff: StaffPrincipal, conversationId: string): Promise<ConversationRecord> {
    assertSupervisorRole(staff);
    return assertCanSupervise(staff, await getConversation(this.db, conversationId));
  }

  async #open(staff: StaffPrincipal, conversationId: string): Promise<ConversationRecord> {
    const conversation = await this.#supervised(staff, conversationId);
    if (conversation.status !== 'queued' && conversation.status !== 'assigned') {
      throw conflict({ code: 'not-open' });
    }
    return conversation;
  }
}
