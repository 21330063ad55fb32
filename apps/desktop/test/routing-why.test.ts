import type { RoutingDecision } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
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
