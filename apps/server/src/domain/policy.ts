import { type EndpointAuth, staffRolesOf } from '@switchboard/protocol';
import type { StaffScope } from '../store/conversations.js';
import type { ConversationAccess, ConversationRecord } from '../store/records.js';
import { conflict } from './conflicts.js';
import { DomainError } from './errors.js';
import type { Principal, StaffPrincipal } from './principal.js';

/**
 * The one authorization module (SECURITY S3). Every REST route and socket event asks here.
 * visitor → own conversations; agent → their teams' conversations and those assigned to them;
 * supervisor → the same, and may steer (monitor, whisper, take over, reassign, end) the
 * conversations and agents of their teams; admin → all.
 *
 * Refusals never reveal more than the caller may know: a resource outside the caller's reach is
 * `not-found`, exactly as a missing one; `forbidden` only for what the caller can already see
 * (or for an endpoint or event their role may not call at all, before any lookup).
 */
export function staffScope(principal: StaffPrincipal): StaffScope {
  return principal.role === 'admin'
    ? { kind: 'all' }
    : { kind: 'teams', userId: principal.userId, teamIds: principal.teamIds };
}

export function canRead(principal: Principal, conversation: ConversationAccess): boolean {
  if (principal.kind === 'visitor') return conversation.visitorId === principal.visitorId;
  if (principal.role === 'admin') return true;
  return (
    conversation.assigneeId === principal.userId ||
    (conversation.teamId !== null && principal.teamIds.includes(conversation.teamId))
  );
}

/** Not found and not allowed look the same to the caller, so ids cannot be probed. */
export function assertCanRead<C extends ConversationAccess>(
  principal: Principal,
  conversation: C | undefined,
): C {
  if (!conversation || !canRead(principal, conversation)) {
    throw new DomainError('not-found', 'No such conversation.');
  }
  return conversation;
}

/**
 * Visible replies come from the visitor, the assignee, or a supervisor who joined visibly
 * (`joined`, barge); internal notes from any staff who can read.
 */
export function assertCanSend(
  principal: Principal,
  conversation: ConversationAccess,
  visibility: 'all' | 'agents',
  joined = false,
): void {
  if (conversation.status === 'resolved') {
    throw new DomainError('conversation-closed', 'This conversation is resolved.');
  }
  if (principal.kind === 'visitor') return;
  if (visibility === 'agents') return;
  if (conversation.assigneeId !== principal.userId && !joined) {
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
    throw conflict({ code: 'no-longer-queued' });
  }
}

/** The assignee hands over their own chats; supervisors of the team and admins any. */
export function assertCanTransfer(principal: StaffPrincipal, conversation: ConversationRecord): void {
  if (conversation.status === 'resolved' || conversation.status === 'offline') {
    throw conflict({ code: 'not-open' });
  }
  if (conversation.assigneeId !== principal.userId && !supervises(principal, conversation.teamId)) {
    throw new DomainError(
      'forbidden',
      'Only the assigned agent or a supervisor of the team can transfer this conversation.',
    );
  }
}

export function assertCanResolve(principal: StaffPrincipal, conversation: ConversationRecord): void {
  if (conversation.status === 'resolved') throw conflict({ code: 'already-resolved' });
  if (conversation.assigneeId !== principal.userId && !supervises(principal, conversation.teamId)) {
    throw new DomainError(
      'forbidden',
      'Only the assigned agent or a supervisor of the team can resolve this conversation.',
    );
  }
}

/** A resolved conversation's tags: whoever could have resolved it (its last assignee, a supervisor). */
export function assertCanRetag(principal: StaffPrincipal, conversation: ConversationRecord): void {
  if (conversation.status !== 'resolved') throw conflict({ code: 'not-resolved' });
  if (conversation.assigneeId !== principal.userId && !supervises(principal, conversation.teamId)) {
    throw new DomainError(
      'forbidden',
      "Only the conversation's last agent or a supervisor of the team can change its tags.",
    );
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

/**
 * A live socket takes a newer access token only of its own session: a token of someone else,
 * or of another sign-in of the same user, would let one socket outlive (or become) another.
 */
export function assertSameSession(socket: StaffPrincipal, presented: StaffPrincipal): void {
  if (
    presented.userId !== socket.userId ||
    presented.sessionId !== socket.sessionId ||
    presented.role !== socket.role
  ) {
    throw new DomainError('forbidden', 'This token belongs to another session.');
  }
}

// ---- roles of endpoints and events ------------------------------------------------------------

/** An endpoint's `auth` admits this staff role; checked before anything is looked up. */
export function assertEndpointRole(principal: StaffPrincipal, auth: EndpointAuth): void {
  const roles = staffRolesOf[auth];
  if (roles !== null && !roles.includes(principal.role)) {
    throw new DomainError('forbidden', 'Your role may not use this endpoint.');
  }
}

/** Supervisor events are for supervisors and admins; checked before anything is looked up. */
export function assertSupervisorRole(principal: StaffPrincipal): void {
  if (principal.role !== 'supervisor' && principal.role !== 'admin') {
    throw new DomainError('forbidden', 'Only supervisors and admins can do this.');
  }
}

// ---- supervisors -----------------------------------------------------------------------------

/** A supervisor of this team, or an admin. */
export function supervises(principal: StaffPrincipal, teamId: string | null): boolean {
  if (principal.role === 'admin') return true;
  return principal.role === 'supervisor' && teamId !== null && principal.teamIds.includes(teamId);
}

/** The teams a supervisor's feed and reports cover: theirs; admins all (null), or those asked for. */
export function supervisedTeams(principal: StaffPrincipal, asked: string[] | undefined): string[] | null {
  assertSupervisorRole(principal);
  if (principal.role === 'admin') return asked ?? null;
  if (asked === undefined) return principal.teamIds;
  if (asked.some((teamId) => !principal.teamIds.includes(teamId))) {
    throw new DomainError('not-found', 'No such team.');
  }
  return asked;
}

/** A conversation a supervisor may steer: one of their teams' (admins: any); else not-found. */
export function assertCanSupervise(
  principal: StaffPrincipal,
  conversation: ConversationRecord | undefined,
): ConversationRecord {
  assertSupervisorRole(principal);
  if (!conversation || !supervises(principal, conversation.teamId)) {
    throw new DomainError('not-found', 'No such conversation.');
  }
  return conversation;
}

/** An agent a supervisor may steer (status, reassignment target): a member of their teams. */
export function assertCanSuperviseAgent(principal: StaffPrincipal, agentTeamIds: string[] | undefined): void {
  assertSupervisorRole(principal);
  if (agentTeamIds === undefined || !agentTeamIds.some((teamId) => supervises(principal, teamId))) {
    throw new DomainError('not-found', 'No such agent.');
  }
}

// ---- canned replies --------------------------------------------------------------------------

export interface CannedScopeOf {
  scope: 'global' | 'team' | 'personal';
  teamId: string | null;
  ownerId: string | null;
}

/** Everyone uses global replies, their teams' and their own personal ones. */
export function canUseCanned(principal: StaffPrincipal, reply: CannedScopeOf): boolean {
  if (reply.scope === 'global') return true;
  if (reply.scope === 'personal') return reply.ownerId === principal.userId;
  return principal.role === 'admin' || (reply.teamId !== null && principal.teamIds.includes(reply.teamId));
}

/** Personal: the owner; team: its supervisors and admins; global: admins. */
export function assertCanEditCanned(principal: StaffPrincipal, reply: CannedScopeOf): void {
  const allowed =
    reply.scope === 'personal'
      ? reply.ownerId === principal.userId
      : reply.scope === 'team'
        ? supervises(principal, reply.teamId)
        : principal.role === 'admin';
  if (!allowed) throw new DomainError('forbidden', 'You may not change this canned reply.');
}
