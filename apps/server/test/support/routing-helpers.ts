import type { AgentState, Offer, TeamRoutingSettings } from '@switchboard/protocol';
import {
  type AgentClient,
  api,
  connectAgent,
  connectVisitor,
  login,
  nextEvent,
  request,
  unwrap,
  visitorSession,
} from './clients.js';
import type { TestServer } from './test-server.js';

export const DEFAULT_TEAM_SETTINGS: TeamRoutingSettings = {
  mode: 'auto',
  offerTimeoutSeconds: 30,
  wrapUpSeconds: 0,
  unansweredSeconds: 0,
  affinityHours: 0,
  agingSeconds: 120,
  maxQueueSeconds: 0,
  businessHours: null,
  botEnabled: false,
};

export async function adminToken(t: TestServer): Promise<string> {
  return (await login(t.url, t.fixture.admin.email)).tokens.accessToken;
}

export async function setTeam(
  t: TestServer,
  teamId: string,
  settings: Partial<TeamRoutingSettings>,
): Promise<void> {
  const token = await adminToken(t);
  unwrap(
    (
      await api(t.url, `/api/teams/${teamId}/routing`, {
        token,
        body: { ...DEFAULT_TEAM_SETTINGS, ...settings },
      })
    ).body,
  );
}

/** An agent socket that has gone online. */
export async function onlineAgent(t: TestServer, email: string): Promise<AgentClient> {
  const socket = await connectAgent(t.url, (await login(t.url, email)).tokens.accessToken);
  unwrap(await request<AgentState>(socket, 'agent:status', { status: 'online' }));
  return socket;
}

/** A visitor with a freshly opened conversation on the fixture's team-A widget. */
export async function visitorWithConversation(t: TestServer, attributes: object = {}) {
  const session = await visitorSession(t.url, t.fixture.widget.id);
  const visitor = await connectVisitor(t.url, session.visitorToken);
  const conversation = unwrap(
    await request<{ id: string; status: string }>(visitor, 'conversation:open', { attributes }),
  );
  return { session, visitor, conversation };
}

export function nextOffer(agent: AgentClient, conversationId?: string, timeoutMs = 5_000): Promise<Offer> {
  return nextEvent<Offer>(
    agent,
    'offer:new',
    (o) => conversationId === undefined || o.conversation.id === conversationId,
    timeoutMs,
  );
}
