import { randomUUID } from 'node:crypto';
import type { MessageAck, VisitorConversation } from '@switchboard/protocol';
import { connectAgent, connectVisitor, request } from './clients.js';
import { BENCH_ORIGIN } from './seed.js';
import type { Target } from './targets.js';

const VISITORS = 10;
const MESSAGES_PER_VISITOR = 50;

/**
 * A short pass over every path the run uses (session, handshake, open, take, send, fan-out),
 * then disconnects. Both targets get it, so neither the memory baseline nor the first measured
 * messages carry one-off costs such as module loading and JIT compilation.
 */
export async function warmUp(target: Target): Promise<void> {
  const agent = await connectAgent(target.url, await target.agentToken(0));
  try {
    await Promise.all(
      Array.from({ length: VISITORS }, async () => {
        const visitor = await connectVisitor(target.url, await target.visitorToken(), BENCH_ORIGIN);
        try {
          const { id: conversationId } = await request<VisitorConversation>(visitor, 'conversation:open', {});
          await request(agent, 'conversation:take', { conversationId });
          for (let i = 0; i < MESSAGES_PER_VISITOR; i++) {
            const clientMsgId = randomUUID();
            await request<MessageAck>(visitor, 'message:send', {
              conversationId,
              clientMsgId,
              body: 'warm-up',
            });
          }
        } finally {
          visitor.disconnect();
        }
      }),
    );
  } finally {
    agent.disconnect();
  }
}
