import type { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { DomainError } from '../domain/errors.js';

/**
 * Requests to a worker thread, each answered by its id. The thread is started with the first
 * request and again after it ends; it keeps the process alive only while requests are in hand,
 * and with `idleAfterMs` it ends once it has had nothing to do for that long (a thread is an
 * isolate of its own: ~40 MB). Closing it, or its ending (a crash), fails what it had in hand with
 * `unavailable`.
 */
export class ThreadClient<Reply extends { id: number }> {
  #worker: Worker | null = null;
  #idle: NodeJS.Timeout | null = null;
  #next = 0;
  readonly #pending = new Map<number, { answer(reply: Reply): void; reject(error: unknown): void }>();

  constructor(
    private readonly thread: {
      start(): Worker;
      /** For the log when the thread fails. */
      name: string;
      /** The `unavailable` refusal's message, for what the thread had in hand. */
      unavailable: string;
      /** Ends the thread after this long with nothing in hand; it starts again when asked. */
      idleAfterMs?: number;
    },
    private readonly logger: Pick<Logger, 'error'>,
  ) {}

  /** `send` posts the request under `id`; `answer` turns the reply into the result, or throws. */
  ask<T>(send: (worker: Worker, id: number) => void, answer: (reply: Reply) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const id = this.#next++;
      this.#stopIdleTimer();
      const worker = this.#started();
      if (this.#pending.size === 0) worker.ref();
      this.#pending.set(id, {
        answer: (reply) => {
          try {
            resolve(answer(reply));
          } catch (error) {
            reject(error);
          }
        },
        reject,
      });
      send(worker, id);
    });
  }

  /** Fails what is in hand at once (a reply already on its way would race the thread's end). */
  async close(): Promise<void> {
    this.#stopIdleTimer();
    const worker = this.#worker;
    this.#worker = null;
    this.#failInHand();
    await worker?.terminate();
  }

  /** Whether a thread is running now (it starts with a request, and may end when idle). */
  get running(): boolean {
    return this.#worker !== null;
  }

  #stopIdleTimer(): void {
    if (this.#idle) clearTimeout(this.#idle);
    this.#idle = null;
  }

  #started(): Worker {
    if (this.#worker) return this.#worker;
    const worker = this.thread.start();
    worker.unref();
    worker.on('message', (reply: Reply) => this.#settle(worker, reply));
    worker.on('error', (error) => this.logger.error({ err: error }, `${this.thread.name} failed`));
    worker.on('exit', () => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      this.#failInHand();
    });
    this.#worker = worker;
    return worker;
  }

  #failInHand(): void {
    for (const [id, job] of this.#pending) {
      this.#pending.delete(id);
      job.reject(new DomainError('unavailable', this.thread.unavailable));
    }
  }

  #settle(worker: Worker, reply: Reply): void {
    const job = this.#pending.get(reply.id);
    if (!job) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) {
      worker.unref();
      const idleAfterMs = this.thread.idleAfterMs;
      if (idleAfterMs !== undefined) {
        this.#idle = setTimeout(() => void this.close(), idleAfterMs);
        this.#idle.unref();
      }
    }
    job.answer(reply);
  }
}
