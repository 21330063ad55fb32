import { randomUUID } from 'node:crypto';
import { routingEndpoints } from '@switchboard/protocol';
import type { FastifyInstance } from 'fastify';
import { assertAdmin } from '../../domain/policy.js';
import type { TeamSettings } from '../../domain/routing/model.js';
import { conditionHolds, firstMatch } from '../../domain/routing/rule-matcher.js';
import { timeline } from '../../domain/timeline.js';
import type { TransportDeps } from '../../realtime/services.js';
import { audit } from '../../store/audit.js';
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
    const team = settingsOf(await routing.setTeamSettings(params.teamId, body));
    await audit(deps.db, principal.userId, 'team.routing', params.teamId, { mode: team.mode });
    return team;
  });

  defineRoute(app, routingEndpoints.setCapacity, deps, async ({ principal, params, body }) => {
    assertAdmin(principal);
    const state = await routing.setCapacity(params.userId, body.capacity);
    await audit(deps.db, principal.userId, 'agent.capacity', params.userId, { capacity: body.capacity });
    return state;
  });

  defineRoute(app, routingEndpoints.getRoutingRules, deps, async ({ principal }) => {
    assertAdmin(principal);
    return routing.rules();
  });

  defineRoute(app, routingEndpoints.putRoutingRules, deps, async ({ principal, body }) => {
    assertAdmin(principal);
    const rules = await routing.setRules(
      body.rules.map((rule) => ({ ...rule, id: rule.id ?? randomUUID() })),
    );
    await audit(deps.db, principal.userId, 'routing.rules', 'routing-rules', { count: rules.length });
    return rules;
  });

  defineRoute(app, routingEndpoints.testRoutingRule, deps, async ({ principal, body }) => {
    assertAdmin(principal);
    const input = { attributes: body.attributes, verified: body.verified };
    const holds = body.conditions.map((condition) => conditionHolds(condition, input));
    const saved = firstMatch(routing.rules(), input);
    return {
      matches: holds.every(Boolean),
      conditions: holds.map((h) => ({ holds: h })),
      savedRule: saved ? { id: saved.id, name: saved.name } : null,
    };
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
    const entries = await deps.bot.setEntries(params.teamId, body.entries);
    await audit(deps.db, principal.userId, 'bot.update', params.teamId, { count: entries.length });
    return entries;
  });
}
