import type { Conversation, Message } from '@switchboard/protocol';
import type { BridgeRequest } from '../../../shared/bridge.js';
import { bridge } from '../../host/bridge.js';
import { i18n } from '../../i18n/index.js';
import { systemText } from '../chat/system-text.js';
import { unreadTotal, useConversations } from '../conversations/store.js';
import { useTabs } from '../tabs/store.js';
import { type ConversationNotice, notificationTitleKey } from './notification-title.js';

function visitorName(c: Conversation): string {
  return c.visitor.name ?? i18n.t('visitor.anonymous');
}

/**
 * Asks the host to notify. `tabFocused` matters only to a message's notification, which the host
 * leaves out when its tab is in front of a focused window (both hosts check the window).
 */
function show(
  kind: BridgeRequest<'notify:show'>['kind'],
  conversationId: string,
  title: string,
  body: string,
): void {
  void bridge['notify:show']({
    kind,
    conversationId,
    title: title.slice(0, 200),
    body: body.slice(0, 500),
    tabFocused: useTabs.getState().active === conversationId,
  });
}

export function notifyConversation(kind: ConversationNotice, conversation: Conversation): void {
  // A left message is its text; a chat to answer now, who and where.
  const about =
    kind === 'left' && conversation.lastMessage
      ? `: ${conversation.lastMessage.text}`
      : conversation.attributes.pageTitle
        ? ` — ${conversation.attributes.pageTitle}`
        : '';
  show(
    kind,
    conversation.id,
    i18n.t(notificationTitleKey(kind, conversation)),
    `${visitorName(conversation)}${about}`,
  );
}

export function notifyMessage(message: Message): void {
  const conversation = useConversations.getState().byId[message.conversationId]?.conversation;
  const sender =
    message.sender.name ?? (conversation ? visitorName(conversation) : i18n.t('visitor.anonymous'));
  show('message', message.conversationId, sender, message.body || message.attachment?.fileName || '');
}

/**
 * One of my answers could not be emailed for good: its visitor has not got it, and the chat may
 * be closed in my workbench by now.
 */
export function notifyEmailFailed(message: Message): void {
  show('message', message.conversationId, i18n.t('notify.emailFailed'), systemText(i18n.t, message));
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
