import type {
  Report,
  ReportConversations,
  ReportDrillQuery,
  ReportQuery,
  Result,
} from '@switchboard/protocol';
import { runtime } from '../../app/runtime.js';
import { saveFile } from '../../host/save-file.js';
import { toastError } from '../toasts/store.js';

export type Query = Required<Pick<ReportQuery, 'from' | 'to' | 'groupBy'>> & {
  teamId?: string;
  timezone: string;
};

const asQuery = (q: Query) => ({ ...q }) as Record<string, string | undefined>;

export async function loadReport(query: Query): Promise<Report | null> {
  const result = await runtime.connection?.rest('report', { query: asQuery(query) });
  if (!result) return null;
  if (result.ok) return result.data;
  toastError('report', result.error);
  return null;
}

export type DrillFilter = NonNullable<ReportDrillQuery['filter']>;

/** The conversations behind one row (`total`: all rows) of the report `query` gave. */
export async function loadDrill(
  query: Query,
  key: string,
  filter: DrillFilter,
): Promise<ReportConversations | null> {
  const result = await runtime.connection?.rest('reportConversations', {
    query: { ...asQuery(query), key, filter },
  });
  if (!result) return null;
  if (result.ok) return result.data;
  toastError('report', result.error);
  return null;
}

/** The report as CSV. */
export async function downloadCsv(query: Query): Promise<void> {
  const result = await runtime.connection?.rest('reportCsv', { query: asQuery(query) });
  save(result, `switchboard-report-${query.from}-${query.to}-${query.groupBy}.csv`);
}

/** The conversations behind one row as CSV (up to DRILL_EXPORT_LIMIT). */
export async function downloadDrillCsv(query: Query, key: string, filter: DrillFilter): Promise<void> {
  const result = await runtime.connection?.rest('reportConversationsCsv', {
    query: { ...asQuery(query), key, filter },
  });
  save(result, `switchboard-conversations-${query.from}-${query.to}-${key}-${filter}.csv`);
}

/**
 * Saves a CSV export as a file. It comes through the connection like any call (the Bearer token,
 * a refresh when it has expired, the error envelope with its details), then as a blob.
 */
function save(result: Result<{ blob: Blob }> | undefined, fileName: string): void {
  if (!result) return;
  if (!result.ok) {
    toastError('export', result.error);
    return;
  }
  saveFile(result.data.blob, fileName);
}
