import { z } from 'zod';
import { Empty } from '../auth.js';
import {
  Conversation,
  ConversationOpen,
  ConversationRef,
  ConversationResolve,
  ConversationTags,
  ConversationView,
  VisitorConversation,
} from '../conversation.js';
import { PageView } from '../visited-page.js';
import type { RequestMap } from './define.js';

export const visitorConversationRequests = {
  /** Open a new conversation; it waits in its team's queue. */
  'conversation:open': { request: ConversationOpen, response: VisitorConversation },
  /** The visitor's own conversations, newest first. */
  'conversation:list': { request: Empty, response: z.array(VisitorConversation) },
  /**
   * The visitor is on this page now (the widget says so on each page while a conversation is
   * open); the staff following it get `visitor:page`. The same page again records nothing.
   */
  'page:view': { request: PageView, response: Empty },
} satisfies RequestMap;

export const agentConversationRequests = {
  /** Receive a readable conversation's messages and typing live (joins its room). */
  'conversation:subscribe': { request: ConversationRef, response: Conversation },
  'conversation:unsubscribe': { request: ConversationRef, response: Empty },
  /** Take a queued conversation of one of your teams. Exactly one of several racing agents wins. */
  'conversation:take': { request: ConversationRef, response: Conversation },
  /**
   * Say which conversation this socket shows in front (null: none); staff following it get
   * `conversation:viewers`. Also subscribes the socket to it.
   */
  'conversation:view': { request: ConversationView, response: Empty },
  /** Resolve a conversation assigned to you (admins: any). */
  'conversation:resolve': { request: ConversationResolve, response: Conversation },
  /**
   * Correct a resolved conversation's tags (what it was about; reports count them): its last
   * assignee or a supervisor of its team, as for resolving.
   */
  'conversation:tag': { request: ConversationTags, response: Conversation },
} satisfies RequestMap;
