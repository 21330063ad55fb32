import { Empty } from '../auth.js';
import { Conversation, ConversationRef } from '../conversation.js';
import { MessageAck } from '../message.js';
import { AgentState } from '../routing.js';
import {
  HandSet,
  SupervisorEnd,
  SupervisorReassign,
  SupervisorSnapshot,
  SupervisorStatusSet,
  SupervisorSubscribe,
  SupervisorTakeover,
  SupervisorWhisper,
} from '../supervisor.js';
import type { RequestMap } from './define.js';

/** Supervisors (their teams) and admins (all). Every action but (un)subscribe is audited. */
export const agentSupervisorRequests = {
  /** Start the live feed: the ack is a snapshot, `supervisor:delta` pushes follow. */
  'supervisor:subscribe': { request: SupervisorSubscribe, response: SupervisorSnapshot },
  'supervisor:unsubscribe': { request: Empty, response: Empty },
  /** Follow a conversation silently: no read receipt, nothing the visitor can see. */
  'supervisor:monitor': { request: ConversationRef, response: Conversation },
  'supervisor:unmonitor': { request: ConversationRef, response: Empty },
  /** A message only staff see (`visibility: agents`). */
  'supervisor:whisper': { request: SupervisorWhisper, response: MessageAck },
  /** Join visibly: the visitor sees a system message; the supervisor may then reply. */
  'supervisor:barge': { request: ConversationRef, response: Conversation },
  /** Reassign the conversation to yourself, whatever your status or capacity. */
  'supervisor:takeover': { request: SupervisorTakeover, response: Conversation },
  /** Reassign to another agent or team, whatever the agent's status or capacity. */
  'supervisor:reassign': { request: SupervisorReassign, response: Conversation },
  /** Set an agent's status (reason `supervisor`). */
  'supervisor:status': { request: SupervisorStatusSet, response: AgentState },
  /** Resolve a conversation of your teams. */
  'supervisor:end': { request: SupervisorEnd, response: Conversation },
} satisfies RequestMap;

/** Any staff member: ask a supervisor for help. */
export const agentHandRequests = {
  'agent:hand': { request: HandSet, response: HandSet },
} satisfies RequestMap;
