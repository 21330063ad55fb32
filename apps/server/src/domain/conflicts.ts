import type { ConflictReason } from '@switchboard/protocol';
import { DomainError } from './errors.js';

/** A `conflict` that says why, in English and as data (`details.reason`) for clients to word. */
export function conflict(reason: ConflictReason): DomainError {
  return new DomainError('conflict', conflictText(reason), { reason });
}

function conflictText(reason: ConflictReason): string {
  switch (reason.code) {
    case 'agent-unavailable':
      return `${reason.agent} is not available.`;
    case 'agent-at-capacity':
      return `${reason.agent} is at capacity.`;
    case 'already-theirs':
      return 'The conversation is already theirs.';
    case 'already-yours':
      return 'It is already yours.';
    case 'offer-closed':
      return 'This offer is no longer open.';
    case 'no-longer-queued':
      return 'This conversation is no longer waiting in the queue.';
    case 'already-answered':
      return 'Someone else is already answering this message.';
    case 'already-resolved':
      return 'Already resolved.';
    case 'not-open':
      return 'This conversation is not open.';
    case 'conversation-open':
      return 'One of their conversations is still queued or assigned: resolve it first.';
    case 'shortcut-taken':
      return `The shortcut "${reason.shortcut}" is taken.`;
    case 'email-in-use':
      return 'That email is in use.';
    case 'client-msg-id-taken':
      return 'This clientMsgId is already used by another sender.';
    case 'agent-joined':
      return 'An agent has already joined this chat.';
    case 'chat-ended':
      return 'This chat has ended.';
    case 'not-resolved':
      return 'A conversation can be rated once it is resolved.';
    case 'already-rated':
      return 'This conversation has already been rated.';
  }
}
