import { ESCALATE_AFTER_MISSED_OFFERS, type LiveChat } from '@switchboard/protocol';
import { bridge } from '../../host/bridge.js';
import { i18n } from '../../i18n/index.js';
import type { FeedState } from './feed.js';

export const isEscalated = (chat: LiveChat) => chat.missedOffers >= ESCALATE_AFTER_MISSED_OFFERS;

/** The chats that reached the escalation threshold between two states of the feed. */
export function newlyEscalated(before: FeedState, after: FeedState): LiveChat[] {
  return Object.values(after.chats).filter((chat) => {
    const was = before.chats[chat.conversationId];
    return isEscalated(chat) && !(was && isEscalated(was));
  });
}

/** A native notification for the supervisor: a chat's offers keep going unanswered (PRODUCT: alerts escalate). */
export function notifyEscalation(chat: LiveChat): void {
  const visitor = chat.visitor.name ?? i18n.t('visitor.anonymous');
  void bridge['notify:show']({
    kind: 'escalated',
    conversationId: chat.conversationId,
    title: i18n.t('notify.escalated'),
    body: `${visitor} — ${i18n.t('supervisor.missedOffers', { count: chat.missedOffers })}`.slice(0, 500),
    tabFocused: false,
  });
}
