import type { TypingUpdate } from '@switchboard/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useChat } from '../src/renderer/features/chat/store.js';
import { DRAFT_EXPIRES_MS } from '../src/renderer/features/chat/typing-expiry.js';
import { onVisitorTyping, visitorSent } from '../src/renderer/features/chat/visitor-typing.js';

const A = 'conversation-a';
const B = 'conversation-b';
const typing = (conversationId: string, on: boolean, preview: string | null = null): TypingUpdate => ({
  conversationId,
  sender: { kind: 'visitor', id: null, name: 'Dora' },
  typing: on,
  preview,
});
const state = (conversationId: string) => ({
  typing: useChat.getState().typing[conversationId] ?? false,
  draft: useChat.getState().visitorDrafts[conversationId] ?? null,
});

describe("the visitor's draft in the workbench", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useChat.setState(useChat.getInitialState(), true);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('follows the draft as it grows, and keeps it for a minute once the visitor pauses', () => {
    onVisitorTyping(typing(A, true, 'Can I'));
    onVisitorTyping(typing(A, true, 'Can I change'));
    expect(state(A)).toEqual({ typing: true, draft: 'Can I change' });
    onVisitorTyping(typing(A, false, 'Can I change it?'));
    expect(state(A)).toEqual({ typing: false, draft: 'Can I change it?' });
    vi.advanceTimersByTime(DRAFT_EXPIRES_MS - 1);
    expect(state(A).draft).toBe('Can I change it?');
    vi.advanceTimersByTime(1);
    expect(state(A).draft).toBeNull();
  });

  it('lets a draft lapse with the typing when updates stop while the visitor was typing', () => {
    onVisitorTyping(typing(A, true, 'Hel'));
    vi.advanceTimersByTime(6000);
    expect(state(A)).toEqual({ typing: false, draft: null });
  });

  it('drops the draft when it is withdrawn or sent, in that conversation only', () => {
    onVisitorTyping(typing(A, true, 'first'));
    onVisitorTyping(typing(B, false, 'second'));
    onVisitorTyping(typing(A, false));
    expect(state(A).draft).toBeNull();
    expect(state(B).draft).toBe('second');
    visitorSent(B);
    expect(state(B)).toEqual({ typing: false, draft: null });
    // No timer left to bring either back.
    vi.advanceTimersByTime(2 * DRAFT_EXPIRES_MS);
    expect(useChat.getState().visitorDrafts).toEqual({});
  });

  it('shows typing without a draft from a widget that keeps drafts to itself', () => {
    onVisitorTyping(typing(A, true));
    expect(state(A)).toEqual({ typing: true, draft: null });
  });
});
