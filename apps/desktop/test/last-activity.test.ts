import { describe, expect, it } from 'vitest';
import type { CachedConversation } from '../src/shared/cache-schemas.js';
import { byLastActivity, lastActivity } from '../src/shared/last-activity.js';
import { newRow } from '../src/shared/new-row.js';
import { conversation } from './support/fakes.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 9, minute)).toISOString();

function row(id: string, updatedMinute: number, newestMinute?: number): CachedConversation {
  const base = newRow(conversation({ id, updatedAt: at(updatedMinute) }));
  if (newestMinute === undefined) return base;
  return {
    ...base,
    newest: {
      seq: 1,
      senderKind: 'visitor',
      text: 'still there?',
      fileName: null,
      createdAt: at(newestMinute),
      visibility: 'all',
      systemEvent: null,
    },
  };
}

describe('the order of the conversation lists', () => {
  it("takes a message received since the server's last update as the row's activity", () => {
    expect(lastActivity(row('a', 10))).toBe(at(10));
    expect(lastActivity(row('a', 10, 12))).toBe(at(12));
    // A message older than the server's update (a transfer after it) leaves the update.
    expect(lastActivity(row('a', 10, 8))).toBe(at(10));
  });

  it('puts the chat with the newest message first, though the server updated another later', () => {
    const quiet = row('11111111-1111-4111-8111-111111111111', 20, 15);
    const talking = row('22222222-2222-4222-8222-222222222222', 10, 25);
    const idle = row('33333333-3333-4333-8333-333333333333', 5);
    expect(byLastActivity([idle, quiet, talking]).map((c) => c.conversation.id)).toEqual([
      talking.conversation.id,
      quiet.conversation.id,
      idle.conversation.id,
    ]);
  });

  it('orders rows active at the same moment by id, whatever order they come in', () => {
    const a = row('11111111-1111-4111-8111-111111111111', 10);
    const b = row('22222222-2222-4222-8222-222222222222', 10);
    expect(byLastActivity([b, a])).toEqual([a, b]);
    expect(byLastActivity([a, b])).toEqual([a, b]);
  });
});
