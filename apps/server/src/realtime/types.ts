import type {
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
} from '@switchboard/protocol';
import type { Namespace, Socket } from 'socket.io';
import type { Principal, StaffPrincipal, VisitorPrincipal } from '../domain/principal.js';

export interface SocketData<P extends Principal = Principal> {
  principal: P;
  ip: string;
}

// biome-ignore lint/complexity/noBannedTypes: socket.io's inter-server events map; none are used yet
type NoInterServerEvents = {};

export type VisitorNamespace = Namespace<
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
  NoInterServerEvents,
  SocketData<VisitorPrincipal>
>;
export type AgentNamespace = Namespace<
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  NoInterServerEvents,
  SocketData<StaffPrincipal>
>;
export type VisitorSocket = Socket<
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
  NoInterServerEvents,
  SocketData<VisitorPrincipal>
>;
export type AgentSocket = Socket<
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  NoInterServerEvents,
  SocketData<StaffPrincipal>
>;
