import { VisitorConversation } from '../conversation.js';
import { Hello, RequestError } from '../handshake.js';
import { Message, ReadUpdate, TypingUpdate } from '../message.js';
import { QueueUpdate } from '../queue.js';
import { visitorConversationRequests } from './conversation.js';
import type { ClientToServer, PushMap, RequestMap, ServerToClient } from './define.js';
import { visitorMessageRequests } from './message.js';

/** Everything a visitor may ask on the `/visitor` namespace. */
export const visitorRequests = {
  ...visitorConversationRequests,
  ...visitorMessageRequests,
} satisfies RequestMap;
export type VisitorRequests = typeof visitorRequests;

/** Everything the server pushes on the `/visitor` namespace. */
export const visitorPushes = {
  'session:hello': Hello,
  'conversation:update': VisitorConversation,
  'message:new': Message,
  'typing:update': TypingUpdate,
  'read:update': ReadUpdate,
  /** The visitor's place in the queue and the estimated wait, while the conversation is queued. */
  'queue:update': QueueUpdate,
  'request:error': RequestError,
} satisfies PushMap;
export type VisitorPushes = typeof visitorPushes;

export type VisitorClientToServerEvents = ClientToServer<VisitorRequests>;
export type VisitorServerToClientEvents = ServerToClient<VisitorPushes>;
