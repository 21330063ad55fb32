import { Conversation, ConversationViewers, VisitorPresenceUpdate } from '../conversation.js';
import { Hello, RequestError, SessionRevoked } from '../handshake.js';
import { Message, ReadUpdate, TypingUpdate } from '../message.js';
import { ConversationsErased } from '../privacy.js';
import { CannedChanged } from '../rest-canned.js';
import { AgentState, Offer, OfferClosed } from '../routing.js';
import { SupervisorDelta, SupervisorEscalation } from '../supervisor.js';
import { VisitedPageUpdate } from '../visited-page.js';
import { agentConversationRequests } from './conversation.js';
import type { ClientToServer, PushMap, RequestMap, ServerToClient } from './define.js';
import { agentMessageRequests } from './message.js';
import { agentRoutingRequests } from './routing.js';
import { agentSessionRequests } from './session.js';
import { agentHandRequests, agentSupervisorRequests } from './supervisor.js';

/** Everything staff (agents, supervisors, admins) may ask on the `/agent` namespace. */
export const agentRequests = {
  ...agentConversationRequests,
  ...agentMessageRequests,
  ...agentRoutingRequests,
  ...agentHandRequests,
  ...agentSupervisorRequests,
  ...agentSessionRequests,
} satisfies RequestMap;
export type AgentRequests = typeof agentRequests;

/** Everything the server pushes on the `/agent` namespace. */
export const agentPushes = {
  'session:hello': Hello,
  /** A conversation of your teams was opened, taken, resolved or changed. */
  'conversation:update': Conversation,
  'message:new': Message,
  /** Who has a conversation you follow in front changed (`conversation:view`). */
  'conversation:viewers': ConversationViewers,
  'typing:update': TypingUpdate,
  'read:update': ReadUpdate,
  /** The visitor of a conversation you follow went to another page of the site (`page:view`). */
  'visitor:page': VisitedPageUpdate,
  /** The visitor of a live chat you see (listed or followed) came or went: `{ visitorId, leftAt }`. */
  'visitor:presence': VisitorPresenceUpdate,
  /** A chat rings on your desktop until `expiresAt` (offer mode). */
  'offer:new': Offer,
  /** An offer to you ended: accepted, declined, expired, or withdrawn. */
  'offer:closed': OfferClosed,
  /** Your routing state changed (status, load); also sent right after `session:hello`. */
  'agent:state': AgentState,
  /** The supervisor feed changed (after `supervisor:subscribe`), coalesced to a few per second. */
  'supervisor:delta': SupervisorDelta,
  /** To supervisors of its team and admins: a chat's offers keep going unanswered. */
  'supervisor:escalation': SupervisorEscalation,
  'request:error': RequestError,
  /** Sent just before the server disconnects a revoked session's sockets. */
  'session:revoked': SessionRevoked,
  /** An admin erased a visitor: these conversations are gone; drop them, also from any cache. */
  'conversation:erased': ConversationsErased,
  /** A canned reply you may use was added, changed or deleted: fetch the list again. */
  'canned:changed': CannedChanged,
} satisfies PushMap;
export type AgentPushes = typeof agentPushes;

export type AgentClientToServerEvents = ClientToServer<AgentRequests>;
export type AgentServerToClientEvents = ServerToClient<AgentPushes>;
