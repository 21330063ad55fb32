// First: the renderer modules below read the bridge when they load.
import './support/recording-bridge.js';
import {
  agentPushes,
  ESCALATE_AFTER_MISSED_OFFERS,
  type LiveChat,
  PROTOCOL_VERSION,
  type SupervisorAgent,
  type SupervisorDelta,
  type SupervisorEscalation,
  type SupervisorSnapshot,
  type TeamTile,
} from '@switchboard/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerConnection } from '../src/renderer/api/connection.js';
import { readPush } from '../src/renderer/api/server-input.js';
import { listen } from '../src/renderer/app/listeners.js';
import { runtime } from '../src/renderer/app/runtime.js';
import { startFeed } from '../src/renderer/features/supervisor/actions.js';
import { isEscalated } from '../src/renderer/features/supervisor/escalations.js';
import { applyDelta, fromSnapshot, longestWaitNow } from '../src/renderer/features/supervisor/feed.js';
import { useSupervisor } from '../src/renderer/features/supervisor/store.js';
import { conversation } from './support/fakes.js';
import { bridgeCalls } from './support/recording-bridge.js';

const AT = '2026-03-02T10:00:00.000Z';
const TEAM = '00000000-0000-4000-8000-000000000001';
const ALICE = '00000000-0000-4000-8000-00000000000a';
const CHAT1 = '00000000-0000-4000-8000-0000000000c1';
const CHAT2 = '00000000-0000-4000-8000-0000000000c2';

function tile(queueLength: number, longestWait: number | null = null): TeamTile {
  const ok = { value: null, level: 'ok' as const };
  return {
    teamId: TEAM,
    name: 'Support',
    queueLength,
    longestWait: { value: longestWait, level: 'ok' },
    estimatedWaitSeconds: null,
    agents: { online: 1, away: 0, wrapUp: 0, offline: 0 },
    chatsInProgress: 0,
    sla: { firstResponseSeconds: ok, waitSeconds: ok, abandonedRate: ok },
    level: 'ok',
  };
}

const agent: SupervisorAgent = {
  userId: ALICE,
  name: 'Alice',
  status: 'online',
  reason: 'manual',
  since: AT,
  connected: true,
  load: 0,
  capacity: 3,
  teamIds: [TEAM],
  conversationIds: [],
  handRaised: false,
};

function chat(conversationId: string): LiveChat {
  return {
    conversationId,
    teamId: TEAM,
    status: 'queued',
    assignee: null,
    visitor: { id: conversationId, name: 'Vera' },
    priority: 'normal',
    inBot: false,
    queuedAt: AT,
    assignedAt: null,
    firstReplyAt: null,
    missedOffers: 0,
  };
}

const snapshot = (queue = 1): SupervisorSnapshot => ({
  teams: [tile(queue)],
  agents: [agent],
  chats: [chat(CHAT1)],
  at: AT,
});

function delta(version: number, patch: Partial<SupervisorDelta> = {}): SupervisorDelta {
  return { version, teams: [], agents: [], agentsRemoved: [], chats: [], chatsRemoved: [], at: AT, ...patch };
}

describe('applying supervisor deltas', () => {
  it('upserts rows by id and removes the listed ones, in version order', () => {
    const start = fromSnapshot(snapshot());
    const first = applyDelta(start, delta(1, { teams: [tile(2)], chats: [chat(CHAT2)] }));
    expect(first.kind).toBe('applied');
    if (first.kind !== 'applied') return;
    expect(first.state.teams[TEAM]?.queueLength).toBe(2);
    expect(Object.keys(first.state.chats).sort()).toEqual([CHAT1, CHAT2]);
    const second = applyDelta(first.state, delta(2, { chatsRemoved: [CHAT1], agentsRemoved: [ALICE] }));
    expect(second.kind === 'applied' && Object.keys(second.state.chats)).toEqual([CHAT2]);
    expect(second.kind === 'applied' && second.state.agents).toEqual({});
    // Untouched maps are kept as they are (no needless re-render).
    expect(second.kind === 'applied' && second.state.teams).toBe(first.state.teams);
  });

  it('reports a skipped version as a gap and an old one as stale', () => {
    const start = fromSnapshot(snapshot());
    expect(applyDelta(start, delta(2)).kind).toBe('gap');
    const first = applyDelta(start, delta(1));
    if (first.kind !== 'applied') throw new Error('not applied');
    expect(applyDelta(first.state, delta(1)).kind).toBe('stale');
    expect(applyDelta(first.state, delta(3)).kind).toBe('gap');
  });

  it('ticks the longest wait locally from the figure at `at`', () => {
    const at = Date.parse(AT);
    expect(longestWaitNow(tile(1, 30), AT, at + 12_500)).toBe(42);
    expect(longestWaitNow(tile(0, null), AT, at + 12_500)).toBeNull();
    // A clock slightly behind the server's never shows less than the server measured.
    expect(longestWaitNow(tile(1, 30), AT, at - 5000)).toBe(30);
  });
});

/** A socket.io-like fake: records `supervisor:*` requests and lets the test push events. */
function fakeConnection(snapshots: SupervisorSnapshot[]) {
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const requests: string[] = [];
  const socket = {
    connected: true,
    on(event: string, handler: (payload: unknown) => void) {
      const set = handlers.get(event) ?? new Set();
      set.add(handler);
      handlers.set(event, set);
    },
    off(event: string, handler: (payload: unknown) => void) {
      handlers.get(event)?.delete(handler);
    },
  };
  const connection = {
    socket,
    // As ServerConnection.on: each push read through its protocol schema first.
    on(event: keyof typeof agentPushes, handler: (payload: unknown) => void) {
      const listener = (payload: unknown) => {
        const read = readPush(event, agentPushes[event], payload);
        if (read !== null) handler(read);
      };
      socket.on(event, listener);
      return () => socket.off(event, listener);
    },
    async request(event: string) {
      requests.push(event);
      if (event === 'supervisor:subscribe') {
        const next = snapshots.shift();
        return next ? { ok: true, data: next } : { ok: false, error: { code: 'internal', message: 'none' } };
      }
      return { ok: true, data: {} };
    },
  };
  const emit = (event: string, payload: unknown) => {
    for (const handler of handlers.get(event) ?? []) handler(payload);
  };
  return { connection: connection as unknown as ServerConnection, requests, emit, handlers };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the live feed', () => {
  afterEach(() => {
    runtime.connection = null;
    useSupervisor.getState().setFeed(null);
  });

  it('subscribes at once and after every hello, applies deltas, and resubscribes on a gap', async () => {
    const fake = fakeConnection([snapshot(1), snapshot(5), snapshot(7)]);
    runtime.connection = fake.connection;
    const stop = startFeed(fake.connection);
    await settle();
    expect(useSupervisor.getState().feed?.teams[TEAM]?.queueLength).toBe(1);

    fake.emit('supervisor:delta', delta(1, { teams: [tile(2)] }));
    expect(useSupervisor.getState().feed?.teams[TEAM]?.queueLength).toBe(2);

    // Version 3 after 1: one was missed; a fresh snapshot replaces everything.
    fake.emit('supervisor:delta', delta(3, { teams: [tile(99)] }));
    await settle();
    expect(fake.requests.filter((r) => r === 'supervisor:subscribe')).toHaveLength(2);
    expect(useSupervisor.getState().feed?.teams[TEAM]?.queueLength).toBe(5);
    expect(useSupervisor.getState().feed?.version).toBe(0);

    // A reconnect (new socket: no subscription on the server) subscribes again.
    fake.emit('session:hello', {
      protocolVersion: PROTOCOL_VERSION,
      epoch: '00000000-0000-4000-8000-0000000000e1',
      serverTime: AT,
      principal: {
        kind: 'staff',
        user: {
          id: ALICE,
          email: 'carol@switchboard.test',
          name: 'Carol',
          role: 'supervisor',
          teamIds: [TEAM],
        },
      },
    });
    await settle();
    expect(fake.requests.filter((r) => r === 'supervisor:subscribe')).toHaveLength(3);
    expect(useSupervisor.getState().feed?.teams[TEAM]?.queueLength).toBe(7);

    stop();
    expect(fake.requests).toContain('supervisor:unsubscribe');
    expect(fake.handlers.get('supervisor:delta')?.size).toBe(0);
    expect(fake.requests).not.toContain('message:read');
  });
  it("notifies the supervisor of the server's escalation push, in any view; the feed only flags the row", async () => {
    const fake = fakeConnection([snapshot(1)]);
    runtime.connection = fake.connection;
    listen(fake.connection);
    const stop = startFeed(fake.connection);
    await settle();
    const notifications = () => bridgeCalls.filter((call) => call.channel === 'notify:show');
    bridgeCalls.length = 0;

    fake.emit(
      'supervisor:delta',
      delta(1, { chats: [{ ...chat(CHAT1), missedOffers: ESCALATE_AFTER_MISSED_OFFERS }] }),
    );
    expect(isEscalated(useSupervisor.getState().feed?.chats[CHAT1] as LiveChat)).toBe(true);
    expect(notifications()).toEqual([]);

    stop();
    // With the feed stopped (the supervisor view closed), the push still notifies.
    const escalation: SupervisorEscalation = {
      conversation: conversation({ id: CHAT1, status: 'queued', teamId: TEAM }),
      missedOffers: ESCALATE_AFTER_MISSED_OFFERS,
    };
    fake.emit('supervisor:escalation', escalation);
    expect(notifications()).toEqual([
      {
        channel: 'notify:show',
        payload: {
          kind: 'escalated',
          conversationId: CHAT1,
          title: 'A chat is going unanswered',
          body: `Vera — ${ESCALATE_AFTER_MISSED_OFFERS} unanswered offers`,
          tabFocused: false,
        },
      },
    ]);
  });
});
