import {
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  NAMESPACES,
  PROTOCOL_VERSION,
  type Result,
  type VisitorClientToServerEvents,
  type VisitorServerToClientEvents,
} from '@switchboard/protocol';
import { io, type Socket } from 'socket.io-client';

export type VisitorClient = Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>;
export type AgentClient = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

const CONNECT_TIMEOUT_MS = 20_000;
export const REQUEST_TIMEOUT_MS = 20_000;

/** The same options for every target: websocket only, no retries (a failure is a result). */
function open(url: string, namespace: string, token: string, origin: string | undefined): Socket {
  return io(`${url}${namespace}`, {
    auth: { token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    extraHeaders: origin ? { origin } : undefined,
    reconnection: false,
    forceNew: true,
    timeout: CONNECT_TIMEOUT_MS,
  });
}

/** Resolves once the server says hello: only then are its request handlers in place. */
function ready(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('session:hello', () => resolve());
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) =>
      reject(new Error(`connect failed: ${error.data?.code ?? ''} ${error.message}`)),
    );
  });
}

export async function connectVisitor(url: string, token: string, origin: string): Promise<VisitorClient> {
  const socket = open(url, NAMESPACES.visitor, token, origin);
  await ready(socket);
  return socket as VisitorClient;
}

/** Agents connect like the desktop workbench: no browser Origin header. */
export async function connectAgent(url: string, token: string): Promise<AgentClient> {
  const socket = open(url, NAMESPACES.agent, token, undefined);
  await ready(socket);
  return socket as AgentClient;
}

/** Sends one request and resolves with the ack's data; rejects on an error envelope or timeout. */
export async function request<T>(
  socket: VisitorClient | AgentClient,
  event: string,
  payload: unknown,
): Promise<T> {
  const result = (await (socket as unknown as Socket)
    .timeout(REQUEST_TIMEOUT_MS)
    .emitWithAck(event, payload)) as Result<T>;
  if (!result.ok) throw new Error(`${event} failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}
