import { describe, expect, it } from 'vitest';
import { TimelineEntry } from '../src/index.js';
import { ids, now } from './fixtures.js';

describe('a timeline entry', () => {
  const entry = {
    conversationId: ids.conversation,
    kind: 'requeued',
    at: now,
    actor: null,
    decision: null,
    note: 'Alice disconnected',
  };

  it('carries a note routing wrote as data a client can word in its own language', () => {
    const parsed = TimelineEntry.parse({
      ...entry,
      noteData: { code: 'agent-disconnected', agent: 'Alice' },
    });
    expect(parsed.noteData).toEqual({ code: 'agent-disconnected', agent: 'Alice' });
    expect(TimelineEntry.parse({ ...entry, noteData: { code: 'no-reply', seconds: 90 } }).noteData).toEqual({
      code: 'no-reply',
      seconds: 90,
    });
  });

  it('parses without it: notes a person wrote, and entries recorded before it existed', () => {
    expect(TimelineEntry.parse(entry).noteData).toBeUndefined();
  });

  it('refuses note data of an unknown code or with a field missing', () => {
    expect(
      TimelineEntry.safeParse({ ...entry, noteData: { code: 'vanished', agent: 'Alice' } }).success,
    ).toBe(false);
    expect(
      TimelineEntry.safeParse({ ...entry, noteData: { code: 'transferred-to-team', team: 'B' } }).success,
    ).toBe(false);
    expect(
      TimelineEntry.safeParse({ ...entry, noteData: { code: 'queue-timeout', seconds: -1 } }).success,
    ).toBe(false);
  });
});
