import type {
  ApiError,
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
} from '@switchboard/protocol';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../shared/wire-constants.js';
import { jitteredBackoff } from './backoff.js';
import { checkResult, type Guard, isApiError, type Outcome } from './wire-guards.js';

export type VisitorSocket = Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>;

const ACK_TIMEOUT_MS = 10_000;

export interface ConnectionEvents {
  /** The server refused the credential: start a new visitor session. */
  onRefused(error: ApiError): void;
  onStatus(connected: boolean): void;
}

/**
 * The `/visitor` socket. socket.io reconnects by itself with jittered exponential backoff
 * (randomizationFactor); refusals it does not retry (rate-limited) get our own jittered retry, and
 * the browser's offline/online events drop and restore the link at once instead of waiting for a
 * timeout or the next backoff step.
 */
export class Connection {
  readonly socket: VisitorSocket;
  #refusals = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #onOffline = () => this.socket.io.engine?.close();
  readonly #onOnline = () => {
    if (this.socket.connected) return;
    this.socket.disconnect();
    this.socket.connect();
  };

  constructor(serverUrl: string, token: () => string, events: ConnectionEvents) {
    this.socket = io(`${serverUrl}/visitor`, {
      auth: (cb) => cb({ token: token(), protocolVersion: PROTOCOL_VERSION }),
      reconnectionDelay: 1000,
      reconnectionDelayMax: 15_000,
      randomizationFactor: 0.5,
      withCredentials: false,
    });
    this.socket.on('connect', () => {
      this.#refusals = 0;
      events.onStatus(true);
    });
    this.socket.on('disconnect', (reason) => {
      events.onStatus(false);
      // The server closed it (the visitor's data was erased, say): socket.io does not come back by
      // itself then. Asking again, shortly, brings the refusal that says why.
      if (reason === 'io server disconnect') {
        this.#refusals += 1;
        clearTimeout(this.#timer);
        this.#timer = setTimeout(
          () => this.socket.connect(),
          jitteredBackoff(this.#refusals, Math.random, 1000),
        );
      }
    });
    this.socket.on('connect_error', (error: Error & { data?: unknown }) => {
      events.onStatus(false);
      if (!isApiError(error.data)) return; // a network problem: socket.io keeps retrying
      if (error.data.code === 'rate-limited' || error.data.code === 'unavailable') {
        this.#refusals += 1;
        clearTimeout(this.#timer);
        this.#timer = setTimeout(
          () => this.socket.connect(),
          jitteredBackoff(this.#refusals, Math.random, 2000),
        );
        return;
      }
      events.onRefused(error.data);
    });
    window.addEventListener('offline', this.#onOffline);
    window.addEventListener('online', this.#onOnline);
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** Resolves true once the socket is connected, or false when `ms` pass first. */
  whenConnected(ms: number): Promise<boolean> {
    if (this.socket.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const onConnect = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.socket.off('connect', onConnect);
        resolve(false);
      }, ms);
      this.socket.once('connect', onConnect);
    });
  }

  /** One request with its ack, checked; `timeout` when no ack came (the outcome is unknown). */
  request<T>(
    event: keyof VisitorClientToServerEvents,
    payload: object,
    guard: Guard<T>,
  ): Promise<Outcome<T> | 'timeout'> {
    return new Promise((resolve) => {
      const emitter = this.socket.timeout(ACK_TIMEOUT_MS) as unknown as {
        emit(event: string, payload: object, ack: (error: unknown, result: unknown) => void): void;
      };
      emitter.emit(event, payload, (error, result) =>
        resolve(error ? 'timeout' : checkResult(result, guard)),
      );
    });
  }

  close(): void {
    clearTimeout(this.#timer);
    window.removeEventListener('offline', this.#onOffline);
    window.removeEventListener('online', this.#onOnline);
    this.socket.disconnect();
  }
}
