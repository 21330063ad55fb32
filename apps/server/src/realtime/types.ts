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

/** A staff socket is good until its access token expires; `session:reauth` moves that on. */
export interface AgentSocketData extends SocketData<StaffPrincipal> {
  /** Epoch milliseconds. */
  accessTokenExpiresAt: number;
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
  AgentSocketData
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
  AgentSocketData
>;
