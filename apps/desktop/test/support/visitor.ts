import {
  type Attachment,
  type Message,
  PROTOCOL_VERSION,
  type Result,
  type VisitorClientToServerEvents,
  type VisitorConversation,
  type VisitorServerToClientEvents,
  type VisitorSession,
} from '@switchboard/protocol';
import { io, type Socket } from 'socket.io-client';
import { DEMO_WIDGET_ID } from './server-process.js';

type VisitorSocket = Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>;

/** A website visitor as a real socket.io client of /visitor, from the demo widget's origin. */
export class Visitor {
  readonly received: Message[] = [];
  conversationId = '';

  private constructor(
    readonly serverUrl: string,
    readonly socket: VisitorSocket,
    readonly session: VisitorSession,
  ) {
    socket.on('message:new', (m) => this.received.push(m));
  }

  static async join(serverUrl: string, name: string, attributes: object = {}): Promise<Visitor> {
    const origin = new URL(serverUrl).origin;
    const response = await fetch(`${serverUrl}/api/visitor/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ widgetId: DEMO_WIDGET_ID, name }),
    });
    const session = (await response.json()) as Result<VisitorSession>;
    if (!session.ok) throw new Error(`visitor session: ${session.error.code}`);
    const socket: VisitorSocket = io(`${serverUrl}/visitor`, {
      auth: { token: session.data.visitorToken, protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket'],
      extraHeaders: { origin },
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('session:hello', () => resolve());
      socket.once('connect_error', reject);
    });
    const visitor = new Visitor(serverUrl, socket, session.data);
    const opened = await visitor.#request<VisitorConversation>('conversation:open', { attributes });
    visitor.conversationId = opened.id;
    return visitor;
  }

  /** A visitor who finds nobody online leaves a message with the widget's form (no chat opened). */
  static async leaveOfflineMessage(serverUrl: string, name: string, body: string): Promise<string> {
    const origin = new URL(serverUrl).origin;
    const post = async <T>(path: string, payload: object, token?: string): Promise<T> => {
      const response = await fetch(`${serverUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(payload),
      });
      const result = (await response.json()) as Result<T>;
      if (!result.ok) throw new Error(`${path}: ${result.error.code} ${result.error.message}`);
      return result.data;
    };
    const session = await post<VisitorSession>('/api/visitor/sessions', { widgetId: DEMO_WIDGET_ID, name });
    const left = await post<VisitorConversation>(
      '/api/visitor/offline-messages',
      { clientMsgId: crypto.randomUUID(), body, email: 'visitor@example.test' },
      session.visitorToken,
    );
    return left.id;
  }

  async say(body: string, attachmentId?: string): Promise<number> {
    const ack = await this.#request<{ seq: number }>('message:send', {
      conversationId: this.conversationId,
      clientMsgId: crypto.randomUUID(),
      body,
      ...(attachmentId ? { attachmentId } : {}),
    });
    return ack.seq;
  }

  /** Types in the widget's box, as the widget reports it (`typing:set`, with the draft when given). */
  async type(typing: boolean, preview?: string): Promise<void> {
    await this.#request('typing:set', {
      conversationId: this.conversationId,
      typing,
      ...(preview === undefined ? {} : { preview }),
    });
  }

  /** Goes to another page of the site, reported as the widget does (`page:view`). */
  async viewPage(url: string, title?: string): Promise<void> {
    await this.#request('page:view', {
      conversationId: this.conversationId,
      url,
      ...(title === undefined ? {} : { title }),
    });
  }

  /** Comes back for another chat once the last one was resolved; it becomes `conversationId`. */
  async openAnother(attributes: object = {}): Promise<void> {
    const opened = await this.#request<VisitorConversation>('conversation:open', { attributes });
    this.conversationId = opened.id;
  }

  /** Stops waiting in the queue and leaves the chat as a message, answered at `email`. */
  async leaveMessage(email: string): Promise<VisitorConversation> {
    const response = await fetch(
      `${this.serverUrl}/api/visitor/conversations/${this.conversationId}/leave-message`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.session.visitorToken}`,
          'content-type': 'application/json',
          origin: new URL(this.serverUrl).origin,
        },
        body: JSON.stringify({ email }),
      },
    );
    const result = (await response.json()) as Result<VisitorConversation>;
    if (!result.ok) throw new Error(`leave-message: ${result.error.code} ${result.error.message}`);
    return result.data;
  }

  /** Uploads a file the way the widget does: multipart over HTTP with the visitor token. */
  async upload(fileName: string, bytes: Buffer): Promise<Attachment> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    const response = await fetch(`${this.serverUrl}/api/conversations/${this.conversationId}/attachments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${this.session.visitorToken}`,
        origin: new URL(this.serverUrl).origin,
      },
      body: form,
    });
    const result = (await response.json()) as Result<Attachment>;
    if (!result.ok) throw new Error(`upload ${fileName}: ${result.error.code} ${result.error.message}`);
    return result.data;
  }

  /** Everything the visitor can see in its conversation, from the server's store. */
  async transcript(): Promise<Message[]> {
    const sync = await this.#request<{ messages: Message[] }>('message:sync', {
      conversationId: this.conversationId,
      afterSeq: 0,
      limit: 500,
    });
    return sync.messages;
  }

  close(): void {
    this.socket.disconnect();
  }

  #request<T>(event: string, payload: object): Promise<T> {
    return new Promise((resolve, reject) => {
      const emit = this.socket.timeout(10_000).emit as unknown as (
        e: string,
        p: object,
        ack: (err: Error | null, r: Result<T>) => void,
      ) => void;
      emit.call(this.socket.timeout(10_000), event, payload, (err, result) => {
        if (err) reject(err);
        else if (!result.ok) reject(new Error(`${event}: ${result.error.code} ${result.error.message}`));
        else resolve(result.data);
      });
    });
  }
}
