import { restEndpoints } from '@switchboard/protocol';
import type { FastifyInstance } from 'fastify';
import { toMessage, toStaffConversation } from '../../domain/views.js';
import type { TransportDeps } from '../../realtime/services.js';
import { defineRoute } from '../define-route.js';

export function conversationRoutes(app: FastifyInstance, deps: TransportDeps): void {
  defineRoute(app, restEndpoints.listConversations, deps, async ({ principal, query }) => {
    const page = await deps.conversations.list(principal, query);
    return { items: page.items.map(toStaffConversation), nextCursor: page.nextCursor };
  });

  defineRoute(app, restEndpoints.tagSuggestions, deps, async ({ principal }) =>
    deps.conversations.tagSuggestions(principal),
  );

  defineRoute(app, restEndpoints.getConversation, deps, async ({ principal, params }) =>
    toStaffConversation(await deps.conversations.get(principal, params.conversationId)),
  );

  defineRoute(app, restEndpoints.messageHistory, deps, async ({ principal, params, query }) => {
    const page = await deps.messages.history(principal, params.conversationId, query.before, query.limit);
    return { messages: page.messages.map(toMessage), nextBefore: page.nextBefore };
  });

  defineRoute(app, restEndpoints.visitedPages, deps, async ({ principal, params }) => ({
    pages: await deps.visitedPages.list(principal, params.conversationId),
  }));

  defineRoute(app, restEndpoints.listErasures, deps, async ({ query }) =>
    deps.privacy.erasures(query.after, query.limit),
  );

  defineRoute(app, restEndpoints.searchMessages, deps, async ({ principal, query }) =>
    deps.search.search(principal, {
      text: query.q,
      period: { from: query.from, to: query.to },
      limit: query.limit,
      offset: query.offset,
    }),
  );
}
