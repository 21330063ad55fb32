import { describe, expect, it } from 'vitest';
import { chooseAgent } from '../src/domain/routing/choose-agent.js';
import type { RoutingAgent } from '../src/domain/routing/model.js';
import { whyOf } from '../src/domain/routing/reasons.js';

function agent(userId: string, name: string, capacity: number, lastAssignedAt: number | null): RoutingAgent {
  return {
    userId,
    name,
    teamIds: ['team'],
    capacity,
    status: 'online',
    reason: 'manual',
    since: 0,
    connected: true,
    lastAssignedAt,
    wrapUpUntil: null,
    disconnectedAt: null,
    statusBeforeDisconnect: null,
  };
}

describe('why routing chose an agent, as data and as a sentence', () => {
  const ann = agent('a', 'Ann', 4, 100);
  const bo = agent('b', 'Bo', 4, 50);

  it('names the previous agent, else the lowest load and how many shared it', () => {
    expect(
      chooseAgent(
        [
          { agent: ann, load: 2 },
          { agent: bo, load: 1 },
        ],
        'a',
      )?.reason,
    ).toEqual({
      code: 'previous-agent',
      agent: 'Ann',
    });
    expect(
      chooseAgent(
        [
          { agent: ann, load: 2 },
          { agent: bo, load: 1 },
        ],
        null,
      )?.reason,
    ).toEqual({
      code: 'lowest-load',
      load: 1,
      capacity: 4,
      tiedWith: 1,
    });
    const tie = chooseAgent(
      [
        { agent: ann, load: 1 },
        { agent: bo, load: 1 },
      ],
      null,
    );
    expect(tie?.chosen.agent.name).toBe('Bo');
    expect(tie?.reason).toEqual({ code: 'lowest-load', load: 1, capacity: 4, tiedWith: 2 });
  });

  it('words each reason in one English sentence', () => {
    expect(whyOf({ code: 'previous-agent', agent: 'Ann' })).toBe('Ann helped this visitor before');
    expect(whyOf({ code: 'lowest-load', load: 1, capacity: 4, tiedWith: 1 })).toBe('lowest load (1/4)');
    expect(whyOf({ code: 'lowest-load', load: 1, capacity: 4, tiedWith: 2 })).toBe(
      'lowest load (1/4), idle longest among 2 equally loaded',
    );
    expect(whyOf({ code: 'transferred', actor: 'Carol', note: 'billing question' })).toBe(
      'transferred by Carol: billing question',
    );
    expect(whyOf({ code: 'transferred', actor: 'Carol', note: null })).toBe('transferred by Carol');
    expect(whyOf({ code: 'accepted' })).toBe('accepted the offer');
  });
});
