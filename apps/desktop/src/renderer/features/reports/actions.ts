import {
  type Report,
  type ReportConversations,
  type ReportDrillQuery,
  type ReportQuery,
  restEndpoints,
} from '@switchboard/protocol';
import { runtime } from '../../app/runtime.js';
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
export function downloadCsv(query: Query): Promise<void> {
  return download(
    restEndpoints.reportCsv.path,
    asQuery(query),
    `switchboard-report-${query.from}-${query.to}-${query.groupBy}.csv`,
  );
}

/** The conversations behind one row as CSV (up to DRILL_EXPORT_LIMIT). */
export function downloadDrillCsv(query: Query, key: string, filter: DrillFilter): Promise<void> {
  return download(
    restEndpoints.reportConversationsCsv.path,
    { ...asQuery(query), key, filter },
    `switchboard-conversations-${query.from}-${query.to}-${key}-${filter}.csv`,
  );
}

/** A CSV export needs the Bearer header, so: fetch, then save the blob as a file. */
async function download(path: string, params: Record<string, string | undefined>, fileName: string) {
  const connection = runtime.connection;
  if (!connection) return;
  const url = new URL(path, connection.serverUrl);
  for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value);
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${connection.accessToken}` } });
  } catch {
    return toastError('export', { code: 'unavailable', message: 'The server cannot be reached.' });
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code: string; message: string };
    } | null;
    return toastError('export', {
      code: 'internal',
      message: body?.error?.message ?? `The server answered ${response.status}.`,
      ...(body?.error ? { code: body.error.code as never } : {}),
    });
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
