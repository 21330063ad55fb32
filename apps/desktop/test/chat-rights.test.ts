import { describe, expect, it } from 'vitest';
import { chatRights } from '../src/renderer/features/chat/chat-rights.js';
import { conversation } from './support/fakes.js';

const me = crypto.randomUUID();
const someone = { id: crypto.randomUUID(), name: 'Bob Agent' };

describe("what a chat's header offers", () => {
  it("offers to correct a resolved chat's tags to its last agent and to supervisors, never while open", () => {
    const resolvedMine = conversation({ status: 'resolved', assignee: { id: me, name: 'Alice Agent' } });
    const resolvedTheirs = conversation({ status: 'resolved', assignee: someone });
    const open = conversation({ status: 'assigned', assignee: { id: me, name: 'Alice Agent' } });
    expect(chatRights(resolvedMine, me, 'agent').canRetag).toBe(true);
    expect(chatRights(resolvedTheirs, me, 'agent').canRetag).toBe(false);
    expect(chatRights(resolvedTheirs, me, 'supervisor').canRetag).toBe(true);
    expect(chatRights(open, me, 'admin').canRetag).toBe(false);
    expect(chatRights(open, me, 'agent')).toMatchObject({ mine: true, canClose: true });
  });
});
