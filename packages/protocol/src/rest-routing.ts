import { z } from 'zod';
import { RuleTestRequest, RuleTestResult } from './admin.js';
import { Empty } from './auth.js';
import { ConversationParams, type EndpointSpec, TeamParams, UserParams } from './endpoint.js';
import { Id } from './primitives.js';
import { AgentState, TimelineEntry } from './routing.js';
import {
  Ban,
  BanCreate,
  BotEntriesPut,
  BotEntry,
  CapacitySet,
  RoutingRule,
  RoutingRulesPut,
  TeamRoutingSettings,
} from './routing-admin.js';

export const Team = z.object({
  id: Id,
  name: z.string(),
  /** `auto`: assigned at once; `offer`: rings one agent at a time until accepted. */
  mode: z.enum(['auto', 'offer']),
});
export type Team = z.infer<typeof Team>;

const BanParams = z.strictObject({ banId: Id });

/** Routing: the timeline of decisions, teams and agents, and the admin settings behind them. */
export const routingEndpoints = {
  timeline: {
    method: 'GET',
    path: '/api/conversations/:conversationId/timeline',
    auth: 'staff',
    params: ConversationParams,
    response: z.array(TimelineEntry),
  },
  listTeams: { method: 'GET', path: '/api/teams', auth: 'staff', response: z.array(Team) },
  listAgents: { method: 'GET', path: '/api/agents', auth: 'staff', response: z.array(AgentState) },
  getTeamRouting: {
    method: 'GET',
    path: '/api/teams/:teamId/routing',
    auth: 'staff',
    params: TeamParams,
    response: TeamRoutingSettings,
  },
  putTeamRouting: {
    method: 'POST',
    path: '/api/teams/:teamId/routing',
    auth: 'admin',
    params: TeamParams,
    body: TeamRoutingSettings,
    response: TeamRoutingSettings,
  },
  setCapacity: {
    method: 'POST',
    path: '/api/agents/:userId/capacity',
    auth: 'admin',
    params: UserParams,
    body: CapacitySet,
    response: AgentState,
  },
  getRoutingRules: {
    method: 'GET',
    path: '/api/routing/rules',
    auth: 'admin',
    response: z.array(RoutingRule),
  },
  putRoutingRules: {
    method: 'POST',
    path: '/api/routing/rules',
    auth: 'admin',
    body: RoutingRulesPut,
    response: z.array(RoutingRule),
  },
  testRoutingRule: {
    method: 'POST',
    path: '/api/routing/rules/test',
    auth: 'admin',
    body: RuleTestRequest,
    response: RuleTestResult,
  },
  listBans: { method: 'GET', path: '/api/bans', auth: 'admin', response: z.array(Ban) },
  createBan: { method: 'POST', path: '/api/bans', auth: 'admin', body: BanCreate, response: Ban },
  liftBan: {
    method: 'POST',
    path: '/api/bans/:banId/lift',
    auth: 'admin',
    params: BanParams,
    body: Empty,
    response: Empty,
  },
  getBotEntries: {
    method: 'GET',
    path: '/api/teams/:teamId/bot',
    auth: 'staff',
    params: TeamParams,
    response: z.array(BotEntry),
  },
  putBotEntries: {
    method: 'POST',
    path: '/api/teams/:teamId/bot',
    auth: 'admin',
    params: TeamParams,
    body: BotEntriesPut,
    response: z.array(BotEntry),
  },
} as const satisfies Record<string, EndpointSpec>;
