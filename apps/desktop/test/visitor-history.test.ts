import { describe, expect, it } from 'vitest';
import { HISTORY_SHOWN, mergeHistory } from '../src/renderer/features/visitor/history.js';
import {
  freshHistory,
  HISTORY_FRESH_MS,
  useVisitorHistoryCache,
} from '../src/renderer/features/visitor/history-store.js';
import { conversation } from './support/fakes.js';

const day = (d: number) => new Date(Date.UTC(2026, 11, d, 9)).toISOString();

describe("a visitor's history in the visitor panel", () => {
  it('joins the cached and the fetched conversations, each once in its fresher copy, newest first, without the open one', () => {
    const open = conversation({ createdAt: day(5) });
    const older = conversation({ createdAt: day(1), status: 'assigned', updatedAt: day(1) });
    const olderResolved = { ...older, status: 'resolved' as const, updatedAt: day(2) };
    const elsewhere = conversation({ createdAt: day(3) });

    const merged = mergeHistory([older, open], [olderResolved, elsewhere, open], open.id);
    expect(merged.map((c) => c.id)).toEqual([elsewhere.id, older.id]);
    expect(merged[1]?.status).toBe('resolved');
    // A stale server copy does not replace what this device saw later.
    expect(mergeHistory([olderResolved], [older], open.id)[0]?.status).toBe('resolved');
    // One erased since the server answered is left out.
    expect(mergeHistory([], [elsewhere, older], open.id, { [elsewhere.id]: true }).map((c) => c.id)).toEqual([
      older.id,
    ]);
  });

  it(`lists the newest ${HISTORY_SHOWN}`, () => {
    const many = Array.from({ length: HISTORY_SHOWN + 5 }, (_, i) => conversation({ createdAt: day(i + 1) }));
    const merged = mergeHistory(many, [], 'none');
    expect(merged).toHaveLength(HISTORY_SHOWN);
    expect(merged[0]?.createdAt).toBe(day(HISTORY_SHOWN + 5));
  });

  it("keeps the server's answer for a minute, marks it stale when the server is out of reach, and keeps 200 visitors", () => {
    const cache = useVisitorHistoryCache;
    cache.setState(cache.getInitialState(), true);
    const items = [conversation({ createdAt: day(1) })];
    cache.getState().put('vince', items, 1_000);
    expect(freshHistory(cache.getState().byVisitor, 'vince', 1_000 + HISTORY_FRESH_MS - 1)).toBe(items);
    expect(freshHistory(cache.getState().byVisitor, 'vince', 1_000 + HISTORY_FRESH_MS)).toBeUndefined();
    expect(freshHistory(cache.getState().byVisitor, 'nobody', 1_000)).toBeUndefined();
    // Still shown while offline; asked for again once the server is back.
    cache.getState().markStale();
    expect(cache.getState().byVisitor.vince?.items).toBe(items);
    expect(freshHistory(cache.getState().byVisitor, 'vince', 1_001)).toBeUndefined();

    for (let i = 0; i < 250; i += 1) cache.getState().put(`v${i}`, [], 2_000 + i);
    const kept = Object.keys(cache.getState().byVisitor);
    expect(kept).toHaveLength(200);
    // The least recently fetched went first.
    expect(kept).toContain('v249');
    expect(kept).not.toContain('v49');
    expect(kept).not.toContain('vince');
  });
});
