import type { Conversation } from '@switchboard/protocol';

export type ConversationNotice = 'offer' | 'assigned' | 'queued' | 'left';

/**
 * The i18n key of a conversation notification's title. A chat that became a message with no
 * address to answer at did not choose to leave: nobody took it within the team's maximum queue
 * time (the offline form and leaving the queue both ask for an address).
 */
export function notificationTitleKey(kind: ConversationNotice, conversation: Conversation): string {
  if (kind === 'left' && conversation.replyTo === null) return 'notify.timedOut';
  return `notify.${kind}`;
}
