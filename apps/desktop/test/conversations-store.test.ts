import type { Conversation } from '@switchboard/protocol';
import { beforeEach, describe, expect, it } from 'vitest';
import { forgetAccountState } from '../src/renderer/app/account-state.js';
import { previousConversations, useConversations } from '../src/renderer/features/conversations/store.js';
import { newRow } from '../src/shared/new-row.js';
import { conversation } from './support/fakes.js';

const cached = (c: Conversation) => newRow(c);
const visitor = (id: string) => ({ id, name: id, verified: false });

describe('the conversation list store', () => {
  beforeEach(() => forgetAccountState());

  it("indexes each visitor's conversations, from the cache and from the server", () => {
    const first = conversation({ visitor: visitor('v1'), createdAt: '2026-01-01T00:00:00.000Z' });
    const second = conversation({ visitor: visitor('v1'), createdAt: '2026-02-01T00:00:00.000Z' });
    const other = conversation({ visitor: visitor('v2') });
    useConversations.getState().upsert([cached(first), cached(other)]);
    useConversations.getState().patch(second);
    // Seen again: not listed twice.
    useConversations.getState().upsert([cached({ ...first, status: 'resolved' })]);
    useConversations.getState().patch({ ...second, status: 'resolved' });

    const { byId, byVisitor } = useConversations.getState();
    expect(byVisitor.v1).toEqual([first.id, second.id]);
    expect(byVisitor.v2).toEqual([other.id]);
    expect(previousConversations(byId, byVisitor.v1, first.id).map((c) => c.id)).toEqual([second.id]);
    expect(previousConversations(byId, byVisitor.v2, other.id)).toEqual([]);
  });

  it("lists a visitor's other conversations newest first", () => {
    const [older, newer, current] = ['2026-01-01', '2026-03-01', '2026-05-01'].map((day) =>
      conversation({ visitor: visitor('v1'), createdAt: `${day}T00:00:00.000Z` }),
    ) as [Conversation, Conversation, Conversation];
    useConversations.getState().upsert([cached(older), cached(current), cached(newer)]);
    const { byId, byVisitor } = useConversations.getState();
    expect(previousConversations(byId, byVisitor.v1, current.id).map((c) => c.id)).toEqual([
      newer.id,
      older.id,
    ]);
  });

  it('keeps the index unchanged when nothing new arrives, and empties it at logout', () => {
    const c = conversation({ visitor: visitor('v1') });
    useConversations.getState().upsert([cached(c)]);
    const before = useConversations.getState().byVisitor;
    useConversations.getState().upsert([cached({ ...c, status: 'resolved' })]);
    expect(useConversations.getState().byVisitor).toBe(before);
    forgetAccountState();
    expect(useConversations.getState().byVisitor).toEqual({});
  });
});
