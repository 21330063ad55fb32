import type { Message } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { Timeline } from '../src/chat/timeline.js';

const CONVERSATION = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';

function message(seq: number, conversationId = CONVERSATION): Message {
  return {
    conversationId,
    seq,
    clientMsgId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    sender: { kind: 'agent', id: null, name: 'Ada' },
    body: `m${seq}`,
    visibility: 'all',
    attachment: null,
    createdAt: '2025-03-14T09:26:53.589Z',
  };
}

describe('Timeline', () => {
  it('keeps each seq once, whatever the order and repetition of arrivals', () => {
    const timeline = new Timeline(CONVERSATION);
    expect(timeline.add([message(2), message(1)]).map((m) => m.seq)).toEqual([1, 2]);
    expect(timeline.add([message(2), message(3), message(1)]).map((m) => m.seq)).toEqual([3]);
    expect(timeline.ordered().map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(timeline.lastSeq).toBe(3);
  });

  it('ignores other conversations and seq 0', () => {
    const timeline = new Timeline(CONVERSATION);
    expect(timeline.add([message(1, '7c9e6679-7425-40de-944b-e07fc1f90ae7'), message(0)])).toEqual([]);
    expect(timeline.lastSeq).toBe(0);
  });

  it('reports a gap until the missing messages arrive', () => {
    const timeline = new Timeline(CONVERSATION);
    timeline.add([message(1), message(4)]);
    expect(timeline.lastSeq).toBe(1);
    expect(timeline.hasGap()).toBe(true);
    timeline.add([message(2), message(3)]);
    expect(timeline.lastSeq).toBe(4);
    expect(timeline.hasGap()).toBe(false);
  });

  it('closes a gap of internal notes when a complete sync confirms the last seq', () => {
    const timeline = new Timeline(CONVERSATION);
    timeline.add([message(1), message(2), message(5)]);
    expect(timeline.hasGap()).toBe(true);
    timeline.confirmThrough(5); // 3 and 4 were notes the visitor never receives
    expect(timeline.lastSeq).toBe(5);
    expect(timeline.hasGap()).toBe(false);
    timeline.add([message(6)]);
    expect(timeline.lastSeq).toBe(6);
  });
});
