import type { TimelineNote, TransferTarget } from '@switchboard/protocol';
import * as store from '../../store/routing.js';
import { conflict } from '../conflicts.js';
import { DomainError, strictAssert } from '../errors.js';
import type { StaffPrincipal } from '../principal.js';
import { requeue, settleAssigned } from './assignment.js';
import { type RoutingContext, timelineEvent } from './context.js';
import { decisionRecord } from './decision-record.js';
import { noteFields } from './notes.js';
import { offerTo, withdrawOfferOf } from './offers.js';

/**
 * Moves an open conversation to a team (back to the front of its queue) or to an agent.
 * `force` (supervisors): to an agent whatever their status and capacity, assigned at once.
 * `reason` null: a supervisor's takeover without one (to an agent only).
 */
export async function transfer(
  ctx: RoutingContext,
  actor: StaffPrincipal,
  conversationId: string,
  target: TransferTarget,
  reason: string | null,
  force: boolean,
): Promise<void> {
  const { state } = ctx;
  const c = state.open.get(conversationId);
  if (!c) throw conflict({ code: 'not-open' });
  const previous = c.assigneeId;
  if (target.kind === 'team') {
    // Only a takeover comes without a reason, and it is always to the supervisor.
    strictAssert(reason !== null, 'a transfer to a team has a reason');
    const team = state.teams.get(target.teamId);
    if (!team) throw new DomainError('not-found', 'No such team.');
    await withdrawOfferOf(ctx, c.id);
    c.teamId = team.id;
    await requeue(ctx, c, true, 'transferred', actor.userId, {
      code: 'transferred-to-team',
      team: team.name,
      reason,
    });
    ctx.events?.conversationChanged(c.id, previous);
    return;
  }
  const agent = state.agents.get(target.userId);
  if (!agent || (agent.teamIds.length === 0 && !force)) throw new DomainError('not-found', 'No such agent.');
  if (target.userId === previous) throw conflict({ code: 'already-theirs' });
  if (!force && (!agent.connected || agent.status !== 'online'))
    throw conflict({ code: 'agent-unavailable', agent: agent.name });
  if (!force && state.loadOf(agent.userId) + c.weight > agent.capacity) {
    throw conflict({ code: 'agent-at-capacity', agent: agent.name });
  }
  await withdrawOfferOf(ctx, c.id);
  c.teamId = c.teamId && agent.teamIds.includes(c.teamId) ? c.teamId : (agent.teamIds[0] ?? c.teamId);
  const note: TimelineNote =
    reason === null
      ? { code: 'taken-over', agent: agent.name }
      : { code: 'transferred-to-agent', agent: agent.name, reason };
  if (!force && c.teamId && state.teams.get(c.teamId)?.mode === 'offer') {
    // The receiving agent may refuse: it waits at the front of the queue, ringing only them.
    await requeue(ctx, c, true, 'transferred', actor.userId, note);
    state.dirty.delete(c.teamId);
    await offerTo(
      ctx,
      c,
      agent,
      decisionRecord(c, [], agent.userId, { code: 'transferred', actor: actor.name, note: null }),
    );
  } else {
    settleAssigned(ctx, c, agent.userId, ctx.options.now());
    const decision = decisionRecord(c, [], agent.userId, {
      code: 'transferred',
      actor: actor.name,
      note: reason,
    });
    await store.persistReassignment(
      ctx.db,
      c.id,
      agent.userId,
      timelineEvent(ctx, 'transferred', actor.userId, { ...noteFields(note), decision }),
    );
    ctx.events?.agentChanged(agent.userId);
  }
  if (previous) {
    ctx.events?.agentChanged(previous);
    ctx.state.markAgent(previous);
  }
  ctx.events?.conversationChanged(c.id, previous);
}
