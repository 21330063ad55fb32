import { describe, expect, it } from 'vitest';
import { DomainError } from '../src/domain/errors.js';
import {
  assertCanResolve,
  assertCanSend,
  assertCanSupervise,
  assertCanTake,
  assertCanTransfer,
  assertEndpointRole,
  assertSameSession,
  canRead,
  readIsVisibleToVisitor,
  supervisedTeams,
} from '../src/domain/policy.js';
import type { StaffPrincipal, VisitorPrincipal } from '../src/domain/principal.js';
import type { ConversationRecord } from '../src/store/records.js';

const TEAM_A = 'a0000000-0000-4000-8000-000000000000';
const TEAM_B = 'b0000000-0000-4000-8000-000000000000';

const staff = (userId: string, role: StaffPrincipal['role'], teamIds: string[]): StaffPrincipal => ({
  kind: 'staff',
  userId,
  sessionId: `s-${userId}`,
  role,
  name: userId,
  email: `${userId}@x.test`,
  teamIds,
});
const visitor = (visitorId: string): VisitorPrincipal => ({
  kind: 'visitor',
  visitorId,
  widgetId: 'w',
  name: null,
  verified: false,
});

const conversation = (over: Partial<ConversationRecord> = {}): ConversationRecord => ({
  id: 'c1',
  visitorId: 'v1',
  visitorName: null,
  visitorVerified: false,
  visitorLeftAt: null,
  widgetId: 'w',
  teamId: TEAM_A,
  status: 'assigned',
  assigneeId: 'alice',
  assigneeName: 'alice',
  attributes: {},
  priority: 'normal',
  tags: [],
  lastSeq: 3,
  createdAt: '',
  queuedAt: null,
  updatedAt: '',
  resolvedAt: null,
  replyTo: null,
  lastMessage: null,
  ...over,
});

const alice = staff('alice', 'agent', [TEAM_A]);
const andy = staff('andy', 'agent', [TEAM_A]);
const bella = staff('bella', 'agent', [TEAM_B]);
const sam = staff('sam', 'supervisor', [TEAM_B]);
const admin = staff('root', 'admin', []);

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'thrown';
  }
}

describe('policy: who may read a conversation of team A assigned to alice', () => {
  it.each([
    ['its visitor', visitor('v1'), true],
    ['another visitor', visitor('v2'), false],
    ['the assignee', alice, true],
    ['a teammate', andy, true],
    ['an agent of another team', bella, false],
    ['a supervisor of another team', sam, false],
    ['an admin', admin, true],
  ] as const)('%s → %s', (_who, principal, expected) => {
    expect(canRead(principal, conversation())).toBe(expected);
  });

  it('lets an agent keep reading a conversation assigned to them that moved to another team', () => {
    expect(canRead(alice, conversation({ teamId: TEAM_B }))).toBe(true);
    expect(canRead(andy, conversation({ teamId: TEAM_B }))).toBe(false);
  });
});

describe('policy: actions', () => {
  it.each([
    ['visitor, visible', visitor('v1'), 'all', null],
    ['assignee, visible', alice, 'all', null],
    ['teammate, visible', andy, 'all', 'forbidden'],
    ['teammate, note', andy, 'agents', null],
    ['admin, visible, not assignee', admin, 'all', 'forbidden'],
  ] as const)('send: %s → %s', (_case, principal, visibility, expected) => {
    expect(codeOf(() => assertCanSend(principal, conversation(), visibility))).toBe(expected);
  });

  it('nobody sends into a resolved conversation', () => {
    for (const p of [visitor('v1'), alice, admin]) {
      expect(codeOf(() => assertCanSend(p, conversation({ status: 'resolved' }), 'agents'))).toBe(
        'conversation-closed',
      );
    }
  });

  it('take: team members and admins, only while queued', () => {
    const queued = conversation({ status: 'queued', assigneeId: null });
    expect(codeOf(() => assertCanTake(andy, queued))).toBeNull();
    expect(codeOf(() => assertCanTake(admin, queued))).toBeNull();
    expect(codeOf(() => assertCanTake(bella, queued))).toBe('forbidden');
    expect(codeOf(() => assertCanTake(andy, conversation()))).toBe('conflict');
  });

  it('resolve: the assignee or an admin', () => {
    expect(codeOf(() => assertCanResolve(alice, conversation()))).toBeNull();
    expect(codeOf(() => assertCanResolve(admin, conversation()))).toBeNull();
    expect(codeOf(() => assertCanResolve(andy, conversation()))).toBe('forbidden');
    expect(codeOf(() => assertCanResolve(alice, conversation({ status: 'resolved' })))).toBe('conflict');
  });

  it('only the assignee’s reading is shown to the visitor', () => {
    expect(readIsVisibleToVisitor(alice, conversation())).toBe(true);
    expect(readIsVisibleToVisitor(andy, conversation())).toBe(false);
    expect(readIsVisibleToVisitor(admin, conversation())).toBe(false);
  });

  it('a socket re-authenticates only with a token of its own session', () => {
    expect(codeOf(() => assertSameSession(alice, { ...alice, name: 'Alice B.' }))).toBeNull();
    expect(codeOf(() => assertSameSession(alice, andy))).toBe('forbidden');
    expect(codeOf(() => assertSameSession(alice, { ...alice, sessionId: 'another sign-in' }))).toBe(
      'forbidden',
    );
    expect(codeOf(() => assertSameSession(alice, { ...alice, role: 'admin' }))).toBe('forbidden');
  });
});

describe('policy: supervisors', () => {
  const sue = staff('sue', 'supervisor', [TEAM_A]);

  it('a supervisor steers their own teams’ conversations; elsewhere it looks missing', () => {
    expect(assertCanSupervise(sue, conversation())).toBeDefined();
    expect(codeOf(() => assertCanSupervise(sam, conversation()))).toBe('not-found');
    expect(codeOf(() => assertCanSupervise(sam, undefined))).toBe('not-found');
    expect(codeOf(() => assertCanSupervise(admin, conversation({ teamId: null })))).toBeNull();
  });

  it('agents may not steer, whatever the conversation', () => {
    expect(codeOf(() => assertCanSupervise(alice, conversation()))).toBe('forbidden');
    expect(codeOf(() => assertCanSupervise(alice, undefined))).toBe('forbidden');
  });

  it('supervisors of the team may transfer and resolve what is not theirs; other supervisors not', () => {
    expect(codeOf(() => assertCanResolve(sue, conversation()))).toBeNull();
    expect(codeOf(() => assertCanTransfer(sue, conversation()))).toBeNull();
    expect(codeOf(() => assertCanResolve(sam, conversation()))).toBe('forbidden');
  });

  it('a supervisor who joined visibly may reply; monitoring alone does not let them', () => {
    expect(codeOf(() => assertCanSend(sue, conversation(), 'all'))).toBe('forbidden');
    expect(codeOf(() => assertCanSend(sue, conversation(), 'all', true))).toBeNull();
  });

  it('feeds and reports cover the supervisor’s teams; other teams look missing', () => {
    expect(supervisedTeams(sue, undefined)).toEqual([TEAM_A]);
    expect(codeOf(() => supervisedTeams(sue, [TEAM_B]))).toBe('not-found');
    expect(supervisedTeams(admin, undefined)).toBeNull();
    expect(codeOf(() => supervisedTeams(alice, undefined))).toBe('forbidden');
  });

  it('endpoint roles are checked before anything else', () => {
    expect(codeOf(() => assertEndpointRole(alice, 'staff-supervisor'))).toBe('forbidden');
    expect(codeOf(() => assertEndpointRole(sue, 'staff-supervisor'))).toBeNull();
    expect(codeOf(() => assertEndpointRole(sue, 'admin'))).toBe('forbidden');
    expect(codeOf(() => assertEndpointRole(admin, 'admin'))).toBeNull();
  });
});
