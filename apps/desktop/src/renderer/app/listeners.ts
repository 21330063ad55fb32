import type { Conversation } from '@switchboard/protocol';
import type { ServerConnection } from '../api/connection.js';
import { markRead } from '../features/chat/actions.js';
import { useCannedReplies } from '../features/chat/canned-replies.js';
import { announceViewing, onColleagueTyping, onViewers } from '../features/chat/colleagues.js';
import { useChat } from '../features/chat/store.js';
import { takenByMe } from '../features/chat/taken-by-me.js';
import { onVisitorTyping, visitorSent } from '../features/chat/visitor-typing.js';
import { useConversations } from '../features/conversations/store.js';
import { onVisitorPresence } from '../features/conversations/visitor-presence.js';
import {
  notifyConversation,
  notifyEmailFailed,
  notifyMessage,
  stopRinging,
} from '../features/notifications/notify.js';
import { catchUpErasures, erasuresBehind, onErased } from '../features/privacy/erasures.js';
import { useSession } from '../features/session/store.js';
import { restoreStatus } from '../features/status/actions.js';
import { usePresence } from '../features/status/store.js';
import { notifyEscalation } from '../features/supervisor/escalations.js';
import { storeConversations, storeMessages } from '../features/sync/cache-writes.js';
import { flushOutbox } from '../features/sync/outbox.js';
import { refetchConversations, resubscribeAndSync, syncConversation } from '../features/sync/resync.js';
import { useTabs } from '../features/tabs/store.js';
import { toastError } from '../features/toasts/store.js';
import { useVisitedPages } from '../features/visitor/visited-pages-store.js';
import { currentRoute } from './routes.js';

/** THE module turning server pushes into store updates (STYLE 14). */
export function listen(connection: ServerConnection): void {
  // Every push read through the protocol's schema (ServerConnection.on).
  const on = connection.on.bind(connection);
  on('session:hello', (hello) => {
    // Sent again without a reconnect when an admin changes our teams (protocol §9).
    if (hello.principal.kind === 'staff') useSession.getState().updateUser(hello.principal.user);
    useSession.getState().setAnswerEmails(hello.answerEmails);
    erasuresBehind();
    void (async () => {
      // Refetch on every connect, new epoch or not: pushes missed while away are not replayed (protocol §9).
      await refetchConversations();
      await flushOutbox();
      await resubscribeAndSync();
      // A new socket shows nothing in front yet.
      announceViewing(true);
      await restoreStatus();
      // Erasures while this workbench was away or closed: their conversations leave the cache.
      await catchUpErasures();
    })();
  });

  on('conversation:erased', (erased) => void onErased(erased));
  on('canned:changed', () => useCannedReplies.getState().changed());

  on('conversation:update', (conversation) => void onConversation(conversation));
  on('visitor:presence', (update) => void onVisitorPresence(update));

  on('message:new', (message) => {
    void (async () => {
      const before = useConversations.getState().byId[message.conversationId];
      if (!before) {
        const result = await connection.request('conversation:subscribe', {
          conversationId: message.conversationId,
        });
        if (result.ok) await storeConversations([result.data]);
      }
      const syncedSeq = useConversations.getState().byId[message.conversationId]?.syncedSeq ?? 0;
      await storeMessages([message]);
      if (message.seq > syncedSeq + 1) await syncConversation(message.conversationId);
      const mine = message.sender.kind === 'agent' && message.sender.id === useSession.getState().user?.id;
      if (!mine && message.sender.kind !== 'system') notifyMessage(message);
      // The email of my answer failed for good: the visitor has not got it.
      if (
        message.systemEvent?.code === 'email-failed' &&
        message.sender.id === useSession.getState().user?.id
      )
        notifyEmailFailed(message);
      if (message.sender.kind === 'visitor') visitorSent(message.conversationId);
      // The agent is looking at it: the visitor gets the read receipt at once.
      if (
        useTabs.getState().active === message.conversationId &&
        document.hasFocus() &&
        currentRoute() === 'workbench'
      )
        void markRead(message.conversationId);
    })();
  });

  on('conversation:viewers', onViewers);
  on('typing:update', (update) => {
    if (update.sender.kind === 'visitor') onVisitorTyping(update);
    else onColleagueTyping(update);
  });

  on('read:update', (update) => {
    if (update.reader.kind === 'visitor')
      useChat.getState().setVisitorRead(update.conversationId, update.seq);
  });

  // The visitor panel shows the active tab's conversation: its trail may still be on its way.
  on('visitor:page', (update) => useVisitedPages.getState().pushed(update, useTabs.getState().active));

  on('offer:new', (offer) => {
    usePresence.getState().addOffer(offer);
    void storeConversations([offer.conversation]);
    notifyConversation('offer', offer.conversation);
  });
  on('offer:closed', (closed) => {
    usePresence.getState().removeOffer(closed.offerId);
    stopRinging(closed.conversationId);
  });
  on('agent:state', (state) => usePresence.getState().setStatus(state.status, state.reason));
  // To supervisors and admins only, whether or not the supervisor view is open.
  on('supervisor:escalation', (escalation) => {
    void storeConversations([escalation.conversation]);
    notifyEscalation(escalation);
  });
  on('request:error', (error) => toastError('request', error.error));
}

/** Newly queued chats and newly left messages notify; chats newly assigned to me ring until I open them. */
async function onConversation(conversation: Conversation): Promise<void> {
  const me = useSession.getState().user;
  const before = useConversations.getState().byId[conversation.id]?.conversation;
  await storeConversations([conversation]);
  if (!me) return;
  const nowMine = conversation.assignee?.id === me.id && conversation.status === 'assigned';
  const wasMine = before?.assignee?.id === me.id && before.status === 'assigned';
  if (nowMine && !wasMine && !usePresence.getState().ringing.includes(conversation.id)) {
    if (!takenByMe.delete(conversation.id)) {
      usePresence.getState().ring(conversation.id);
      notifyConversation('assigned', conversation);
    }
    void syncConversation(conversation.id);
  } else if (!nowMine && usePresence.getState().ringing.includes(conversation.id)) {
    // Transferred away or resolved before the agent opened it.
    usePresence.getState().stopRinging(conversation.id);
    stopRinging(conversation.id);
  } else if (conversation.status !== before?.status) {
    const inMyTeam = conversation.teamId === null || me.teamIds.includes(conversation.teamId);
    if (inMyTeam && conversation.status === 'queued') notifyConversation('queued', conversation);
    if (inMyTeam && conversation.status === 'offline') notifyConversation('left', conversation);
  }
}
