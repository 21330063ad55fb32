import type { SessionRevoked, VisitedPage } from '@switchboard/protocol';
import type { CannedAudience } from '../domain/canned-reply-service.js';
import type { Principal } from '../domain/principal.js';
import { toMessage, toStaffConversation, toVisitorConversation } from '../domain/views.js';
import type { ConversationAccess, ConversationRecord, MessageRecord } from '../store/records.js';
import { reachesAnyone } from './room-members.js';
import { rooms } from './rooms.js';
import type { AgentNamespace, VisitorNamespace } from './types.js';

/** Everyone on the staff who lists or follows the conversation. */
function staffRoomsOf(conversation: ConversationRecord): string[] {
  const staffRooms = [rooms.conversation(conversation.id), rooms.admins];
  if (conversation.teamId) staffRooms.push(rooms.team(conversation.teamId));
  if (conversation.assigneeId) staffRooms.push(rooms.user(conversation.assigneeId));
  return staffRooms;
}

/** Fan-out after a commit. Decides who hears what; internal notes never reach `/visitor`. */
export class Broadcaster {
  readonly #conversationListeners: Array<() => void> = [];
  readonly #pageListeners: Array<(conversationId: string, page: VisitedPage) => void> = [];
  readonly #presenceListeners: Array<(visitorId: string, leftAt: string | null) => void> = [];

  constructor(
    private readonly visitors: VisitorNamespace,
    private readonly agents: AgentNamespace,
  ) {}

  /**
   * `senderSocketId`: the socket whose `message:send` this is. It has the message from its ack and
   * is left out; the sender's other sockets (tabs, devices) hear it like everyone else.
   */
  message(
    conversation: Pick<ConversationRecord, 'id' | 'visitorId'>,
    message: MessageRecord,
    senderSocketId?: string,
  ): void {
    this.messageToStaff(conversation, message, senderSocketId);
    this.messageToVisitor(conversation, message, senderSocketId);
  }

  /** The staff half of `message`: everyone following the conversation in `/agent`. */
  messageToStaff(
    conversation: Pick<ConversationRecord, 'id'>,
    message: MessageRecord,
    senderSocketId?: string,
  ) {
    const room = rooms.conversation(conversation.id);
    if (!reachesAnyone(this.agents, room, senderSocketId)) return;
    const to = this.agents.to(room);
    (senderSocketId === undefined ? to : to.except(senderSocketId)).emit('message:new', toMessage(message));
  }

  /** The visitor half of `message`: the visitor's sockets, unless it is an internal note. */
  messageToVisitor(
    conversation: Pick<ConversationRecord, 'visitorId'>,
    message: MessageRecord,
    senderSocketId?: string,
  ) {
    const room = rooms.visitor(conversation.visitorId);
    if (message.visibility !== 'all' || !reachesAnyone(this.visitors, room, senderSocketId)) return;
    const to = this.visitors.to(room);
    (senderSocketId === undefined ? to : to.except(senderSocketId)).emit('message:new', toMessage(message));
  }

  /** Called with every visited page pushed (the supervisor feed listens). */
  onVisitedPage(listener: (conversationId: string, page: VisitedPage) => void): void {
    this.#pageListeners.push(listener);
  }

  /** Called with every visitor presence pushed (the supervisor feed listens). */
  onVisitorPresence(listener: (visitorId: string, leftAt: string | null) => void): void {
    this.#presenceListeners.push(listener);
  }

  /** Called after every conversation change is pushed (the supervisor feed listens). */
  onConversation(listener: () => void): void {
    this.#conversationListeners.push(listener);
  }

  conversation(conversation: ConversationRecord): void {
    for (const listener of this.#conversationListeners) listener();
    this.#conversationToStaff(conversation);
    this.visitors
      .to(rooms.visitor(conversation.visitorId))
      .emit('conversation:update', toVisitorConversation(conversation));
  }

  /**
   * A visitor wrote in a chat no agent has yet (queued, or left as a message): the team's lists
   * show the newest message. The visitor's own view has not changed.
   */
  waitingMessage(conversation: ConversationRecord): void {
    const staffRooms: string[] = [rooms.admins];
    if (conversation.teamId) staffRooms.push(rooms.team(conversation.teamId));
    this.agents.to(staffRooms).emit('conversation:update', toStaffConversation(conversation));
  }

  /** The assignee's sockets follow the conversation from now on. */
  followAsAssignee(conversation: ConversationRecord): void {
    if (conversation.assigneeId) {
      this.agents.in(rooms.user(conversation.assigneeId)).socketsJoin(rooms.conversation(conversation.id));
    }
  }

  /** `preview`: a visitor's draft, for the staff following the conversation only. */
  typing(
    conversation: ConversationAccess,
    from: Principal,
    { typing, preview }: { typing: boolean; preview: string | null },
    exceptSocketId: string,
  ): void {
    const conversationId = conversation.id;
    if (from.kind === 'visitor') {
      const sender = { kind: 'visitor' as const, id: null, name: from.name };
      this.agents
        .to(rooms.conversation(conversationId))
        .emit('typing:update', { conversationId, sender, typing, preview });
      this.visitors
        .to(rooms.visitor(from.visitorId))
        .except(exceptSocketId)
        .emit('typing:update', { conversationId, sender, typing, preview: null });
      return;
    }
    // Colleagues learn who is typing; the visitor only that the agent is.
    const sender = { kind: 'agent' as const, id: from.userId, name: from.name };
    this.agents
      .to(rooms.conversation(conversationId))
      .except(exceptSocketId)
      .emit('typing:update', { conversationId, sender, typing, preview: null });
    if (conversation.assigneeId === from.userId) {
      this.visitors
        .to(rooms.visitor(conversation.visitorId))
        .emit('typing:update', { conversationId, sender: { ...sender, id: null }, typing, preview: null });
    }
  }

  /**
   * The visitor of `conversations` (their live chats) came or went: once to every staff socket that
   * lists or follows any of them. Not a change of the conversations themselves.
   */
  visitorPresence(
    visitorId: string,
    leftAt: string | null,
    conversations: readonly ConversationRecord[],
  ): void {
    if (conversations.length === 0) return;
    for (const listener of this.#presenceListeners) listener(visitorId, leftAt);
    this.agents.to(conversations.flatMap(staffRoomsOf)).emit('visitor:presence', { visitorId, leftAt });
  }

  #conversationToStaff(conversation: ConversationRecord): void {
    this.agents.to(staffRoomsOf(conversation)).emit('conversation:update', toStaffConversation(conversation));
  }

  /** The visitor went to another page: to the staff following the conversation. */
  visitedPage(conversation: Pick<ConversationAccess, 'id'>, page: VisitedPage): void {
    for (const listener of this.#pageListeners) listener(conversation.id, page);
    this.agents
      .to(rooms.conversation(conversation.id))
      .emit('visitor:page', { conversationId: conversation.id, page });
  }

  read(conversation: ConversationRecord, reader: Principal, seq: number, visibleToVisitor: boolean): void {
    const payload = {
      conversationId: conversation.id,
      reader:
        reader.kind === 'visitor'
          ? { kind: 'visitor' as const, id: reader.visitorId, name: reader.name }
          : { kind: 'agent' as const, id: reader.userId, name: reader.name },
      seq,
    };
    this.agents.to(rooms.conversation(conversation.id)).emit('read:update', payload);
    if (reader.kind === 'visitor' || visibleToVisitor) {
      this.visitors.to(rooms.visitor(conversation.visitorId)).emit('read:update', payload);
    }
  }

  /**
   * An erased visitor: every staff socket drops the conversations (any may have cached one, from
   * a search say), and the visitor's own sockets close (their token no longer connects).
   */
  erased(erased: { visitorId: string | null; conversationIds: string[]; lastSeq: number }): void {
    if (erased.conversationIds.length > 0) {
      this.agents.emit('conversation:erased', {
        conversationIds: erased.conversationIds,
        lastSeq: erased.lastSeq,
      });
    }
    if (erased.visitorId !== null) this.visitors.in(rooms.visitor(erased.visitorId)).disconnectSockets(true);
  }

  /**
   * A canned reply changed: whoever may use it fetches the list again (everyone for a global
   * reply, its team and the admins for a team's, the owner for a personal one).
   */
  cannedChanged(audience: CannedAudience): void {
    const to =
      audience.scope === 'global'
        ? this.agents
        : audience.scope === 'team' && audience.teamId !== null
          ? this.agents.to([rooms.team(audience.teamId), rooms.admins])
          : audience.ownerId !== null
            ? this.agents.to(rooms.user(audience.ownerId))
            : null;
    to?.emit('canned:changed', {});
  }

  /** Tells a revoked session's sockets why, then closes them. */
  revokeSessions(sessionIds: string[], reason: SessionRevoked['reason']): void {
    for (const sessionId of sessionIds) {
      const room = this.agents.in(rooms.session(sessionId));
      room.emit('session:revoked', { reason });
      room.disconnectSockets(true);
    }
  }
}
