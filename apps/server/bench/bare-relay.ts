/**
 * The baseline: a bare socket.io server speaking just enough of the protocol for the benchmark's
 * clients (same namespaces, events, handshake auth shape and ack envelope). No validation, no
 * store, no auth: a visitor's message is acked and relayed to the agent that took the
 * conversation. Run as its own process, like the real server.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AgentServerToClientEvents,
  type Hello,
  NAMESPACES,
  PROTOCOL_VERSION,
  type Result,
  type VisitorClientToServerEvents,
  type VisitorServerToClientEvents,
} from '@switchboard/protocol';
import { type Namespace, Server } from 'socket.io';

/** Setup requests answer only what the benchmark reads; `message:send` is the protocol's own. */
type SetupAck = (result: Result<{ id: string }>) => void;
interface RelayVisitorRequests {
  'conversation:open': (payload: unknown, ack?: SetupAck) => void;
  'message:send': VisitorClientToServerEvents['message:send'];
}
interface RelayAgentRequests {
  'conversation:take': (payload: { conversationId: string }, ack?: SetupAck) => void;
}

const http = createServer();
const io = new Server(http, { serveClient: false, transports: ['websocket'] });
const visitors: Namespace<RelayVisitorRequests, VisitorServerToClientEvents> = io.of(NAMESPACES.visitor);
const agents: Namespace<RelayAgentRequests, AgentServerToClientEvents> = io.of(NAMESPACES.agent);
const lastSeq = new Map<string, number>();
const room = (conversationId: string) => `conv:${conversationId}`;

const epoch = randomUUID();
const hello = (principal: Hello['principal']): Hello => ({
  protocolVersion: PROTOCOL_VERSION,
  epoch,
  serverTime: new Date().toISOString(),
  principal,
});

visitors.on('connection', (socket) => {
  const visitorId = randomUUID();
  socket.on('conversation:open', (_payload, ack) => {
    const id = randomUUID();
    lastSeq.set(id, 0);
    ack?.({ ok: true, data: { id } });
  });
  socket.on('message:send', ({ conversationId, clientMsgId, body }, ack) => {
    const seq = (lastSeq.get(conversationId) ?? 0) + 1;
    lastSeq.set(conversationId, seq);
    const createdAt = new Date().toISOString();
    ack?.({ ok: true, data: { clientMsgId, seq, createdAt } });
    agents.to(room(conversationId)).emit('message:new', {
      conversationId,
      seq,
      clientMsgId,
      sender: { kind: 'visitor', id: visitorId, name: null },
      body,
      visibility: 'all',
      attachment: null,
      createdAt,
    });
  });
  socket.emit('session:hello', hello({ kind: 'visitor', visitorId, verified: false }));
});

agents.on('connection', (socket) => {
  socket.on('conversation:take', ({ conversationId }, ack) => {
    void socket.join(room(conversationId));
    ack?.({ ok: true, data: { id: conversationId } });
  });
  const user = { id: randomUUID(), email: 'agent@relay.test', name: 'Agent', role: 'agent' as const };
  socket.emit('session:hello', hello({ kind: 'staff', user: { ...user, teamIds: [] } }));
});

process.once('SIGTERM', () => io.close(() => process.exit(0)));
http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  process.stdout.write(`Bare relay listening on http://127.0.0.1:${port}\n`);
});
