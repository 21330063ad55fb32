import { Worker } from 'node:worker_threads';
import { DRILL_LIMIT, type Report, type ReportConversations } from '@switchboard/protocol';
import type { Logger } from 'pino';
import { DomainError } from '../errors.js';
import type { StaffPrincipal } from '../principal.js';
import type { ReportReply, ReportRequest } from './report-thread-messages.js';
import type { Reports } from './reports.js';

const FROM_SOURCES = import.meta.url.endsWith('.ts');

/**
 * The thread's script, and the module it imports: the build's JavaScript or, when the server runs
 * from its TypeScript sources, the source (the script registers tsx for it).
 */
const THREAD = {
  script: new URL('../../../workers/reports.mjs', import.meta.url),
  module: new URL(FROM_SOURCES ? './report-worker.ts' : './report-worker.js', import.meta.url),
};

type Query<K extends ReportRequest['kind']> = Extract<ReportRequest, { kind: K }>['query'];

/** A request before it is numbered (distributed over the kinds). */
type Unnumbered<R> = R extends unknown ? Omit<R, 'id'> : never;

/**
 * Reports computed on a thread of their own (report-worker.ts), on a read-only connection, so that
 * a quarter's report (about a second of SQLite and arithmetic) never holds the server's chats.
 * Started with the first report and again after a crash; it keeps the process alive only while it
 * has work. A thread that dies with reports in hand fails them with `unavailable`.
 */
export class ReportThread implements Reports {
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

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    await worker?.terminate();
  }

  #ask<T>(request: Unnumbered<ReportRequest>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const id = this.#next++;
      const worker = this.#started();
      if (this.#pending.size === 0) worker.ref();
      this.#pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      worker.postMessage({ ...request, id } as ReportRequest);
    });
  }

  #started(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(THREAD.script, {
      workerData: { module: THREAD.module.href, file: this.file },
      // The sources resolve the protocol package to its TypeScript too; nothing else is inherited.
      execArgv: FROM_SOURCES ? ['--conditions=source'] : [],
    });
    worker.unref();
    worker.on('message', (reply: ReportReply) => this.#settle(worker, reply));
    worker.on('error', (error) => this.logger.error({ err: error }, 'reports thread failed'));
    worker.on('exit', () => {
      if (this.#worker === worker) this.#worker = null;
      for (const [id, job] of this.#pending) {
        this.#pending.delete(id);
        job.reject(new DomainError('unavailable', 'The report could not be made now; try again.'));
      }
    });
    this.#worker = worker;
    return worker;
  }

  #settle(worker: Worker, reply: ReportReply): void {
    const job = this.#pending.get(reply.id);
    if (!job) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) worker.unref();
    if ('result' in reply) job.resolve(reply.result);
    else if ('refused' in reply) job.reject(new DomainError(reply.refused.code, reply.refused.message));
    else job.reject(new Error(`The reports thread failed: ${reply.failed}`));
  }
}
