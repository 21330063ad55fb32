import type { ReportService } from './report-service.js';

/** What the transport asks of reports: answered on the server's thread or on a thread of their own. */
export type Reports = Pick<ReportService, 'report' | 'conversations' | 'reportCsv' | 'conversationsCsv'>;
