import type { Conversation, Message } from '@switchboard/protocol';
import { bridge } from '../../host/bridge.js';
import { i18n } from '../../i18n/index.js';
import { systemText } from '../chat/system-text.js';
import { unreadTotal, useConversations } from '../conversations/store.js';
import { useTabs } from '../tabs/store.js';
import { type ConversationNotice, notificationTitleKey } from './notification-title.js';

function visitorName(c: Conversation): string {
  return c.visitor.name ?? i18n.t('visitor.anonymous');
}

export function notifyConversation(kind: ConversationNotice, conversation: Conversation): void {
  // A left message is its text; a chat to answer now, who and where.
  const about =
    kind === 'left' && conversation.lastMessage
      ? `: ${conversation.lastMessage.text}`
      : conversation.attributes.pageTitle
        ? ` — ${conversation.attributes.pageTitle}`
        : '';
  void bridge['notify:show']({
    kind,
    conversationId: conversation.id,
    title: i18n.t(notificationTitleKey(kind, conversation)),
    body: `${visitorName(conversation)}${about}`.slice(0, 500),
    tabFocused: useTabs.getState().active === conversation.id,
  });
}

export function notifyMessage(message: Message): void {
  const conversation = useConversations.getState().byId[message.conversationId]?.conversation;
  void bridge['notify:show']({
    kind: 'message',
    conversationId: message.conversationId,
    title: (
      message.sender.name ?? (conversation ? visitorName(conversation) : i18n.t('visitor.anonymous'))
    ).slice(0, 200),
    body: (message.body || message.attachment?.fileName || '').slice(0, 500),
    tabFocused: useTabs.getState().active === message.conversationId && document.hasFocus(),
  });
}

/**
 * One of my answers could not be emailed for good: its visitor has not got it, and the chat may
 * be closed in my workbench by now.
 */
export function notifyEmailFailed(message: Message): void {
  void bridge['notify:show']({
    kind: 'message',
    conversationId: message.conversationId,
    title: i18n.t('notify.emailFailed'),
    body: systemText(i18n.t, message).slice(0, 500),
    tabFocused: useTabs.getState().active === message.conversationId && document.hasFocus(),
  });
}

export function stopRinging(conversationId: string): void {
  void bridge['notify:dismiss']({ conversationId });
}

let lastBadge = -1;
/** Keeps the dock/taskbar badge and the tray in step with the unread total. */
export function watchUnreadBadge(): () => void {
  return useConversations.subscribe((state) => {
    const total = unreadTotal(state.byId);
    if (total === lastBadge) return;
    lastBadge = total;
    void bridge['app:badge']({ unread: total });
  });
}
