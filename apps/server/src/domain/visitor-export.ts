import type { VisitorExport } from '@switchboard/protocol';
import { audit } from '../store/audit.js';
import { listVisitorConversations } from '../store/conversations.js';
import { messagesAfter } from '../store/messages.js';
import type { Db } from '../store/open-sqlite.js';
import { getRating } from '../store/ratings.js';
import type { MessageRecord } from '../store/records.js';
import { allVisitedPages } from '../store/visited-pages.js';
import { getVisitorWithCreated } from '../store/visitors.js';
import { DomainError } from './errors.js';
import type { StaffPrincipal } from './principal.js';
import { toMessage, toStaffConversation } from './views.js';

const PAGE = 1000;

/** Everything the server holds about the visitor (the right of access); audited. */
export async function exportVisitor(
  db: Db,
  admin: StaffPrincipal,
  visitorId: string,
): Promise<VisitorExport> {
  const visitor = await getVisitorWithCreated(db, visitorId);
  if (!visitor) throw new DomainError('not-found', 'No such visitor.');
  const conversations = [];
  for (const conversation of await listVisitorConversations(db, visitorId, null)) {
    const rating = await getRating(db, conversation.id);
    conversations.push({
      conversation: toStaffConversation(conversation),
      messages: (await allMessages(db, conversation.id)).map(toMessage),
      rating: rating ? { score: rating.score, comment: rating.comment, createdAt: rating.createdAt } : null,
      pages: await allVisitedPages(db, conversation.id),
    });
  }
  await audit(db, admin.userId, 'visitor.export', visitorId, { conversations: conversations.length });
  return {
    exportedAt: new Date().toISOString(),
    visitor: {
      id: visitor.id,
      name: visitor.name,
      email: visitor.email,
      externalId: visitor.externalId,
      verified: visitor.verified,
      createdAt: visitor.createdAt,
    },
    conversations,
  };
}

/** Every message of the conversation, internal notes too, a page at a time. */
async function allMessages(db: Db, conversationId: string): Promise<MessageRecord[]> {
  const all: MessageRecord[] = [];
  for (;;) {
    const page = await messagesAfter(db, conversationId, all.at(-1)?.seq ?? 0, PAGE, false);
    all.push(...page);
    if (page.length < PAGE) return all;
  }
}
