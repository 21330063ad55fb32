import { describe, expect, it } from 'vitest';
import { OTHER_TIMELINE_KIND, TimelineEntry } from '../src/index.js';
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

  it('reads note data of an unknown code, or one with a field missing, as absent: the English note stays', () => {
    for (const noteData of [
      { code: 'vanished', agent: 'Alice' },
      { code: 'transferred-to-team', team: 'B' },
      { code: 'queue-timeout', seconds: -1 },
    ]) {
      const parsed = TimelineEntry.parse({ ...entry, noteData });
      expect(parsed.noteData).toBeUndefined();
      expect(parsed.note).toBe('Alice disconnected');
    }
  });

  it('reads a kind a newer server added as "other", keeping when, who and the note', () => {
    const actor = { id: ids.user, name: 'Carol' };
    const parsed = TimelineEntry.parse({ ...entry, kind: 'escalated', actor, note: 'No reply for 5 min' });
    expect(parsed).toMatchObject({ kind: OTHER_TIMELINE_KIND, at: now, actor, note: 'No reply for 5 min' });
    expect(TimelineEntry.parse(entry).kind).toBe('requeued');
  });

  it('reads a routing reason of an unknown code as absent, keeping the decision and its sentence', () => {
    const decision = {
      rule: null,
      teamId: null,
      priority: 'normal',
      eligible: [],
      chosen: null,
      why: 'skills matched',
      reason: { code: 'skills-matched', skills: ['billing'] },
    };
    const parsed = TimelineEntry.parse({ ...entry, kind: 'routed', decision });
    expect(parsed.decision?.why).toBe('skills matched');
    expect(parsed.decision?.reason).toBeUndefined();
    const known = { ...decision, reason: { code: 'accepted' } };
    expect(TimelineEntry.parse({ ...entry, decision: known }).decision?.reason).toEqual({ code: 'accepted' });
  });

  it('still refuses an entry without its conversation, time or note', () => {
    expect(TimelineEntry.safeParse({ ...entry, conversationId: 'nope' }).success).toBe(false);
    expect(TimelineEntry.safeParse({ ...entry, at: undefined }).success).toBe(false);
    expect(TimelineEntry.safeParse({ ...entry, note: undefined }).success).toBe(false);
  });
});
