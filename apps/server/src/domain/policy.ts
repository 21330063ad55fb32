import type { StaffScope } from '../store/conversations.js';
import type { ConversationRecord } from '../store/records.js';
import { DomainError } from './errors.js';
import type { Principal, StaffPrincipal } from './principal.js';

/**
 * The one authorization module (SECURITY S3). Every REST route and socket event asks here.
 * visitor → own conversations; agent and supervisor → their teams' conversations and those
 * assigned to them; admin → all.
 */
export function staffScope(principal: StaffPrincipal): StaffScope {
  return principal.role === 'admin'
    ? { kind: 'all' }
    : { kind: 'teams', userId: principal.userId, teamIds: principal.teamIds };
}

export function canRead(principal: Principal, conversation: ConversationRecord): boolean {
  if (principal.kind === 'visitor') return conversation.visitorId === principal.visitorId;
  if (principal.role === 'admin') return true;
  return (
    conversation.assigneeId === principal.userId ||
    (conversation.teamId !== null && principal.teamIds.includes(conversation.teamId))
  );
}

/** Not found and not allowed look the same to the caller, so ids cannot be probed. */
export function assertCanRead(
  principal: Principal,
  conversation: ConversationRecord | undefined,
): ConversationRecord {
  if (!conversation || !canRead(principal, conversation)) {
    throw new DomainError('not-found', 'No such conversation.');
  }
  return conversation;
}

/** Visible replies come from the visitor or the assignee; internal notes from any staff who can read. */
export function assertCanSend(
  principal: Principal,
  conversation: ConversationRecord,
  visibility: 'all' | 'agents',
): void {
  if (conversation.status === 'resolved') {
    throw new DomainError('conversation-closed', 'This conversation is resolved.');
  }
  if (principal.kind === 'visitor') return;
  if (visibility === 'agents') return;
  if (conversation.assigneeId !== principal.userId) {
    throw new DomainError(
      'forbidden',
      'Only the assigned agent can reply to the visitor; add an internal note instead.',
    );
  }
}

export function assertCanTake(principal: StaffPrincipal, conversation: ConversationRecord): void {
  const inTeam = conversation.teamId !== null && principal.teamIds.includes(conversation.teamId);
  if (!inTeam && principal.role !== 'admin') {
    throw new DomainError('forbidden', 'This conversation is queued for a team you are not in.');
  }
  if (conversation.status !== 'queued' && conversation.status !== 'offline') {
    throw new DomainError('conflict', 'This conversation is no longer waiting in the queue.');
  }
}

/** The assignee hands over their own chats; admins (and later supervisors of the team) any. */
export function assertCanTransfer(principal: StaffPrincipal, conversation: ConversationRecord): void {
  if (conversation.status === 'resolved' || conversation.status === 'offline') {
    throw new DomainError('conflict', 'Only open conversations can be transferred.');
  }
  if (conversation.assigneeId !== principal.userId && principal.role !== 'admin') {
    throw new DomainError('forbidden', 'Only the assigned agent or an admin can transfer this conversation.');
  }
}

export function assertCanResolve(principal: StaffPrincipal, conversation: ConversationRecord): void {
  if (conversation.status === 'resolved') throw new DomainError('conflict', 'Already resolved.');
  if (conversation.assigneeId !== principal.userId && principal.role !== 'admin') {
    throw new DomainError('forbidden', 'Only the assigned agent or an admin can resolve this conversation.');
  }
}

/** Only the assignee's reading moves the read state the visitor sees; monitors never do. */
export function readIsVisibleToVisitor(principal: Principal, conversation: ConversationRecord): boolean {
  return principal.kind === 'staff' && conversation.assigneeId === principal.userId;
}

/** Configuration changes (routing, bans, bot, capacities) are for admins. */
export function assertAdmin(principal: StaffPrincipal): void {
  if (principal.role !== 'admin') throw new DomainError('forbidden', 'Only an admin can change this.');
}
