import {
  REPORT_CONVERSATION_CSV_COLUMNS,
  REPORT_CSV_COLUMNS,
  type Report,
  type ReportConversation,
  type ReportConversations,
  type ReportRow,
} from '@switchboard/protocol';

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading `'`. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function line(row: ReportRow): string {
  const p = row.presenceSeconds;
  return [
    row.key,
    row.label,
    row.conversations,
    row.abandoned,
    row.messagesLeft ?? null,
    row.firstResponseSeconds.average,
    row.firstResponseSeconds.count,
    row.waitSeconds.average,
    row.waitSeconds.count,
    row.handleSeconds.average,
    row.handleSeconds.count,
    row.csat.average,
    row.csat.count,
    p.online,
    p.away,
    p.wrapUp,
    p.offline,
    row.assignments,
    row.offersDeclined,
    row.offersExpired,
  ]
    .map(cell)
    .join(',');
}

/** The report as CSV: a header, one line per row, then the total. */
export function reportCsv(report: Report): string {
  return `${[REPORT_CSV_COLUMNS.join(','), ...report.rows.map(line), line(report.total)].join('\r\n')}\r\n`;
}

function conversationLine(c: ReportConversation): string {
  return [
    c.id,
    c.createdAt,
    c.status,
    c.visitorName,
    c.team?.name ?? null,
    c.assignee?.name ?? null,
    c.waitSeconds,
    c.firstResponseSeconds,
    c.handleSeconds,
    c.csat,
    c.abandoned ? 'yes' : 'no',
    c.leftMessage === undefined ? null : c.leftMessage ? 'yes' : 'no',
  ]
    .map(cell)
    .join(',');
}

/** A drill-down as CSV: a header, then one line per conversation. Visitor names are untrusted text. */
export function reportConversationsCsv(list: ReportConversations): string {
  return `${[REPORT_CONVERSATION_CSV_COLUMNS.join(','), ...list.items.map(conversationLine)].join('\r\n')}\r\n`;
}
