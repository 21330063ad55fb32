import {
  type AgentClientToServerEvents,
  type AgentPushes,
  type AgentRequests,
  type AgentServerToClientEvents,
  type ApiError,
  agentPushes,
  agentRequests,
  type LoginResponse,
  PROTOCOL_VERSION,
  type RestEndpoints,
  type Result,
  restEndpoints,
  type TokenPair,
} from '@switchboard/protocol';
import { io, type Socket } from 'socket.io-client';
import type { z } from 'zod';
import type { SessionEndReason } from '../host/login-hint.js';
import { type CallInput, callRest, type Data as RestData } from './rest.js';
import { readAck, readPush } from './server-input.js';

export type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;
type RequestName = keyof AgentRequests;
type Payload<K extends RequestName> = z.input<AgentRequests[K]['request']>;
type Data<K extends RequestName> = z.output<AgentRequests[K]['response']>;
type PushName = keyof AgentPushes;
type PushOf<E extends PushName> = z.output<AgentPushes[E]>;

const ACK_TIMEOUT_MS = 10_000;
/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;
const SESSION_ENDED = new Set(['session-revoked', 'refresh-token-reused', 'token-invalid']);

export interface ConnectionEvents {
  /** Awaited before another window may refresh: store the new refresh token here. */
  onTokens(tokens: TokenPair): void | Promise<void>;
  onSessionEnded(reason: SessionEndReason): void;
  onReachable(reachable: boolean): void;
  /** The session's newest stored refresh token, when another window may have rotated it. */
  latestRefreshToken?(): Promise<string | null>;
}

/**
 * Windows of one app (the workbench and the supervisor window) share one stored session, and the
 * server revokes a session whose refresh token is used twice: refreshes run one at a time across
 * windows (Web Locks), each with the newest stored token.
 */
export function exclusiveRefresh<T>(run: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  return locks
    ? (locks.request('switchboard-token-refresh', run) as Promise<Awaited<T>> as Promise<T>)
    : run();
}

/**
 * The workbench's link to one server: tokens (one refresh at a time), REST calls with the access
 * token, and the /agent socket. Every failure comes back as a Result, never a throw.
 */
export class ServerConnection {
  readonly socket: AgentSocket;
  #tokens: TokenPair;
  #refreshing: Promise<boolean> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Between `connect()` and `close()`: a socket the server refused or closed is connected again. */
  #wanted = false;

  constructor(
    readonly serverUrl: string,
    tokens: TokenPair,
    readonly events: ConnectionEvents,
  ) {
    this.#tokens = tokens;
    this.socket = io(new URL('/agent', serverUrl).toString(), {
      autoConnect: false,
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 2000,
      auth: (cb) => cb({ token: this.#tokens.accessToken, protocolVersion: PROTOCOL_VERSION }),
    });
    this.socket.on('connect', () => events.onReachable(true));
    this.socket.on('disconnect', (reason) => {
      events.onReachable(false);
      // socket.io leaves a socket the server closed closed. Short of a revoked session (its push
      // comes first and closes this connection), the server closes one whose access token ran
      // out unrenewed: a fresh token connects it again.
      if (reason === 'io server disconnect') void this.refresh();
    });
    this.socket.on('connect_error', (error) => {
      events.onReachable(false);
      const data = (error as Error & { data?: ApiError }).data;
      if (data?.code === 'token-expired') void this.refresh();
      else if (data) this.#endedBy(data.code);
    });
    this.on('session:revoked', ({ reason }) => events.onSessionEnded(reason));
    this.#schedule();
  }

  /**
   * Listens to a push, read through the protocol's schema (the server is a boundary): a payload
   * that does not parse never reaches `handler`. Returns the way to stop listening.
   */
  on<E extends PushName>(event: E, handler: (payload: PushOf<E>) => void): () => void {
    const schema = agentPushes[event];
    const listener = (payload: unknown) => {
      const read = readPush(event, schema, payload);
      if (read !== null) handler(read as PushOf<E>);
    };
    const socket = this.socket as unknown as {
      on(event: string, listener: (payload: unknown) => void): void;
      off(event: string, listener: (payload: unknown) => void): void;
    };
    socket.on(event, listener);
    return () => socket.off(event, listener);
  }

  static async login(serverUrl: string, email: string, password: string): Promise<Result<LoginResponse>> {
    return callRest(serverUrl, restEndpoints.login, { body: { email, password } });
  }

  static async resume(serverUrl: string, refreshToken: string): Promise<Result<LoginResponse>> {
    return callRest(serverUrl, restEndpoints.refresh, { body: { refreshToken } });
  }

  connect(): void {
    this.#wanted = true;
    this.socket.connect();
  }

  close(): void {
    this.#wanted = false;
    clearTimeout(this.#timer);
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  /**
   * A REST call of the protocol's `restEndpoints`, named, so that callers need not load the
   * protocol's schemas themselves; with the access token, one refresh and retry on `token-expired`.
   */
  async rest<K extends keyof RestEndpoints>(
    name: K,
    input: Omit<CallInput, 'token'> = {},
  ): Promise<Result<RestData<RestEndpoints[K]>>> {
    const spec = restEndpoints[name] as RestEndpoints[K];
    let result = await callRest(this.serverUrl, spec, { ...input, token: this.#tokens.accessToken });
    if (!result.ok && result.error.code === 'token-expired' && (await this.refresh())) {
      result = await callRest(this.serverUrl, spec, { ...input, token: this.#tokens.accessToken });
    }
    if (!result.ok) this.#endedBy(result.error.code);
    return result;
  }

  /** A socket request with an ack; no ack in time (or no connection) is `unavailable`. */
  request<K extends RequestName>(event: K, payload: Payload<K>): Promise<Result<Data<K>>> {
    if (!this.socket.connected) {
      return Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'Not connected.' } });
    }
    return new Promise((resolve) => {
      const emit = this.socket.timeout(ACK_TIMEOUT_MS).emit as unknown as (
        event: string,
        payload: unknown,
        ack: (error: Error | null, result: unknown) => void,
      ) => void;
      emit.call(this.socket.timeout(ACK_TIMEOUT_MS), event, payload, (error, result) => {
        if (error)
          resolve({ ok: false, error: { code: 'unavailable', message: 'No answer from the server.' } });
        else resolve(readAck(agentRequests[event].response, result) as Result<Data<K>>);
      });
    });
  }

  /** One in-flight refresh at a time (the server revokes a session whose refresh token is reused). */
  refresh(): Promise<boolean> {
    this.#refreshing ??= exclusiveRefresh(async () => {
      const refreshToken = (await this.events.latestRefreshToken?.()) ?? this.#tokens.refreshToken;
      const result = await callRest(this.serverUrl, restEndpoints.refresh, { body: { refreshToken } });
      this.#refreshing = null;
      if (result.ok) {
        this.#tokens = result.data.tokens;
        await this.events.onTokens(result.data.tokens);
        this.#schedule();
        // A socket the server refused or closed does not retry by itself (`active` is false).
        if (this.#wanted && !this.socket.active) this.socket.connect();
        else void this.#reauthenticate();
        return true;
      }
      if (!this.#endedBy(result.error.code)) this.#timer = setTimeout(() => void this.refresh(), 5_000);
      return false;
    });
    return this.#refreshing;
  }

  get accessToken(): string {
    return this.#tokens.accessToken;
  }

  /** The server closes a socket whose access token has expired: a live one presents the new token. */
  async #reauthenticate(): Promise<void> {
    if (!this.socket.connected) return;
    const result = await this.request('session:reauth', { token: this.#tokens.accessToken });
    // Anything short of an ended session is mended when the server closes the socket at expiry.
    if (!result.ok) this.#endedBy(result.error.code);
  }

  /** Reports the session's end if the server's error `code` says it is over; true if it did. */
  #endedBy(code: string): boolean {
    if (!SESSION_ENDED.has(code)) return false;
    this.events.onSessionEnded(code === 'refresh-token-reused' ? 'refresh-token-reused' : 'ended');
    return true;
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    const due = Date.parse(this.#tokens.accessTokenExpiresAt) - Date.now() - REFRESH_MARGIN_MS;
    this.#timer = setTimeout(() => void this.refresh(), Math.max(due, 5_000));
  }
}
