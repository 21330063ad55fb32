import { randomUUID } from 'node:crypto';
import {
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  type Conversation,
  type ConversationPage,
  type LoginResponse,
  type Message,
  type MessageAck,
  PROTOCOL_VERSION,
  type Result,
  type SyncResponse,
} from '@switchboard/protocol';
import { io, type Socket } from 'socket.io-client';
import { AGENT } from './seed.js';

type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** A real agent: logged in over REST, connected to `/agent` with socket.io-client. */
export class TestAgent {
  private constructor(
    readonly serverUrl: string,
    readonly token: string,
    readonly socket: AgentSocket,
  ) {}

  /** `as` another seeded user (the supervisor): signed in, but not online for chats. */
  static async connect(
    serverUrl: string,
    as: { email: string; password: string } = AGENT,
  ): Promise<TestAgent> {
    const response = await fetch(`${serverUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: as.email, password: as.password }),
    });
    const login = unwrap((await response.json()) as Result<LoginResponse>);
    const socket: AgentSocket = io(`${serverUrl}/agent`, {
      auth: { token: login.tokens.accessToken, protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket'],
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('session:hello', () => resolve());
      socket.once('connect_error', reject);
    });
    // Only an agent who is online counts as available and receives chats.
    if (as === AGENT) unwrap(await socket.timeout(10_000).emitWithAck('agent:status', { status: 'online' }));
    return new TestAgent(serverUrl, login.tokens.accessToken, socket);
  }

  async conversations(query = ''): Promise<Conversation[]> {
    const response = await fetch(`${this.serverUrl}/api/conversations${query}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    return unwrap((await response.json()) as Result<ConversationPage>).items;
  }

  /** The conversation an agent works on: taken from the queue unless routing assigned it already. */
  async take(conversationId: string): Promise<void> {
    const result = await this.socket.timeout(10_000).emitWithAck('conversation:take', { conversationId });
    if (!result.ok && result.error.code !== 'conflict') throw new Error(result.error.message);
    await this.socket.timeout(10_000).emitWithAck('conversation:subscribe', { conversationId });
  }

  async typing(conversationId: string, typing: boolean): Promise<void> {
    unwrap(await this.socket.timeout(10_000).emitWithAck('typing:set', { conversationId, typing }));
  }

  async send(conversationId: string, body: string): Promise<number> {
    const ack = unwrap<MessageAck>(
      await this.socket
        .timeout(10_000)
        .emitWithAck('message:send', { conversationId, clientMsgId: randomUUID(), body }),
    );
    return ack.seq;
  }

  async resolve(conversationId: string): Promise<void> {
    unwrap(await this.socket.timeout(10_000).emitWithAck('conversation:resolve', { conversationId }));
  }

  /** Every message of the conversation as stored, in seq order. */
  async messages(conversationId: string): Promise<Message[]> {
    const all: Message[] = [];
    let afterSeq = 0;
    for (;;) {
      const page: SyncResponse = unwrap(
        await this.socket
          .timeout(10_000)
          .emitWithAck('message:sync', { conversationId, afterSeq, limit: 500 }),
      );
      all.push(...page.messages);
      if (!page.hasMore) return all;
      afterSeq = page.messages.at(-1)?.seq ?? page.lastSeq;
    }
  }

  close(): void {
    this.socket.disconnect();
  }
}
