import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../domain/errors.js';
import { ReportService } from '../domain/reports/report-service.js';
import { SearchService } from '../domain/search-service.js';
import { openReader } from '../store/open-reader.js';
import type { ReadReply, ReadRequest } from './read-thread-messages.js';

// A reading thread (started by read-thread.ts through workers/read-thread.mjs): reads the database,
// and its full-text index, on a connection of its own that SQLite lets only read; makes reports,
// drill-downs and their CSV exports, and searches.
const port = parentPort;
if (!port) throw new Error('read-worker runs as a worker thread');
const { db } = openReader(workerData.file, { searchIndex: workerData.searchIndex });
const search = new SearchService(db, db);

port.on('message', async (request: ReadRequest) => {
  let reply: ReadReply;
  try {
    reply = { id: request.id, result: await answer(request) };
  } catch (error) {
    reply =
      error instanceof DomainError
        ? { id: request.id, refused: { code: error.code, message: error.message } }
        : { id: request.id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});

function answer(request: ReadRequest) {
  // The clock is the server's reading when it asked: a scripted clock stays the test's.
  const reports = new ReportService(db, () => request.now);
  switch (request.kind) {
    case 'report':
      return reports.report(request.viewer, request.query);
    case 'report-csv':
      return reports.reportCsv(request.viewer, request.query);
    case 'conversations':
      return reports.conversations(request.viewer, request.query, request.limit);
    case 'conversations-csv':
      return reports.conversationsCsv(request.viewer, request.query);
    case 'search':
      return search.search(request.viewer, request.ask);
  }
}
