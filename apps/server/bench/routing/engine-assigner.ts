import { RoutingService } from '../../src/domain/routing/routing-service.js';
import type { Assigner, AssignerFactory } from './assigner.js';

/** The grace period is irrelevant here: nobody disconnects during a drain. */
const DISCONNECT_GRACE_SECONDS = 60;

/**
 * The real engine, unmodified, with sinks in place of the transport. An assignment is announced
 * as `conversationChanged(id, null)` immediately followed by `agentChanged(assignee)` (see
 * `assign` in `src/domain/routing/assignment.ts`), which is how the sink learns who got it; the drain cross-checks against the store.
 */
export const engineAssigner: AssignerFactory = (db, population, onAssigned) => {
  const routing = new RoutingService(db, { now: Date.now, disconnectGraceSeconds: DISCONNECT_GRACE_SECONDS });
  let announced: string | null = null;
  let positionUpdates = 0;
  const assigner: Assigner = {
    name: 'engine',
    async prepare() {
      await routing.load();
      routing.setEvents({
        conversationChanged: (conversationId, previousAssigneeId) => {
          if (previousAssigneeId === null) announced = conversationId;
        },
        agentChanged: (userId) => {
          if (announced === null) return;
          const conversationId = announced;
          announced = null;
          onAssigned(conversationId, userId);
        },
        offered: () => undefined,
        offerClosed: () => undefined,
        queuePositions: (updates) => {
          positionUpdates += updates.length;
        },
      });
      for (const agent of population.agents) {
        await routing.connected(agent.id);
        await routing.setStatus(agent.id, 'online', 'manual');
      }
    },
    async open() {
      for (const teamId of population.teamIds) {
        const { id: _id, name: _name, ...settings } = routing.team(teamId);
        await routing.setTeamSettings(teamId, { ...settings, businessHours: null });
      }
    },
    resolved: (conversationId, userId) => routing.resolved(conversationId, userId),
    tick: () => routing.tick(),
    positionUpdates: () => positionUpdates,
  };
  return assigner;
};
