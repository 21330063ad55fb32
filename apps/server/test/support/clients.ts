import {
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  type Hello,
  type LoginResponse,
  type MessageAck,
  PROTOCOL_VERSION,
  type Result,
  type VisitorClientToServerEvents,
  type VisitorConversation,
  type VisitorServerToClientEvents,
  type VisitorSession,
} from '@switchboard/protocol';
import { io, type Socket } from 'socket.io-client';
import { PASSWORD, SHOP_ORIGIN } from './fixture.js';

export type VisitorClient = Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>;
export type AgentClient = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

export async function api<T = unknown>(
  url: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Result<T>; headers: Headers }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as Result<T>, headers: response.headers };
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

export async function login(url: string, email: string, password = PASSWORD): Promise<LoginResponse> {
  return unwrap((await api<LoginResponse>(url, '/api/auth/login', { body: { email, password } })).body);
}

export async function visitorSession(
  url: string,
  widgetId: string,
  extra: object = {},
): Promise<VisitorSession> {
  return unwrap(
    (
      await api<VisitorSession>(url, '/api/visitor/sessions', {
        body: { widgetId, ...extra },
        headers: { origin: SHOP_ORIGIN },
      })
    ).body,
  );
}

/** The visitor leaves their conversation as a message, to be answered at `body.email` (any body). */
export function leaveMessage(
  url: string,
  visitorToken: string,
  conversationId: string,
  body: object,
  origin = SHOP_ORIGIN,
) {
  return api<VisitorConversation>(url, `/api/visitor/conversations/${conversationId}/leave-message`, {
    token: visitorToken,
    body,
    headers: { origin },
  });
}

interface ConnectOptions {
  origin?: string;
  protocolVersion?: number;
  autoConnect?: boolean;
}

function socketOptions(token: string, options: ConnectOptions) {
  return {
    auth: { token, protocolVersion: options.protocolVersion ?? PROTOCOL_VERSION },
    transports: ['websocket'],
    extraHeaders: options.origin ? { origin: options.origin } : undefined,
    reconnection: false,
    forceNew: true,
  };
}

/** Connects and resolves with the server's hello; rejects with the connect_error's data. */
export function connected<S extends VisitorClient | AgentClient>(
  socket: S,
): Promise<{ socket: S; hello: Hello }> {
  return new Promise((resolve, reject) => {
    const s = socket as unknown as Socket;
    s.once('session:hello', (hello: Hello) => resolve({ socket, hello }));
    s.once('connect_error', (error: Error & { data?: unknown }) =>
      reject(Object.assign(error, { data: error.data })),
    );
    if (!s.connected && !s.active) s.connect();
  });
}

export async function connectVisitor(url: string, token: string, options: ConnectOptions = {}) {
  const socket: VisitorClient = io(`${url}/visitor`, {
    ...socketOptions(token, { origin: SHOP_ORIGIN, ...options }),
    autoConnect: false,
  });
  return (await connected(socket)).socket;
}

export async function connectAgent(url: string, token: string, options: ConnectOptions = {}) {
  return (await connectAgentWithHello(url, token, options)).socket;
}

/** An agent socket and the `session:hello` it got on connecting. */
export function connectAgentWithHello(url: string, token: string, options: ConnectOptions = {}) {
  const socket: AgentClient = io(`${url}/agent`, { ...socketOptions(token, options), autoConnect: false });
  return connected(socket);
}

/** Sends one request and resolves with its Result envelope. */
export function request<T = unknown>(
  socket: VisitorClient | AgentClient,
  event: string,
  payload: unknown,
): Promise<Result<T>> {
  return (socket as unknown as Socket).timeout(10_000).emitWithAck(event, payload) as Promise<Result<T>>;
}

/**
 * Sends a message with a fresh clientMsgId and resolves with its ack; a refusal throws. `extra`:
 * `visibility` (staff notes) or an `attachmentId`.
 */
export async function sendMessage(
  socket: VisitorClient | AgentClient,
  conversationId: string,
  body: string,
  extra: { visibility?: 'all' | 'agents'; attachmentId?: string } = {},
): Promise<MessageAck> {
  return unwrap(
    await request<MessageAck>(socket, 'message:send', {
      conversationId,
      clientMsgId: crypto.randomUUID(),
      body,
      ...extra,
    }),
  );
}

/** Resolves with the next push of `event` that matches. */
export function nextEvent<T>(
  socket: VisitorClient | AgentClient,
  event: string,
  matches: (payload: T) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<T> {
  const s = socket as unknown as Socket;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      s.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      s.off(event, listener);
      resolve(payload);
    };
    s.on(event, listener);
  });
}

/** Collects every push of `event` from now on. */
export function collect<T>(socket: VisitorClient | AgentClient, event: string): T[] {
  const seen: T[] = [];
  (socket as unknown as Socket).on(event, (payload: T) => seen.push(payload));
  return seen;
}

/** A visitor with an open conversation that `agent` has taken. */
export async function openAndTake(url: string, widgetId: string, agentSocket: AgentClient) {
  const session = await visitorSession(url, widgetId, { name: 'Vera Visitor' });
  const visitor = await connectVisitor(url, session.visitorToken);
  const conversation = unwrap(
    await request<{ id: string }>(visitor, 'conversation:open', {
      attributes: { pageUrl: 'https://shop.example/cart', language: 'en' },
    }),
  );
  unwrap(await request(agentSocket, 'conversation:take', { conversationId: conversation.id }));
  return { session, visitor, conversationId: conversation.id };
}
