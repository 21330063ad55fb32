import type { VisitorRequests } from '@switchboard/protocol';
import type { Principal } from '../domain/principal.js';
import { toMessage } from '../domain/views.js';
import type { Broadcaster } from './broadcaster.js';
import type { RequestHandlers } from './serve-requests.js';
import type { TransportDeps } from './services.js';

/** The events visitors and staff share (the protocol declares them once for both namespaces). */
type SharedEvent = 'message:sync' | 'message:read' | 'typing:set';

/** Sync, read receipts and typing: the same for a visitor and for staff; the policy tells them apart. */
export function sharedMessageHandlers<P extends Principal>(
  deps: Pick<TransportDeps, 'messages'>,
  broadcast: Broadcaster,
): Pick<RequestHandlers<VisitorRequests, P>, SharedEvent> {
  const { messages } = deps;
  return {
    'message:sync': async ({ conversationId, afterSeq, limit }, ctx) => {
      const page = await messages.sync(ctx.principal, conversationId, afterSeq, limit);
      return {
        conversationId,
        messages: page.messages.map(toMessage),
        lastSeq: page.lastSeq,
        hasMore: page.hasMore,
      };
    },
    'message:read': async ({ conversationId, seq }, ctx) => {
      const mark = await messages.markRead(ctx.principal, conversationId, seq);
      ctx.afterAck(() => broadcast.read(mark.conversation, ctx.principal, mark.seq, mark.visibleToVisitor));
      return {};
    },
    // Staff's typing:set has no preview (its schema refuses one), so only a visitor's carries it.
    'typing:set': async ({ conversationId, typing, preview }, ctx) => {
      const shown = await messages.typing(ctx.principal, conversationId, preview);
      ctx.afterAck(() =>
        broadcast.typing(shown.conversation, ctx.principal, { typing, preview: shown.preview }, ctx.socketId),
      );
      return {};
    },
  };
}
