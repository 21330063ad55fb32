import { parentPort, workerData } from 'node:worker_threads';
import { openReader } from '../../store/open-reader.js';
import { DomainError } from '../errors.js';
import { ReportService } from './report-service.js';
import type { ReportReply, ReportRequest } from './report-thread-messages.js';

// The reports thread (started by report-thread.ts through workers/reports.mjs): reads the database
// on a connection of its own that SQLite lets only read, and computes reports, drill-downs and their
// CSV exports.
const port = parentPort;
if (!port) throw new Error('report-worker runs as a worker thread');
const { db } = openReader(workerData.file);

port.on('message', async (request: ReportRequest) => {
  // The clock is the server's reading when it asked: a scripted clock stays the test's.
  const reports = new ReportService(db, () => request.now);
  let reply: ReportReply;
  try {
    reply = { id: request.id, result: await answer(reports, request) };
  } catch (error) {
    reply =
      error instanceof DomainError
        ? { id: request.id, refused: { code: error.code, message: error.message } }
        : { id: request.id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});

function answer(reports: ReportService, request: ReportRequest) {
  switch (request.kind) {
    case 'report':
      return reports.report(request.viewer, request.query);
    case 'report-csv':
      return reports.reportCsv(request.viewer, request.query);
    case 'conversations':
      return reports.conversations(request.viewer, request.query, request.limit);
    case 'conversations-csv':
      return reports.conversationsCsv(request.viewer, request.query);
  }
}
