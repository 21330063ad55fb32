import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { agentPushes, agentRequests, type RequestMap, visitorPushes, visitorRequests } from '../src/index.js';
import { ids, now } from './fixtures.js';

const EVENT_NAME = /^[a-z]+:[a-z]+$/;

const requestMaps = [
  ['/visitor', visitorRequests],
  ['/agent', agentRequests],
] as const satisfies ReadonlyArray<readonly [string, RequestMap]>;

const pushMaps = [
  ['/visitor', visitorPushes],
  ['/agent', agentPushes],
] as const;

describe.each(requestMaps)('%s requests', (_namespace, map) => {
  it.each(Object.keys(map))('%s has zod request and response schemas', (event) => {
    const spec = (map as RequestMap)[event];
    expect(spec?.request).toBeInstanceOf(z.ZodType);
    expect(spec?.response).toBeInstanceOf(z.ZodType);
  });

  it('names every event domain:verb', () => {
    for (const event of Object.keys(map)) expect(event).toMatch(EVENT_NAME);
  });

  it('takes one object per request, never a bare value', () => {
    for (const [event, spec] of Object.entries(map as RequestMap)) {
      for (const bad of ['x', 1, null, [], undefined]) {
        expect(spec.request.safeParse(bad).success, `${event} ${JSON.stringify(bad)}`).toBe(false);
      }
    }
  });

  it('rejects unknown keys in every request', () => {
    for (const [event, spec] of Object.entries(map as RequestMap)) {
      const probe = { conversationId: ids.conversation, unexpected: true };
      expect(spec.request.safeParse(probe).success, event).toBe(false);
    }
  });
});

describe.each(pushMaps)('%s pushes', (_namespace, map) => {
  it.each(Object.keys(map))('%s has a zod schema', (event) => {
    expect((map as Record<string, unknown>)[event]).toBeInstanceOf(z.ZodType);
    expect(event).toMatch(EVENT_NAME);
  });

  it('starts every connection with session:hello', () => {
    expect(Object.keys(map)).toContain('session:hello');
  });
});

describe('namespace separation', () => {
  it('keeps staff-only requests off /visitor', () => {
    const visitorEvents = Object.keys(visitorRequests);
    for (const event of ['conversation:take', 'conversation:resolve', 'conversation:subscribe']) {
      expect(visitorEvents).not.toContain(event);
    }
  });

  it('lists the same shared message events on both namespaces', () => {
    for (const event of ['message:send', 'message:sync', 'message:read', 'typing:set']) {
      expect(Object.keys(visitorRequests)).toContain(event);
      expect(Object.keys(agentRequests)).toContain(event);
    }
  });

  it("takes a draft preview with a visitor's typing only", () => {
    const typing = { conversationId: ids.conversation, typing: true, preview: 'Hel' };
    expect(visitorRequests['typing:set'].request.safeParse(typing).success).toBe(true);
    expect(agentRequests['typing:set'].request.safeParse(typing).success).toBe(false);
  });

  it('gives visitors no way to write an internal note', () => {
    const payload = {
      conversationId: ids.conversation,
      clientMsgId: ids.attachment,
      body: 'note',
      visibility: 'agents',
    };
    expect(visitorRequests['message:send'].request.safeParse(payload).success).toBe(false);
    expect(agentRequests['message:send'].request.safeParse(payload).success).toBe(true);
  });

  it('pushes the visitor view of a conversation on /visitor', () => {
    const visitorView = {
      id: ids.conversation,
      status: 'queued',
      agent: null,
      lastSeq: 0,
      createdAt: now,
      replyTo: null,
    };
    expect(visitorPushes['conversation:update'].parse({ ...visitorView, teamId: ids.team })).toEqual(
      visitorView,
    );
    expect(agentPushes['conversation:update'].safeParse(visitorView).success).toBe(false);
  });

  it('sends session:revoked on /agent only', () => {
    expect(Object.keys(agentPushes)).toContain('session:revoked');
    expect(Object.keys(visitorPushes)).not.toContain('session:revoked');
  });
});

describe('request:error', () => {
  it('names the event and carries an ApiError', () => {
    const push = { event: 'message:send', error: { code: 'invalid-payload', message: 'Bad payload.' } };
    expect(visitorPushes['request:error'].parse(push)).toEqual(push);
    expect(
      agentPushes['request:error'].safeParse({ event: 'x', error: { code: 'oops', message: '' } }).success,
    ).toBe(false);
  });
});
