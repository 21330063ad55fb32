import { Empty } from '../auth.js';
import {
  AgentMessageSend,
  MessageAck,
  ReadMark,
  SyncRequest,
  SyncResponse,
  TypingSet,
  VisitorMessageSend,
  VisitorTypingSet,
} from '../message.js';
import type { RequestMap } from './define.js';

const shared = {
  /** Everything after `afterSeq`, in seq order, at most `limit`. Call on every (re)connect. */
  'message:sync': { request: SyncRequest, response: SyncResponse },
  /** Read receipt: everything up to `seq` has been read. */
  'message:read': { request: ReadMark, response: Empty },
} satisfies RequestMap;

export const visitorMessageRequests = {
  'message:send': { request: VisitorMessageSend, response: MessageAck },
  ...shared,
  /** Ephemeral: never stored, never retried. May carry the draft (`preview`). */
  'typing:set': { request: VisitorTypingSet, response: Empty },
} satisfies RequestMap;

export const agentMessageRequests = {
  'message:send': { request: AgentMessageSend, response: MessageAck },
  ...shared,
  /** Ephemeral: never stored, never retried. */
  'typing:set': { request: TypingSet, response: Empty },
} satisfies RequestMap;
