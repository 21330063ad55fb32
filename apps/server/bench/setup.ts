import type { VisitorConversation } from '@switchboard/protocol';
import { type AgentClient, connectAgent, connectVisitor, request, type VisitorClient } from './clients.js';
import type { ProbeSample } from './probe.js';
import { BENCH_ORIGIN } from './seed.js';
import type { BenchSettings } from './settings.js';
import type { Target } from './targets.js';
import { warmUp } from './warm-up.js';

/** Setup runs many requests at once, but not thousands: a burst of handshakes is not the test. */
const CONCURRENCY = 50;
/** Lets the server finish fan-out of the takes before its memory is sampled. */
const SETTLE_MS = 1000;

export interface Population {
  /** Visitor `i` has one open conversation, taken by agent `i % agents`. */
  visitors: Array<{ socket: VisitorClient; conversationId: string }>;
  agents: AgentClient[];
  /** Server memory after the warm-up with no socket connected, and with every socket in place. */
  memory: { before: ProbeSample; after: ProbeSample };
  close(): void;
}

/**
 * The same steps against every target: credentials, a warm-up, agent sockets, then visitor
 * sockets each opening a conversation that agent `i % agents` takes at once.
 */
export async function populate(target: Target, settings: BenchSettings): Promise<Population> {
  const sockets: Array<VisitorClient | AgentClient> = [];
  const close = () => {
    for (const socket of sockets) socket.disconnect();
  };
  try {
    const visitorTokens = await mapConcurrently(range(settings.visitors), () => target.visitorToken());
    const agentTokens = await mapConcurrently(range(settings.agents), (i) => target.agentToken(i));
    await warmUp(target);
    const before = await target.sample('memory');

    const agents = await mapConcurrently(agentTokens, async (token) => {
      const socket = await connectAgent(target.url, token);
      sockets.push(socket);
      return socket;
    });
    // Each conversation is taken as soon as it is open, so the queue stays short, as in a staffed
    // contact center: a long queue would make setup measure routing instead of delivery.
    const visitors = await mapConcurrently(visitorTokens, async (token, i) => {
      const socket = await connectVisitor(target.url, token, BENCH_ORIGIN);
      sockets.push(socket);
      const { id: conversationId } = await request<VisitorConversation>(socket, 'conversation:open', {
        attributes: { pageUrl: `${BENCH_ORIGIN}/cart`, language: 'en' },
      });
      await request(agents[i % agents.length] as AgentClient, 'conversation:take', { conversationId });
      return { socket, conversationId };
    });

    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const after = await target.sample('memory');
    return { visitors, agents, memory: { before, after }, close };
  } catch (error) {
    close();
    throw error;
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

async function mapConcurrently<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return results;
}
