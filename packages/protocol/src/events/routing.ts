import { Empty } from '../auth.js';
import { Conversation } from '../conversation.js';
import { AgentState, OfferDecline, OfferRef, StatusSet, TransferRequest } from '../routing.js';
import type { RequestMap } from './define.js';

export const agentRoutingRequests = {
  /** Set your own status. `away` and `offline` stop new offers and assignments. */
  'agent:status': { request: StatusSet, response: AgentState },
  /** Accept a chat ringing on your desktop; `conflict` when it expired or was withdrawn. */
  'offer:accept': { request: OfferRef, response: Conversation },
  'offer:decline': { request: OfferDecline, response: Empty },
  /** Hand a conversation to another agent or team, with a reason. */
  'conversation:transfer': { request: TransferRequest, response: Conversation },
  /** Your routing state (status, load, capacity). */
  'agent:state': { request: Empty, response: AgentState },
} satisfies RequestMap;
