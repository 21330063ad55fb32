import { randomUUID } from 'node:crypto';
import { routingEndpoints } from '@switchboard/protocol';
import type { FastifyInstance } from 'fastify';
import { assertAdmin } from '../../domain/policy.js';
import type { TeamSettings } from '../../domain/routing/model.js';
import { timeline } from '../../domain/timeline.js';
import type { TransportDeps } from '../../realtime/services.js';
import { defineRoute } from '../define-route.js';

function settingsOf(team: TeamSettings) {
  const { id: _id, name: _name, ...settings } = team;
  return settings;
}

export function routingRoutes(app: FastifyInstance, deps: TransportDeps): void {
  const { routing } = deps;

  defineRoute(app, routingEndpoints.timeline, deps, async ({ principal, params }) => {
    await deps.conversations.get(principal, params.conversationId);
    return timeline(deps.db, params.conversationId);
  });

  defineRoute(app, routingEndpoints.listTeams, deps, async ({ principal }) =>
    routing.teams(principal).map((t) => ({ id: t.id, name: t.name, mode: t.mode })),
  );

  defineRoute(app, routingEndpoints.listAgents, deps, async ({ principal }) =>
    routing.agentStates(principal),
  );

  defineRoute(app, routingEndpoints.getTeamRouting, deps, async ({ principal, params }) =>
    settingsOf(routing.visibleTeam(principal, params.teamId)),
  );

  defineRoute(app, routingEndpoints.putTeamRouting, deps, async ({ principal, params, body }) => {
    assertAdmin(principal);
    return settingsOf(await routing.setTeamSettings(params.teamId, body));
  });

  defineRoute(app, routingEndpoints.setCapacity, deps, async ({ principal, params, body }) => {
    assertAdmin(principal);
    return routing.setCapacity(params.userId, body.capacity);
  });

  defineRoute(app, routingEndpoints.getRoutingRules, deps, async ({ principal }) => {
    assertAdmin(principal);
    return routing.rules();
  });

  defineRoute(app, routingEndpoints.putRoutingRules, deps, async ({ principal, body }) => {
    assertAdmin(principal);
    return routing.setRules(body.rules.map((rule) => ({ ...rule, id: rule.id ?? randomUUID() })));
  });

  defineRoute(app, routingEndpoints.listBans, deps, async ({ principal }) => {
    assertAdmin(principal);
    return deps.bans.list();
  });

  defineRoute(app, routingEndpoints.createBan, deps, async ({ principal, body }) => {
    assertAdmin(principal);
    return deps.bans.create(principal, body);
  });

  defineRoute(app, routingEndpoints.liftBan, deps, async ({ principal, params }) => {
    assertAdmin(principal);
    await deps.bans.lift(principal, params.banId);
    return {};
  });

  defineRoute(app, routingEndpoints.getBotEntries, deps, async ({ principal, params }) =>
    deps.bot.entries(routing.visibleTeam(principal, params.teamId).id),
  );

  defineRoute(app, routingEndpoints.putBotEntries, deps, async ({ principal, params, body }) => {
    assertAdmin(principal);
    routing.team(params.teamId);
    return deps.bot.setEntries(params.teamId, body.entries);
  });
}
