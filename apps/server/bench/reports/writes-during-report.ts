import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StaffPrincipal } from '../../src/domain/principal.js';
import { ReportService } from '../../src/domain/reports/report-service.js';
import type { Reports } from '../../src/domain/reports/reports.js';
import { ReadThread } from '../../src/reading/read-thread.js';
import { appendMessage } from '../../src/store/messages.js';
import { openSqlite } from '../../src/store/open-sqlite.js';

/** Where the quarter's report runs (or none); `export`: its drill-down's CSV, on the reports thread. */
export type Where = 'none' | 'server thread' | 'report thread' | 'export';

export interface Felt {
  /** The longest the event loop could not run a timer due every millisecond. */
  loopStallMs: number;
  /** The longest time between two messages' commits (one is appended about every millisecond). */
  longestGapMs: number;
  reportMs: number | null;
}

/**
 * The server's thread as the server opens its database (background checkpoints), appending a
 * message every millisecond or so, while a report runs `where` (or none, the baseline): what the
 * chats feel while a supervisor asks for a report.
 */
export async function writesDuringReport(
  file: string,
  where: Where,
  report: { admin: StaffPrincipal; from: string; to: string; now: number },
): Promise<Felt> {
  const opened = openSqlite(file, 'normal', { checkpointInBackground: true });
  const thread = new ReadThread(file, () => report.now, {
    error: (...args: unknown[]) => console.error(...args),
  });
  const reports: Reports | null =
    where === 'none'
      ? null
      : where === 'server thread'
        ? new ReportService(opened.db, () => report.now)
        : thread;
  try {
    const conversation = await opened.db
      .selectFrom('conversations')
      .select('id')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    // Started before the measurement: a thread's start is not what a report costs.
    if (where === 'report thread' || where === 'export') {
      await thread.report(report.admin, { from: report.to, to: report.to, timezone: 'UTC', groupBy: 'day' });
    }
    let writing = true;
    let measuring = false;
    let longestGapMs = 0;
    let lastCommit = performance.now();
    const writer = (async () => {
      while (writing) {
        await appendMessage(opened.db, {
          conversationId: conversation.id,
          clientMsgId: randomUUID(),
          senderKind: 'visitor',
          senderId: null,
          senderName: null,
          body: 'Is my order on its way?',
          visibility: 'all',
          attachmentId: null,
        });
        const committed = performance.now();
        if (measuring) longestGapMs = Math.max(longestGapMs, committed - lastCommit);
        lastCommit = committed;
        await sleep(1);
      }
    })();
    await sleep(200);
    measuring = true;
    // A timer due every millisecond: the longest wait between two of its runs is the longest the
    // server's thread could not serve anything.
    let lastTick = performance.now();
    let loopStallMs = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      loopStallMs = Math.max(loopStallMs, now - lastTick);
      lastTick = now;
    }, 1);
    let reportMs: number | null = null;
    if (reports) {
      const started = performance.now();
      const query = { from: report.from, to: report.to, timezone: 'Europe/Berlin', groupBy: 'day' } as const;
      if (where === 'export')
        await reports.conversationsCsv(report.admin, { ...query, key: 'total', filter: 'all' });
      else await reports.report(report.admin, query);
      reportMs = performance.now() - started;
    } else {
      await sleep(1000);
    }
    await sleep(200);
    clearInterval(ticker);
    writing = false;
    await writer;
    return { loopStallMs, longestGapMs, reportMs };
  } finally {
    await thread.close();
    await opened.close();
  }
}
