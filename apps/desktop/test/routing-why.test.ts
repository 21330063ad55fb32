import { type RoutingDecision, TimelineEntry } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { eventLine } from '../src/renderer/features/chat/event-line.js';
import { routingWhy } from '../src/renderer/features/chat/routing-why.js';
import { i18n } from '../src/renderer/i18n/index.js';

const decision: RoutingDecision = {
  rule: null,
  teamId: null,
  priority: 'normal',
  eligible: [],
  chosen: null,
  why: 'lowest load (1/4), idle longest among 2 equally loaded',
  reason: { code: 'lowest-load', load: 1, capacity: 4, tiedWith: 2 },
};

describe("a routing decision's why, in the agent's language", () => {
  it('words the reason in the chosen language', () => {
    expect(routingWhy(i18n.getFixedT('en'), decision)).toBe(decision.why);
    expect(routingWhy(i18n.getFixedT('zh-CN'), decision)).toBe(
      '负载最低（1/4），在 2 位负载相同的客服中空闲最久',
    );
    expect(
      routingWhy(i18n.getFixedT('zh-CN'), {
        ...decision,
        reason: { code: 'transferred', actor: 'Carol', note: '账单问题' },
      }),
    ).toBe('由 Carol 转接：账单问题');
  });

  it('falls back to the English sentence for a decision recorded before reasons were', () => {
    const { reason: _reason, ...older } = decision;
    expect(routingWhy(i18n.getFixedT('zh-CN'), older)).toBe(decision.why);
  });
});

describe('a timeline event as one line', () => {
  const en = i18n.getFixedT('en');
  const zh = i18n.getFixedT('zh-CN');
  const carol = { id: '3eb625a8-3363-431a-9d10-8e9fc65d4e03', name: 'Carol Supervisor' };
  const entry = {
    conversationId: 'e52d848f-7abf-44e4-b922-a640059cfee9',
    at: '2026-12-04T23:35:00.000Z',
  };

  it('says a transfer once: who moved it, to whom and why', () => {
    const transferred = {
      ...entry,
      kind: 'transferred' as const,
      actor: carol,
      decision: {
        ...decision,
        reason: { code: 'transferred' as const, actor: carol.name, note: 'taken over by a supervisor' },
      },
      note: 'to Carol Supervisor: taken over by a supervisor',
      noteData: { code: 'taken-over' as const, agent: carol.name },
    };
    expect(eventLine(en, transferred)).toBe(
      'Transferred · by Carol Supervisor · to Carol Supervisor: taken over by a supervisor',
    );
    expect(eventLine(zh, transferred)).toBe(
      '已转接 · 操作人：Carol Supervisor · 转给 Carol Supervisor：主管接管',
    );
  });

  it("words routing's notes in the agent's language and keeps what a person typed as typed", () => {
    const requeued = {
      ...entry,
      kind: 'requeued' as const,
      actor: null,
      decision: null,
      note: 'no reply within 90s',
      noteData: { code: 'no-reply' as const, seconds: 90 },
    };
    expect(eventLine(en, requeued)).toBe('Back in the queue · no reply within 90s');
    expect(eventLine(zh, requeued)).toBe('重新排队 · 90 秒内未回复');
    const toTeam = {
      ...entry,
      kind: 'transferred' as const,
      actor: carol,
      decision: null,
      note: 'to team Billing: refund over the limit',
      noteData: { code: 'transferred-to-team' as const, team: 'Billing', reason: 'refund over the limit' },
    };
    expect(eventLine(zh, toTeam)).toBe(
      '已转接 · 操作人：Carol Supervisor · 转给团队 Billing：refund over the limit',
    );
    // Recorded before notes had data, or written by a person: shown as it is.
    const { noteData: _, ...older } = requeued;
    expect(eventLine(zh, older)).toBe('重新排队 · no reply within 90s');
  });

  it('shows an event of a kind a newer server added, read as "other", with its English note', () => {
    const parsed = TimelineEntry.parse({
      ...entry,
      kind: 'escalated',
      actor: carol,
      decision: null,
      note: 'flagged to a supervisor',
    });
    expect(eventLine(en, parsed)).toBe(
      'Conversation updated · by Carol Supervisor · flagged to a supervisor',
    );
    expect(eventLine(zh, parsed)).toBe('会话已更新 · 操作人：Carol Supervisor · flagged to a supervisor');
  });

  it('names whoever did it as the actor, not as the one it happened to', () => {
    const resolved = { ...entry, kind: 'resolved' as const, actor: carol, decision: null, note: null };
    expect(eventLine(en, resolved)).toBe('Resolved · by Carol Supervisor');
  });

  it('keeps the decision where it is the only word on why', () => {
    const assigned = { ...entry, kind: 'assigned' as const, actor: null, decision, note: null };
    expect(eventLine(en, assigned)).toBe(`Assigned · ${decision.why}`);
  });
});
