import { describe, expect, it } from 'vitest';
import type { RoutingAgent, RoutingConversation, TeamSettings } from '../src/domain/routing/model.js';
import { queuePositions, shownPosition } from '../src/domain/routing/queue-positions.js';

const NOW = Date.parse('2026-12-05T10:00:00.000Z');
const team: TeamSettings = {
  id: 'team-a',
  name: 'Team A',
  mode: 'auto',
  offerTimeoutSeconds: 30,
  wrapUpSeconds: 0,
  unansweredSeconds: 0,
  affinityHours: 0,
  agingSeconds: 600,
  businessHours: null,
  botEnabled: false,
  maxQueueSeconds: 0,
};
const waiting = (
  id: string,
  secondsAgo: number,
  over: Partial<RoutingConversation> = {},
): RoutingConversation => ({
  id,
  visitorId: `visitor-${id}`,
  teamId: team.id,
  priority: 'normal',
  weight: 1,
  status: 'queued',
  assigneeId: null,
  queuedAt: NOW - secondsAgo * 1000,
  enteredQueueAt: NOW - secondsAgo * 1000,
  frontOfQueue: false,
  assignedAt: null,
  firstReplyAt: null,
  inBot: false,
  rule: null,
  ...over,
});
const agent = (userId: string, over: Partial<RoutingAgent> = {}): RoutingAgent => ({
  userId,
  name: userId,
  teamIds: [team.id],
  capacity: 3,
  status: 'online',
  reason: 'manual',
  since: NOW,
  connected: true,
  lastAssignedAt: null,
  wrapUpUntil: null,
  disconnectedAt: null,
  statusBeforeDisconnect: null,
  ...over,
});

describe('the places and waits a queue tells its visitors', () => {
  it('numbers the waiting in serving order and estimates ceil(place / agents serving) × the average handle time', () => {
    const positions = queuePositions(
      {
        teams: [team],
        open: [waiting('late', 10), waiting('early', 60), waiting('vip', 5, { priority: 'vip' })],
        agents: [agent('alice'), agent('bob', { status: 'wrap-up' }), agent('away', { status: 'away' })],
        handleTimes: new Map([[team.id, [100, 200]]]),
      },
      NOW,
    );
    expect(positions.map((p) => [p.conversationId, p.position, p.estimatedWaitSeconds])).toEqual([
      ['vip', 1, 150],
      ['early', 2, 150],
      ['late', 3, 300],
    ]);
  });

  it('leaves out the bot’s chats and assigned ones, and estimates nothing while nobody serves or nothing was handled', () => {
    const open = [
      waiting('queued', 10),
      waiting('bot', 20, { inBot: true }),
      waiting('taken', 30, { status: 'assigned' }),
    ];
    const nobody = queuePositions(
      {
        teams: [team],
        open,
        agents: [agent('gone', { connected: false })],
        handleTimes: new Map([[team.id, [60]]]),
      },
      NOW,
    );
    expect(nobody).toEqual([
      { conversationId: 'queued', visitorId: 'visitor-queued', position: 1, estimatedWaitSeconds: null },
    ]);
    const unhandled = queuePositions(
      { teams: [team], open, agents: [agent('alice')], handleTimes: new Map() },
      NOW,
    );
    expect(unhandled.map((p) => p.estimatedWaitSeconds)).toEqual([null]);
  });

  it('rounds places further back, so a long queue moving by one does not update everyone', () => {
    expect([1, 10, 11, 15, 16, 100, 101, 151].map(shownPosition)).toEqual([1, 10, 15, 15, 20, 100, 150, 200]);
  });
});
