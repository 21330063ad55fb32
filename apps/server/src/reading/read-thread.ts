import { Worker } from 'node:worker_threads';
import { DRILL_LIMIT, type Report, type ReportConversations } from '@switchboard/protocol';
import type { Logger } from 'pino';
import { DomainError } from '../domain/errors.js';
import type { StaffPrincipal } from '../domain/principal.js';
import type { Reports } from '../domain/reports/reports.js';
import type { SearchAsk, Searches, SearchFound } from '../domain/search-service.js';
import { searchIndexFile } from '../store/search-index.js';
import { ThreadClient } from '../threads/thread-client.js';
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
 * first request and again after a crash (`ThreadClient`).
 */
export class ReadThread implements Reports, Searches {
  readonly #thread: ThreadClient<ReadReply>;

  constructor(
    file: string,
    private readonly now: () => number,
    logger: Pick<Logger, 'error'>,
    /** Ends the thread after this long with nothing to do (`ThreadClient`); it starts again when asked. */
    idleAfterMs?: number,
  ) {
    this.#thread = new ThreadClient<ReadReply>(
      {
        name: 'reading thread',
        unavailable: 'That could not be read now; try again.',
        idleAfterMs,
        start: () =>
          new Worker(THREAD.script, {
            workerData: { module: THREAD.module.href, file, searchIndex: searchIndexFile(file) },
            // The sources resolve the protocol package to its TypeScript too; nothing else is inherited.
            execArgv: FROM_SOURCES ? ['--conditions=source'] : [],
          }),
      },
      logger,
    );
  }

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

  search(viewer: StaffPrincipal, ask: SearchAsk): Promise<SearchFound> {
    return this.#ask({ kind: 'search', viewer, ask, now: this.now() });
  }

  close(): Promise<void> {
    return this.#thread.close();
  }

  #ask<T>(request: Unnumbered<ReadRequest>): Promise<T> {
    return this.#thread.ask(
      (worker, id) => worker.postMessage({ ...request, id } as ReadRequest),
      (reply) => {
        if ('result' in reply) return reply.result as T;
        if ('refused' in reply) throw new DomainError(reply.refused.code, reply.refused.message);
        throw new Error(`The reading thread failed: ${reply.failed}`);
      },
    );
  }
}
