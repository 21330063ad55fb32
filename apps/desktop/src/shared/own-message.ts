import type { Message } from '@switchboard/protocol';

/**
 * Whether `userId` wrote the message or caused it (a system message recording their own action,
 * such as a supervisor joining): it is never unread for them, nor a reason to notify them.
 */
export function isOwnMessage(message: Pick<Message, 'sender'>, userId: string | undefined): boolean {
  const { kind, id } = message.sender;
  return userId !== undefined && id === userId && (kind === 'agent' || kind === 'system');
}
