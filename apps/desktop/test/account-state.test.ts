import type { Attachment, SearchHit } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_STORES, forgetAccountState } from '../src/renderer/app/account-state.js';
import { useCannedReplies } from '../src/renderer/features/chat/canned-replies.js';
import { useColleagues } from '../src/renderer/features/chat/colleagues.js';
import { useChatDialog } from '../src/renderer/features/chat/dialog-store.js';
import { useImageViewer } from '../src/renderer/features/chat/image-viewer.js';
import { useChat } from '../src/renderer/features/chat/store.js';
import { useTeamNames } from '../src/renderer/features/chat/team-names.js';
import { useConversations } from '../src/renderer/features/conversations/store.js';
import { useErased } from '../src/renderer/features/privacy/erased-store.js';
import { useSearch } from '../src/renderer/features/search/store.js';
import { usePresence } from '../src/renderer/features/status/store.js';
import { useSupervisor } from '../src/renderer/features/supervisor/store.js';
import { useTabs } from '../src/renderer/features/tabs/store.js';
import { useVisitorHistoryCache } from '../src/renderer/features/visitor/history-store.js';
import { useVisitedPages } from '../src/renderer/features/visitor/visited-pages-store.js';
import { newRow } from '../src/shared/new-row.js';
import { conversation, message } from './support/fakes.js';

/** The data a store holds (its actions left out: they never change). */
const dataOf = (state: object) =>
  Object.fromEntries(Object.entries(state).filter(([, value]) => typeof value !== 'function'));

describe('signing out of the workbench', () => {
  it("leaves nothing of the account in the page's stores for whoever signs in next", () => {
    const chat = conversation({ visitor: { id: 'v1', name: 'Vera', verified: false } });
    const said = message(chat.id, 1, { kind: 'visitor', id: 'v1' }, 'my card number is on the invoice');
    useConversations.getState().upsert([newRow(chat)]);
    useChat.getState().setDraft({ conversationId: chat.id, body: 'half a reply', internal: false });
    useTabs.getState().openTab(chat.id);
    useCannedReplies.setState({
      replies: [
        {
          id: crypto.randomUUID(),
          shortcut: 'mine',
          title: 'Only mine',
          body: 'A personal reply',
          scope: 'personal',
          teamId: null,
          ownerId: crypto.randomUUID(),
        },
      ],
      loadedAt: Date.now(),
    });
    const hit = { conversationId: chat.id, seq: 1, snippet: 'my card number' } as unknown as SearchHit;
    useSearch.getState().setQuery('card');
    useSearch.getState().show('card', { hits: [hit], conversations: [], offline: false, more: false });
    useColleagues.getState().setTyping(chat.id, 'Bob Agent');
    useImageViewer.getState().show({
      id: crypto.randomUUID(),
      fileName: 'invoice.png',
      contentType: 'image/png',
      size: 10,
    } as unknown as Attachment);
    usePresence.getState().setStatus('online', 'manual');
    usePresence
      .getState()
      .addOffer({ offerId: crypto.randomUUID(), conversation: chat, expiresAt: chat.createdAt });
    usePresence.getState().setHandRaised(true);
    useSupervisor.getState().setMonitored(chat);
    useSupervisor.getState().addMessages([said]);
    useChatDialog.getState().show(chat.id, 'resolve');
    useErased.getState().add(new Set([crypto.randomUUID()]));
    useVisitorHistoryCache.getState().put('v1', [chat], Date.now());
    const visited = useVisitedPages.getState();
    visited.answered(chat.id, visited.asking(chat.id), [
      { url: 'https://shop.example.com/orders/1234', title: 'Your order', at: chat.createdAt },
    ]);
    useTeamNames.setState({ byId: { t1: 'Billing' }, loaded: true });

    const changed = ACCOUNT_STORES.filter(
      (store) => JSON.stringify(dataOf(store.getState())) !== JSON.stringify(dataOf(store.getInitialState())),
    );
    // Every one of them now holds something: the check below could fail for each.
    expect(changed).toEqual(ACCOUNT_STORES);

    forgetAccountState();
    for (const store of ACCOUNT_STORES) {
      expect(dataOf(store.getState())).toEqual(dataOf(store.getInitialState()));
    }
    expect(useCannedReplies.getState().replies).toEqual([]);
    // The next account's replies are fetched afresh the first time it types `/`.
    expect(useCannedReplies.getState().loadedAt).toBe(0);
    expect(useSearch.getState().hits).toBeNull();
    expect(usePresence.getState().offers).toEqual({});
    expect(useSupervisor.getState().monitored).toBeNull();
    expect(useTabs.getState().open).toEqual([]);
    expect(useVisitedPages.getState().byConversation).toEqual({});
    // The stores still work afterwards.
    useTabs.getState().openTab(chat.id);
    expect(useTabs.getState().open).toEqual([chat.id]);
  });
});
