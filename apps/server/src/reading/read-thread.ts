import { Worker } from 'node:worker_threads';
import { DRILL_LIMIT, type Report, type ReportConversations } from '@switchboard/protocol';
import type { Logger } from 'pino';
import { DomainError } from '../domain/errors.js';
import type { StaffPrincipal } from '../domain/principal.js';
import type { Reports } from '../domain/reports/reports.js';
import type { Searches } from '../domain/search-service.js';
import type { ConversationHitRecord, SearchHitRecord } from '../store/search.js';
import { searchIndexFile } from '../store/search-index.js';
import type { ReadReply, ReadRequest } from './read-thread-messages.js';

const FROM_SOURCES = import.meta.url.endsWith('.ts');

/**
 * The thread's script, and the module it imports: the build's JavaScript or, when the server runs
 * from its TypeScript sources, the source (the script registers tsx for it).
 */
const THREAD = {
  script: new URL('../../workers/read-thread.mjs', import.meta.url),
  module: new URL(FROM_SOURCES ? './read-worker.ts' : './read-worker.js', import.meta.url),
};

type Query<K extends 'report' | 'report-csv' | 'conversations' | 'conversations-csv'> = Extract<
  ReadRequest,
  { kind: K }
>['query'];

/** A request before it is numbered (distributed over the kinds). */
type Unnumbered<R> = R extends unknown ? Omit<R, 'id'> : never;

/**
 * A thread that only reads (read-worker.ts), on a read-only connection with the full-text index
 * attached, so that a long read never holds the server's chats: a quarter's report (about a
 * second of SQLite and arithmetic) or a search of a common word. The server keeps one for
 * reports and one for searches, so that a search never waits behind a report. Started with its
 * first request and again after a crash; it keeps the process alive only while it has work. A
 * thread that dies with requests in hand fails them with `unavailable`.
 */
export class ReadThread implements Reports, Searches {
  #worker: Worker | null = null;
  #next = 0;
  readonly #pending = new Map<number, { resolve(result: unknown): void; reject(error: unknown): void }>();

  constructor(
    private readonly file: string,
    private readonly now: () => number,
    private readonly logger: Pick<Logger, 'error'>,
  ) {}

  report(viewer: StaffPrincipal, query: Query<'report'>): Promise<Report> {
    return this.#ask({ kind: 'report', viewer, query, now: this.now() });
  }

  conversations(
    viewer: StaffPrincipal,
    query: Query<'conversations'>,
    limit = DRILL_LIMIT,
  ): Promise<ReportConversations> {
    return this.#ask({ kind: 'conversations', viewer, query, limit, now: this.now() });
  }

  reportCsv(viewer: StaffPrincipal, query: Query<'report-csv'>): Promise<string> {
    return this.#ask({ kind: 'report-csv', viewer, query, now: this.now() });
  }

  conversationsCsv(viewer: StaffPrincipal, query: Query<'conversations-csv'>): Promise<string> {
    return this.#ask({ kind: 'conversations-csv', viewer, query, now: this.now() });
  }

  messages(viewer: StaffPrincipal, text: string, limit: number): Promise<SearchHitRecord[]> {
    return this.#ask({ kind: 'search-messages', viewer, text, limit, now: this.now() });
  }

  visitors(viewer: StaffPrincipal, text: string, limit: number): Promise<ConversationHitRecord[]> {
    return this.#ask({ kind: 'search-visitors', viewer, text, limit, now: this.now() });
  }

  /** Fails what is in hand at once (a reply already on its way would race the thread's end). */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    this.#failInHand();
    await worker?.terminate();
  }

  #ask<T>(request: Unnumbered<ReadRequest>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const id = this.#next++;
      const worker = this.#started();
      if (this.#pending.size === 0) worker.ref();
      this.#pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      worker.postMessage({ ...request, id } as ReadRequest);
    });
  }

  #started(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(THREAD.script, {
      workerData: { module: THREAD.module.href, file: this.file, searchIndex: searchIndexFile(this.file) },
      // The sources resolve the protocol package to its TypeScript too; nothing else is inherited.
      execArgv: FROM_SOURCES ? ['--conditions=source'] : [],
    });
    worker.unref();
    worker.on('message', (reply: ReadReply) => this.#settle(worker, reply));
    worker.on('error', (error) => this.logger.error({ err: error }, 'reading thread failed'));
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
      job.reject(new DomainError('unavailable', 'That could not be read now; try again.'));
    }
  }

  #settle(worker: Worker, reply: ReadReply): void {
    const job = this.#pending.get(reply.id);
    if (!job) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) worker.unref();
    if ('result' in reply) job.resolve(reply.result);
    else if ('refused' in reply) job.reject(new DomainError(reply.refused.code, reply.refused.message));
    else job.reject(new Error(`The reading thread failed: ${reply.failed}`));
  }
}
