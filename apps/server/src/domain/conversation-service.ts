import { randomUUID } from 'node:crypto';
import {
  type ConversationListQuery,
  TAG_SUGGESTION_DAYS,
  TAG_SUGGESTION_LIMIT,
  type TagSuggestion,
  type TransferTarget,
  type VisitorAttributes,
} from '@switchboard/protocol';
import type { z } from 'zod';
import { audit } from '../store/audit.js';
import {
  getConversation,
  insertConversation,
  listConversations,
  listVisitorConversations,
  liveVisitorConversations,
  openConversationIdsAssignedTo,
  queuedVisitors,
  recentTagLists,
  resolve,
  setResolvedTags,
} from '../store/conversations.js';
import type { Db } from '../store/open-sqlite.js';
import type { ConversationRecord } from '../store/records.js';
import { getWidget } from '../store/widgets.js';
import { conflict } from './conflicts.js';
import { DomainError, strictAssert } from './errors.js';
import {
  assertCanRead,
  assertCanResolve,
  assertCanRetag,
  assertCanTake,
  assertCanTransfer,
  staffScope,
} from './policy.js';
import type { Principal, StaffPrincipal, VisitorPrincipal } from './principal.js';
import type { RoutingService } from './routing/routing-service.js';
import { countTags } from './tag-counts.js';
import { trackedUrl } from './visited-page-service.js';

/** Who closed an abandoned conversation: the visitor, by leaving (like the visitor's read marks). */
const ABANDONED_BY = 'visitor';
const ABANDONED_NOTE = 'The visitor left before anyone answered.';

export class ConversationService {
  constructor(
    private readonly db: Db,
    private readonly routing: RoutingService,
    /** The clock of stored times that reports read (opened, resolved). */
    private readonly now: () => number = Date.now,
  ) {}

  /** Routing rules place a new conversation in a team's queue (or with the team's bot first). */
  async open(visitor: VisitorPrincipal, attributes: VisitorAttributes): Promise<ConversationRecord> {
    const widget = await getWidget(this.db, visitor.widgetId);
    strictAssert(widget, 'a visitor always belongs to a widget');
    const id = randomUUID();
    const placement = this.routing.placement(attributes, visitor.verified, widget.teamId);
    const firstUrl = attributes.pageUrl && trackedUrl(attributes.pageUrl, widget.pageTracking);
    await insertConversation(
      this.db,
      {
        id,
        visitorId: visitor.visitorId,
        widgetId: widget.id,
        teamId: placement.teamId,
        attributes,
        priority: placement.priority,
        inBot: placement.inBot,
        rule: placement.rule,
        status: 'queued',
        firstPage: firstUrl ? { url: firstUrl, title: attributes.pageTitle || null } : null,
      },
      new Date(this.now()).toISOString(),
    );
    await this.routing.admitted({ id, visitorId: visitor.visitorId, placement });
    return this.#load(id);
  }

  /** Ids of the open conversations a staff member is assigned to. */
  openAssignedTo(staff: StaffPrincipal): Promise<string[]> {
    return openConversationIdsAssignedTo(this.db, staff.userId);
  }

  /** The visitor's live chats: the staff on them see whether the visitor is still there. */
  liveOfVisitor(visitorId: string): Promise<ConversationRecord[]> {
    return liveVisitorConversations(this.db, visitorId);
  }

  listForVisitor(visitor: VisitorPrincipal): Promise<ConversationRecord[]> {
    return listVisitorConversations(this.db, visitor.visitorId);
  }

  async get(principal: Principal, conversationId: string): Promise<ConversationRecord> {
    return assertCanRead(principal, await getConversation(this.db, conversationId));
  }

  /** Manual pick from the queue. Of several agents racing for one conversation exactly one wins. */
  async take(agent: StaffPrincipal, conversationId: string): Promise<ConversationRecord> {
    const conversation = await this.get(agent, conversationId);
    assertCanTake(agent, conversation);
    if (conversation.status === 'offline') await this.routing.takeOffline(agent, conversation);
    else await this.routing.take(agent, conversationId);
    return this.#load(conversationId);
  }

  async resolve(
    agent: StaffPrincipal,
    conversationId: string,
    note?: string,
    tags: string[] = [],
  ): Promise<ConversationRecord> {
    const conversation = await this.get(agent, conversationId);
    assertCanResolve(agent, conversation);
    const at = new Date(this.now()).toISOString();
    if (!(await resolve(this.db, conversationId, agent.userId, note, [...new Set(tags)], at))) {
      throw conflict({ code: 'already-resolved' });
    }
    await this.routing.resolved(conversationId, agent.userId);
    return this.#load(conversationId);
  }

  /** A resolved conversation's tags corrected (they replace those given on resolving). */
  async retag(staff: StaffPrincipal, conversationId: string, tags: string[]): Promise<ConversationRecord> {
    const before = await this.get(staff, conversationId);
    assertCanRetag(staff, before);
    const after = [...new Set(tags)];
    if (!(await setResolvedTags(this.db, conversationId, after))) throw conflict({ code: 'not-resolved' });
    // Reports count tags: who changed them, and from what, stays on record.
    await audit(this.db, staff.userId, 'conversation.tags', conversationId, { before: before.tags, after });
    return this.#load(conversationId);
  }

  /**
   * Visitors waiting in a queue, and when each last left (ms; null: connected then): after a
   * restart, each must come back or be taken as gone.
   */
  queuedVisitors(): Promise<Array<{ visitorId: string; leftAt: number | null }>> {
    return queuedVisitors(this.db);
  }

  /**
   * The visitor left while still waiting (no connection for the configured time): their queued
   * conversations close unanswered, which reports count as abandoned in the queue.
   */
  async abandonQueued(visitorId: string): Promise<ConversationRecord[]> {
    const closed: ConversationRecord[] = [];
    for (const conversation of await listVisitorConversations(this.db, visitorId)) {
      if (conversation.status !== 'queued') continue;
      const at = new Date(this.now()).toISOString();
      if (!(await resolve(this.db, conversation.id, ABANDONED_BY, ABANDONED_NOTE, ['abandoned'], at)))
        continue;
      await this.routing.resolved(conversation.id, ABANDONED_BY);
      closed.push(await this.#load(conversation.id));
    }
    return closed;
  }

  async transfer(actor: StaffPrincipal, conversationId: string, target: TransferTarget, reason: string) {
    const conversation = await this.get(actor, conversationId);
    assertCanTransfer(actor, conversation);
    await this.routing.transfer(actor, conversationId, target, reason);
    return this.#load(conversationId);
  }

  async acceptOffer(agent: StaffPrincipal, offerId: string): Promise<ConversationRecord> {
    return this.#load(await this.routing.accept(agent.userId, offerId));
  }

  load(conversationId: string): Promise<ConversationRecord> {
    return this.#load(conversationId);
  }

  /** The tags given on resolving the chats the staff member may read, lately: what to offer them. */
  async tagSuggestions(staff: StaffPrincipal): Promise<TagSuggestion[]> {
    const since = new Date(this.now() - TAG_SUGGESTION_DAYS * 86_400_000).toISOString();
    const counts = countTags(await recentTagLists(this.db, staffScope(staff), since));
    return [...counts.values()]
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
      .slice(0, TAG_SUGGESTION_LIMIT);
  }

  async list(
    staff: StaffPrincipal,
    query: z.output<typeof ConversationListQuery>,
  ): Promise<{ items: ConversationRecord[]; nextCursor: string | null }> {
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const assignee =
      query.assignee === undefined
        ? undefined
        : query.assignee === 'unassigned'
          ? ({ kind: 'unassigned' } as const)
          : ({ kind: 'user', id: query.assignee === 'me' ? staff.userId : query.assignee } as const);
    const items = await listConversations(this.db, staffScope(staff), {
      status: query.status,
      teamId: query.teamId,
      assignee,
      visitorId: query.visitorId,
      after,
      limit: query.limit,
    });
    const last = items.at(-1);
    return {
      items,
      nextCursor: items.length === query.limit && last ? encodeCursor([last.createdAt, last.id]) : null,
    };
  }

  async #load(id: string): Promise<ConversationRecord> {
    const conversation = await getConversation(this.db, id);
    strictAssert(conversation, `conversation ${id} exists`);
    return conversation;
  }
}

function encodeCursor(key: [string, string]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && typeof key[0] === 'string' && typeof key[1] === 'string' && key.length === 2) {
      return [key[0], key[1]];
    }
  } catch {
    // fall through to the typed error
  }
  throw new DomainError('invalid-payload', 'The cursor is not one this server issued.');
}
