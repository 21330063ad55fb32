import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per server instance, so several servers can live in one test process. */
export interface MetricSources {
  queuedConversations(): Promise<number>;
  unindexedMessages(): Promise<number>;
}

export function createMetrics(sources: MetricSources) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'switchboard_' });
  return {
    registry,
    connections: new Gauge({
      name: 'switchboard_socket_connections',
      help: 'Open socket.io connections per namespace',
      labelNames: ['namespace'] as const,
      registers: [registry],
    }),
    messages: new Counter({
      name: 'switchboard_messages_total',
      help: 'Messages committed, by sender kind',
      labelNames: ['sender'] as const,
      registers: [registry],
    }),
    commitSeconds: new Histogram({
      name: 'switchboard_message_commit_seconds',
      help: 'Time from receiving a message to its ack (validate + authorize + commit)',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    emails: new Counter({
      name: 'switchboard_answer_emails_total',
      help: 'Answers to left messages by outcome: sent, read-in-chat, retry, failed',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    inboundEmails: new Counter({
      name: 'switchboard_inbound_emails_total',
      help: 'Emails the mail gateway posted, by outcome: stored, duplicate, ignored, bounced, unmatched, wrong-sender',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    errors: new Counter({
      name: 'switchboard_request_errors_total',
      help: 'Refused requests by error code and transport',
      labelNames: ['code', 'transport'] as const,
      registers: [registry],
    }),
    queued: new Gauge({
      name: 'switchboard_conversations_queued',
      help: 'Conversations waiting in a queue',
      registers: [registry],
      async collect() {
        this.set(await sources.queuedConversations());
      },
    }),
    unindexed: new Gauge({
      name: 'switchboard_search_unindexed_messages',
      help: 'Messages committed but not yet in the full-text search index (it trails by about a second)',
      registers: [registry],
      async collect() {
        this.set(await sources.unindexedMessages());
      },
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
