import {
  type Report,
  type ReportGroupBy,
  type ReportRow,
  type Team,
  UNTAGGED_REPORT_KEY,
} from '@switchboard/protocol';

import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runtime } from '../../../app/runtime.js';
import { inputClass, primaryButton, secondaryButton } from '../../../ui/Dialog.js';
import { LatestOnly } from '../../../ui/latest-only.js';
import { seconds } from '../../supervisor/format.js';
import { downloadCsv, loadReport, type Query } from '../actions.js';
import { chatsPerOnlineHour } from '../rate.js';
import { BarChart } from './BarChart.js';
import { ReportDrill } from './ReportDrill.js';

type Metric =
  | 'conversations'
  | 'abandoned'
  | 'messagesLeft'
  | 'firstResponse'
  | 'wait'
  | 'handle'
  | 'csat'
  | 'assignments';
const METRICS: readonly Metric[] = [
  'conversations',
  'abandoned',
  'messagesLeft',
  'firstResponse',
  'wait',
  'handle',
  'csat',
  'assignments',
];

function metricOf(row: ReportRow, metric: Metric): number {
  switch (metric) {
    case 'conversations':
      return row.conversations;
    case 'abandoned':
      return row.abandoned;
    case 'messagesLeft':
      return row.messagesLeft ?? 0;
    case 'firstResponse':
      return row.firstResponseSeconds.average ?? 0;
    case 'wait':
      return row.waitSeconds.average ?? 0;
    case 'handle':
      return row.handleSeconds.average ?? 0;
    case 'csat':
      return row.csat.average ?? 0;
    case 'assignments':
      return row.assignments;
  }
}

const isTime = (m: Metric) => m === 'firstResponse' || m === 'wait' || m === 'handle';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv');

/**
 * A row's figures. `agentFigures` false (a tag's row): presence and fairness belong to agents, not
 * to what chats were about, so they are shown as not applying rather than as zeros.
 */
function Cells({ row, agentFigures = true }: { row: ReportRow; agentFigures?: boolean }) {
  const { t } = useTranslation();
  const rate = chatsPerOnlineHour(row);
  const agents = (
    <>
      <td className="tabular-nums">{seconds(t, row.presenceSeconds.online)}</td>
      <td className="tabular-nums">{seconds(t, row.presenceSeconds.away)}</td>
      <td className="tabular-nums">{row.assignments}</td>
      <td className="tabular-nums" title={rate === null ? t('reports.rateTooShort') : undefined}>
        {rate === null ? '—' : rate.toFixed(1)}
      </td>
      <td className="tabular-nums">{row.offersDeclined}</td>
      <td className="tabular-nums">{row.offersExpired}</td>
    </>
  );
  return (
    <>
      <td className="tabular-nums">{row.conversations}</td>
      <td className="tabular-nums">{row.abandoned}</td>
      <td className="tabular-nums">{row.messagesLeft ?? '—'}</td>
      <td className="tabular-nums">{seconds(t, row.firstResponseSeconds.average)}</td>
      <td className="tabular-nums">{seconds(t, row.waitSeconds.average)}</td>
      <td className="tabular-nums">{seconds(t, row.handleSeconds.average)}</td>
      <td className="tabular-nums">{row.csat.average === null ? '—' : row.csat.average.toFixed(1)}</td>
      {agentFigures
        ? agents
        : AGENT_COLUMNS.map((c) => (
            <td key={c} className="text-slate-400" title={t('reports.agentFiguresOnly')}>
              —
            </td>
          ))}
    </>
  );
}

const AGENT_COLUMNS = ['online', 'away', 'assignments', 'perOnlineHour', 'declined', 'expired'] as const;

/** Reports per day, team, agent or tag: a table, a chart and the CSV export. */
export function ReportsView() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<Query>({
    from: day(-6),
    to: day(0),
    groupBy: 'day',
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  });
  const [teams, setTeams] = useState<Team[]>([]);
  const [report, setReport] = useState<Report | null>(null);
  /** The query the shown report answers: a drill-down lists its rows, whatever the form says now. */
  const [shown, setShown] = useState<Query>(query);
  const [drill, setDrill] = useState<{ key: string; label: string } | null>(null);
  const [metric, setMetric] = useState<Metric>('conversations');
  const [latest] = useState(() => new LatestOnly());
  const run = (q: Query) =>
    latest.run(
      () => loadReport(q),
      (next) => {
        setReport(next);
        setShown(q);
        setDrill(null);
      },
    );
  const byTag = report?.groupBy === 'tag';
  // The row of chats without a tag is named in the workbench's language.
  const labelOf = (row: { key: string; label: string }) =>
    byTag && row.key === UNTAGGED_REPORT_KEY ? t('reports.untagged') : row.label;
  // A tag's row has no assignments to chart (the agents' figure).
  const metrics = byTag ? METRICS.filter((m) => m !== 'assignments') : METRICS;
  const charted = metrics.includes(metric) ? metric : 'conversations';
  const drillButton = (row: { key: string; label: string }) => (
    <button
      type="button"
      className="text-left text-indigo-700 underline decoration-dotted dark:text-indigo-300"
      aria-pressed={drill?.key === row.key}
      data-testid="report-drill-open"
      onClick={() => setDrill({ key: row.key, label: labelOf(row) })}
    >
      {labelOf(row)}
    </button>
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first report once; the form runs it after.
  useEffect(() => {
    void run(query);
    void runtime.connection?.rest('listTeams').then((r) => r.ok && setTeams(r.data));
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(query);
  };
  const columns = [
    'conversations',
    'abandoned',
    'messagesLeft',
    'firstResponse',
    'wait',
    'handle',
    'csat',
    ...AGENT_COLUMNS,
  ] as const;
  return (
    <div className="min-h-0 flex-1 overflow-y-auto p-4" data-testid="reports-view">
      <h1 className="mb-3 text-lg font-semibold">{t('reports.title')}</h1>
      <form onSubmit={submit} className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="space-y-1">
          <span className="block text-xs">{t('reports.from')}</span>
          <input
            className={inputClass}
            type="date"
            required
            value={query.from}
            onChange={(e) => setQuery({ ...query, from: e.target.value })}
          />
        </label>
        <label className="space-y-1">
          <span className="block text-xs">{t('reports.to')}</span>
          <input
            className={inputClass}
            type="date"
            required
            value={query.to}
            onChange={(e) => setQuery({ ...query, to: e.target.value })}
          />
        </label>
        <label className="space-y-1">
          <span className="block text-xs">{t('reports.groupBy')}</span>
          <select
            className={inputClass}
            value={query.groupBy}
            onChange={(e) => setQuery({ ...query, groupBy: e.target.value as ReportGroupBy })}
          >
            {(['day', 'team', 'agent', 'tag'] as const).map((g) => (
              <option key={g} value={g}>
                {t(`reports.groups.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block text-xs">{t('reports.team')}</span>
          <select
            className={inputClass}
            value={query.teamId ?? ''}
            onChange={(e) => {
              const { teamId: _old, ...rest } = query;
              setQuery(e.target.value ? { ...rest, teamId: e.target.value } : rest);
            }}
          >
            <option value="">{t('reports.allTeams')}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={primaryButton}>
          {t('reports.run')}
        </button>
        <button
          type="button"
          className={secondaryButton}
          data-testid="report-export"
          onClick={() => void downloadCsv(query)}
        >
          {t('reports.export')}
        </button>
      </form>
      {report && (
        <>
          <div className="mb-4 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
            <label className="mb-2 flex items-center gap-2 text-sm">
              <span>{t('reports.chart')}</span>
              <select
                className="rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-600"
                value={charted}
                onChange={(e) => setMetric(e.target.value as Metric)}
              >
                {metrics.map((m) => (
                  <option key={m} value={m} className="text-slate-900">
                    {t(`reports.columns.${m}`)}
                  </option>
                ))}
              </select>
            </label>
            {report.rows.length === 0 ? (
              <p className="text-sm text-slate-500">{t('reports.none')}</p>
            ) : (
              <BarChart
                title={t(`reports.columns.${charted}`)}
                labels={report.rows.map(labelOf)}
                values={report.rows.map((r) => metricOf(r, charted))}
                integer={!isTime(charted) && charted !== 'csat'}
                format={(v) => (isTime(charted) ? seconds(t, v) : String(Math.round(v * 10) / 10))}
              />
            )}
          </div>
          <table
            className="w-full text-left text-sm [&_td]:py-1.5 [&_td]:pr-3 [&_th]:pr-3"
            data-testid="report-table"
          >
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="py-1 font-medium">{t('reports.columns.label')}</th>
                {columns.map((c) => (
                  <th key={c} className="py-1 font-medium">
                    {t(`reports.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr
                  key={row.key}
                  className="border-t border-slate-100 dark:border-slate-800"
                  data-testid="report-row"
                >
                  <td>{drillButton(row)}</td>
                  <Cells row={row} agentFigures={!byTag} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-slate-300 font-semibold dark:border-slate-600">
                <td>{drillButton({ key: 'total', label: t('reports.total') })}</td>
                <Cells row={report.total} />
              </tr>
            </tfoot>
          </table>
          {drill && <ReportDrill query={shown} row={drill} onClose={() => setDrill(null)} />}
        </>
      )}
    </div>
  );
}
