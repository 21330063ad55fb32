import type { ReportConversations } from '@switchboard/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../../../ui/format.js';
import { LatestOnly } from '../../../ui/latest-only.js';
import { openFromServer } from '../../chat/actions.js';
import { seconds } from '../../supervisor/format.js';
import { type DrillFilter, downloadDrillCsv, loadDrill, type Query } from '../actions.js';

const FILTERS: readonly DrillFilter[] = ['all', 'abandoned', 'lowCsat'];

/** The conversations one row of a report counts, each opening in a workbench tab. */
export function ReportDrill({
  query,
  row,
  onClose,
}: {
  query: Query;
  row: { key: string; label: string };
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<DrillFilter>('all');
  const [list, setList] = useState<ReportConversations | null>(null);
  const [latest] = useState(() => new LatestOnly());
  useEffect(() => {
    void latest.run(() => loadDrill(query, row.key, filter), setList);
  }, [latest, query, row.key, filter]);
  return (
    <section
      className="mt-4 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
      aria-label={t('reports.drillTitle', { label: row.label })}
      data-testid="report-drill"
    >
      <header className="mb-2 flex flex-wrap items-center gap-3 text-sm">
        <h2 className="font-semibold">{t('reports.drillTitle', { label: row.label })}</h2>
        <label className="flex items-center gap-1">
          <span className="sr-only">{t('reports.filter')}</span>
          <select
            className="rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-600"
            value={filter}
            onChange={(e) => setFilter(e.target.value as DrillFilter)}
            data-testid="report-drill-filter"
          >
            {FILTERS.map((f) => (
              <option key={f} value={f} className="text-slate-900">
                {t(`reports.filters.${f}`)}
              </option>
            ))}
          </select>
        </label>
        {list && list.total > list.items.length && (
          <span className="text-xs text-slate-500">
            {t('reports.showing', { shown: list.items.length, total: list.total })}
          </span>
        )}
        <button
          type="button"
          className="ml-auto text-xs underline"
          data-testid="report-drill-export"
          onClick={() => void downloadDrillCsv(query, row.key, filter)}
        >
          {t('reports.export')}
        </button>
        <button type="button" className="text-xs underline" onClick={onClose}>
          {t('reports.closeDrill')}
        </button>
      </header>
      {list && list.items.length === 0 && <p className="text-sm text-slate-500">{t('reports.none')}</p>}
      {list && list.items.length > 0 && (
        <table className="w-full text-left text-sm [&_td]:py-1 [&_td]:pr-3 [&_th]:pr-3">
          <thead className="text-xs text-slate-500">
            <tr>
              {(
                ['opened', 'visitor', 'team', 'agent', 'wait', 'firstResponse', 'handle', 'csat'] as const
              ).map((c) => (
                <th key={c} className="py-1 font-medium">
                  {t(`reports.columns.${c}`)}
                </th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {list.items.map((c) => (
              <tr
                key={c.id}
                className="border-t border-slate-100 dark:border-slate-800"
                data-testid="report-drill-row"
                data-conversation-id={c.id}
              >
                <td className="whitespace-nowrap tabular-nums">{dateTime(c.createdAt)}</td>
                <td>{c.visitorName ?? t('visitor.anonymous')}</td>
                <td>{c.team?.name ?? '—'}</td>
                <td>
                  {c.assignee?.name ?? '—'}
                  {c.abandoned && (
                    <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
                      {t('reports.columns.abandoned')}
                    </span>
                  )}
                  {c.leftMessage && (
                    <span
                      className="ml-1 rounded bg-slate-100 px-1 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200"
                      data-testid="left-message-tag"
                    >
                      {t('reports.leftMessage')}
                    </span>
                  )}
                </td>
                <td className="tabular-nums">{seconds(t, c.waitSeconds)}</td>
                <td className="tabular-nums">{seconds(t, c.firstResponseSeconds)}</td>
                <td className="tabular-nums">{seconds(t, c.handleSeconds)}</td>
                <td className="tabular-nums">{c.csat ?? '—'}</td>
                <td>
                  <button
                    type="button"
                    className="text-xs underline"
                    onClick={() => void openFromServer(c.id, 'report')}
                  >
                    {t('reports.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
