import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import {
  type ApiError,
  Hello,
  type LoginResponse,
  Message,
  MessageAck,
  NAMESPACES,
  PROTOCOL_VERSION,
  resultOf,
  SyncResponse,
  type VisitorSession,
} from '@switchboard/protocol';
import { io, type Socket } from 'socket.io-client';
import type { AgentClient, VisitorClient } from './clients.js';
import { SHOP_ORIGIN } from './fixture.js';

const ACK_TIMEOUT_MS = 5_000;
const SYNC_PAGE_SIZE = 20;

export interface Outgoing {
  clientMsgId: string;
  /**
   * Resolves with the message's ack, however many reconnects that takes. Rejects on an error ack:
   * a real client may retry `rate-limited` later, but here any error ack is a finding.
   */
  acked: Promise<MessageAck>;
}

interface PendingMessage {
  conversationId: string;
  clientMsgId: string;
  body: string;
  inFlight: boolean;
  resolve(ack: MessageAck): void;
  reject(error: Error): void;
}

interface ConversationView {
  messages: Map<number, Message>;
  /** Everything up to this seq is held, or was confirmed by a sync (a visitor never holds notes). */
  lastSeq: number;
}

interface ReadyWaiter {
  resolve(): void;
  reject(error: Error): void;
}

/**
 * A client that keeps the delivery rules of the protocol (README section 9) the way the widget and
 * the workbench must: an outbox of unacked messages, each resent with its original clientMsgId
 * after every (re)connect until acked; a resync from `lastSeq` on every `session:hello` before
 * anything is resent; its own messages completed from their acks (the sending socket gets no push
 * of them); and per conversation a transcript that holds each seq exactly once.
 */
export class ReliableClient {
  /** The socket, typed for one-off requests such as `conversation:open`. */
  readonly socket: VisitorClient | AgentClient;
  /** The epoch of every `session:hello`, in arrival order. */
  readonly epochs: string[] = [];
  /** The first ack of every message, by clientMsgId. */
  readonly acks = new Map<string, MessageAck>();
  /** Broken promises seen on the wire: a changed ack, two messages under one seq, a refused resync. */
  readonly anomalies: string[] = [];
  /** Handshake refusals: after one of these socket.io does not reconnect by itself. */
  readonly refusals: ApiError[] = [];

  readonly #wire: Socket;
  readonly #outbox = new Map<string, PendingMessage>();
  readonly #conversations = new Map<string, ConversationView>();
  readonly #ackListeners: Array<(ack: MessageAck) => void> = [];
  readonly #readyWaiters: ReadyWaiter[] = [];
  /** Counts hellos, so that a resync of a connection that is already gone gives way. */
  #connection = 0;
  /** Resynced since the last hello: sends may go out. */
  #ready = false;

  constructor(
    url: string,
    namespace: keyof typeof NAMESPACES,
    token: string,
    /** Who this client is, as the server names it in the messages it sends. */
    readonly sender: Message['sender'],
    origin?: string,
  ) {
    this.#wire = io(`${url}${NAMESPACES[namespace]}`, {
      auth: { token, protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket'],
      extraHeaders: origin ? { origin } : undefined,
      forceNew: true,
      reconnection: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 300,
    });
    this.socket = this.#wire as unknown as VisitorClient | AgentClient;
    this.#wire.on('session:hello', (payload: unknown) => void this.#onHello(Hello.parse(payload)));
    this.#wire.on('message:new', (payload: unknown) => this.#receive(Message.parse(payload)));
    this.#wire.on('disconnect', () => {
      this.#ready = false;
    });
    this.#wire.on('connect_error', (error: Error & { data?: ApiError }) => this.#onRefusal(error.data));
  }

  /** Resolves once connected and resynced; rejects if the server refuses the connection. */
  whenReady(): Promise<void> {
    if (this.#ready) return Promise.resolve();
    return new Promise((resolve, reject) => this.#readyWaiters.push({ resolve, reject }));
  }

  /** Keeps this conversation's transcript and resyncs it on every (re)connect. */
  follow(conversationId: string): void {
    this.#view(conversationId);
  }

  /** Queues a message in the outbox and sends it as soon as the client is ready. */
  send(conversationId: string, body: string): Outgoing {
    const clientMsgId = randomUUID();
    let pending!: PendingMessage;
    const acked = new Promise<MessageAck>((resolve, reject) => {
      pending = { conversationId, clientMsgId, body, inFlight: false, resolve, reject };
    });
    this.#outbox.set(clientMsgId, pending);
    if (this.#ready) void this.#attempt(pending);
    return { clientMsgId, acked };
  }

  /** Called once per message, on its first ack. */
  onAck(listener: (ack: MessageAck) => void): void {
    this.#ackListeners.push(listener);
  }

  /** Messages in the outbox: not acked yet. */
  get unacked(): number {
    return this.#outbox.size;
  }

  lastSeq(conversationId: string): number {
    return this.#conversations.get(conversationId)?.lastSeq ?? 0;
  }

  /** What this client would show, in seq order. */
  transcript(conversationId: string): Message[] {
    const messages = this.#conversations.get(conversationId)?.messages ?? new Map<number, Message>();
    return [...messages.values()].sort((a, b) => a.seq - b.seq);
  }

  close(): void {
    this.#ready = false;
    this.#wire.disconnect();
  }

  async #onHello(hello: Hello): Promise<void> {
    const connection = ++this.#connection;
    this.#ready = false;
    this.epochs.push(hello.epoch);
    if (!(await this.#resyncAll(connection))) return;
    this.#ready = true;
    for (const waiter of this.#readyWaiters.splice(0)) waiter.resolve();
    for (const pending of this.#outbox.values()) if (!pending.inFlight) void this.#attempt(pending);
  }

  /** True once every conversation is resynced on this connection; false when it is gone first. */
  async #resyncAll(connection: number): Promise<boolean> {
    while (this.#isCurrent(connection)) {
      try {
        for (const conversationId of this.#conversations.keys()) await this.#sync(conversationId, connection);
        return this.#isCurrent(connection);
      } catch (error) {
        if (error instanceof SyncRefused) {
          this.anomalies.push(error.message);
          return false;
        }
        // No reply (timeout or disconnect): start over while this connection lasts.
      }
    }
    return false;
  }

  #isCurrent(connection: number): boolean {
    return connection === this.#connection && this.#wire.connected;
  }

  #onRefusal(error: ApiError | undefined): void {
    // A connect_error without data is the network (the server is down): socket.io keeps retrying.
    if (!error) return;
    this.refusals.push(error);
    for (const waiter of this.#readyWaiters.splice(0)) {
      waiter.reject(new Error(`connection refused: ${error.code}: ${error.message}`));
    }
  }

  /** Pages through everything after `lastSeq` (protocol README section 9, receiving rules 6 and 7). */
  async #sync(conversationId: string, connection: number): Promise<void> {
    const view = this.#view(conversationId);
    let afterSeq = view.lastSeq;
    while (connection === this.#connection) {
      const page = await this.#syncPage(conversationId, afterSeq);
      for (const message of page.messages) this.#receive(message);
      afterSeq = page.messages.at(-1)?.seq ?? afterSeq;
      if (!page.hasMore) {
        // The seqs up to the conversation's lastSeq that did not come are notes a visitor never sees.
        view.lastSeq = Math.max(view.lastSeq, page.lastSeq);
        this.#advance(view);
        return;
      }
    }
  }

  async #attempt(pending: PendingMessage): Promise<void> {
    const { conversationId, clientMsgId, body } = pending;
    pending.inFlight = true;
    let reply: unknown;
    try {
      reply = await this.#wire.timeout(ACK_TIMEOUT_MS).emitWithAck('message:send', {
        conversationId,
        clientMsgId,
        body,
      });
    } catch {
      // No ack (timeout or disconnect): the outcome is unknown, so the same message goes again,
      // now if still connected, otherwise after the next hello's resync.
      pending.inFlight = false;
      if (this.#ready) void this.#attempt(pending);
      return;
    }
    pending.inFlight = false;
    const result = resultOf(MessageAck).parse(reply);
    if (result.ok) return this.#acknowledge(pending, result.data);
    this.#outbox.delete(clientMsgId);
    pending.reject(new Error(`message:send refused: ${result.error.code}: ${result.error.message}`));
  }

  #acknowledge(pending: PendingMessage, ack: MessageAck): void {
    const first = this.acks.get(pending.clientMsgId);
    if (ack.clientMsgId !== pending.clientMsgId) {
      this.anomalies.push(`the ack for ${pending.clientMsgId} names ${ack.clientMsgId}`);
    } else if (first && !isDeepStrictEqual(first, ack)) {
      this.anomalies.push(`the ack of ${ack.clientMsgId} changed from seq ${first.seq} to seq ${ack.seq}`);
    } else if (!first) {
      this.acks.set(ack.clientMsgId, ack);
      // Held as the server stores it: a sync returning anything else is an anomaly (#receive).
      this.#receive({
        conversationId: pending.conversationId,
        seq: ack.seq,
        clientMsgId: ack.clientMsgId,
        sender: this.sender,
        body: pending.body,
        visibility: 'all',
        attachment: null,
        createdAt: ack.createdAt,
      });
      for (const listener of this.#ackListeners) listener(ack);
    }
    this.#outbox.delete(pending.clientMsgId);
    pending.resolve(ack);
  }

  /** Exactly once by seq: a repeat is dropped, a different message under a held seq is an anomaly. */
  #receive(message: Message): void {
    const view = this.#view(message.conversationId);
    const held = view.messages.get(message.seq);
    if (held && !isDeepStrictEqual(held, message)) {
      this.anomalies.push(
        `seq ${message.seq} of ${message.conversationId} arrived as two different messages`,
      );
      return;
    }
    view.messages.set(message.seq, message);
    this.#advance(view);
  }

  #advance(view: ConversationView): void {
    while (view.messages.has(view.lastSeq + 1)) view.lastSeq += 1;
  }

  #view(conversationId: string): ConversationView {
    let view = this.#conversations.get(conversationId);
    if (!view) {
      view = { messages: new Map(), lastSeq: 0 };
      this.#conversations.set(conversationId, view);
    }
    return view;
  }

  async #syncPage(conversationId: string, afterSeq: number): Promise<SyncResponse> {
    const reply: unknown = await this.#wire
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('message:sync', { conversationId, afterSeq, limit: SYNC_PAGE_SIZE });
    const result = resultOf(SyncResponse).parse(reply);
    if (!result.ok) throw new SyncRefused(result.error);
    return result.data;
  }
}

class SyncRefused extends Error {
  constructor(error: ApiError) {
    super(`message:sync refused: ${error.code}: ${error.message}`);
  }
}

/** A visitor on the fixture's shop page. */
export function reliableVisitor(url: string, session: VisitorSession, name: string | null): ReliableClient {
  const sender = { kind: 'visitor', id: session.visitorId, name } as const;
  return new ReliableClient(url, 'visitor', session.visitorToken, sender, SHOP_ORIGIN);
}

/** A staff member in the workbench (a non-browser client: no Origin header). */
export function reliableAgent(url: string, login: LoginResponse): ReliableClient {
  const sender = { kind: 'agent', id: login.user.id, name: login.user.name } as const;
  return new ReliableClient(url, 'agent', login.tokens.accessToken, sender);
}
