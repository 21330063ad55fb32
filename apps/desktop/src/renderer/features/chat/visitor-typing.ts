import type { TypingUpdate } from '@switchboard/protocol';
import { useChat } from './store.js';
import { DRAFT_EXPIRES_MS, showTyping } from './typing-expiry.js';

/**
 * A visitor's `typing:update`: whether they are typing, and what they have written and not sent
 * where their widget shares it (`preview`). The draft outlives the typing (the visitor paused) until
 * it is withdrawn, sent, or lapses.
 */
export function onVisitorTyping({ conversationId, typing, preview }: TypingUpdate): void {
  show(conversationId, typing, preview);
}

/** The visitor's message arrived: whatever they were writing is in it. */
export function visitorSent(conversationId: string): void {
  show(conversationId, false, null);
}

function show(conversationId: string, typing: boolean, draft: string | null): void {
  const chat = useChat.getState();
  showTyping(`visitor ${conversationId}`, typing, (on) => chat.setTyping(conversationId, on));
  showTyping(
    `visitor draft ${conversationId}`,
    draft !== null,
    (on) => chat.setVisitorDraft(conversationId, on ? draft : null),
    typing ? undefined : DRAFT_EXPIRES_MS,
  );
}
