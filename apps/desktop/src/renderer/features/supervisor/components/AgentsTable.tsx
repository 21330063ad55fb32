import type { LiveChat, SupervisorAgent } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { Elapsed } from '../../../ui/Elapsed.js';
import { useNow } from '../../../ui/use-now.js';
import { forceStatus, monitor } from '../actions.js';

const DOT: Record<string, string> = {
  online: 'bg-emerald-500',
  away: 'bg-amber-500',
  offline: 'bg-slate-400',
  'wrap-up': 'bg-sky-500',
};

/** Before this, `since` means "never seen" (no presence recorded yet). */
const SINCE_KNOWN = Date.parse('2000-01-01T00:00:00Z');

/** Agents: status with reason and since when, load against capacity, their chats, a raised hand. */
export function AgentsTable({
  agents,
  chats,
}: {
  agents: SupervisorAgent[];
  chats: Record<string, LiveChat>;
}) {
  const { t } = useTranslation();
  const now = useNow(15_000);
  if (agents.length === 0) return <p className="text-sm text-slate-500">{t('supervisor.none')}</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="agents-table">
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="py-1 pr-2 font-medium">{t('supervisor.agent')}</th>
          <th className="py-1 pr-2 font-medium">{t('supervisor.status')}</th>
          <th className="py-1 pr-2 font-medium">{t('supervisor.load')}</th>
          <th className="py-1 pr-2 font-medium">{t('supervisor.agentChats')}</th>
          <th className="py-1 font-medium">{t('supervisor.force')}</th>
        </tr>
      </thead>
      <tbody>
        {agents.map((agent) => (
          <tr
            key={agent.userId}
            data-testid="agent-row"
            data-user-id={agent.userId}
            className={`border-t border-slate-100 align-top dark:border-slate-800 ${
              agent.handRaised ? 'bg-amber-50 dark:bg-amber-950/40' : ''
            }`}
          >
            <td className="py-1.5 pr-2">
              <span className="font-medium">{agent.name}</span>
              {agent.handRaised && (
                <span
                  data-testid="hand-raised"
                  className="ml-2 rounded bg-amber-200 px-1.5 text-xs text-amber-900 dark:bg-amber-700 dark:text-amber-50"
                >
                  {t('supervisor.handRaised')}
                </span>
              )}
            </td>
            <td className="py-1.5 pr-2 whitespace-nowrap">
              <span
                className={`mr-1.5 inline-block h-2 w-2 rounded-full ${DOT[agent.status] ?? 'bg-slate-400'}`}
              />
              <span data-testid="agent-status">
                {t(`status.${agent.status}`, { defaultValue: agent.status })}
              </span>
              <span className="ml-1 text-xs text-slate-500">
                ({t(`status.reason.${agent.reason}`, { defaultValue: agent.reason })}
                {Date.parse(agent.since) > SINCE_KNOWN && (
                  <Elapsed since={agent.since} now={now}>
                    {(time) => ` · ${time}`}
                  </Elapsed>
                )}
                )
              </span>
            </td>
            <td className="py-1.5 pr-2 tabular-nums">
              <span
                className={
                  agent.load >= agent.capacity && agent.capacity > 0
                    ? 'font-semibold text-red-700 dark:text-red-300'
                    : ''
                }
              >
                {agent.load}/{agent.capacity}
              </span>
            </td>
            <td className="py-1.5 pr-2">
              <div className="flex flex-wrap gap-1">
                {agent.conversationIds.map((id) => (
                  <button
                    key={id}
                    type="button"
                    className="rounded bg-slate-100 px-1.5 text-xs hover:bg-slate-200 dark:bg-slate-800 dark:hover:bg-slate-700"
                    onClick={() => void monitor(id)}
                  >
                    {chats[id]?.visitor.name ?? id.slice(0, 6)}
                  </button>
                ))}
              </div>
            </td>
            <td className="py-1.5">
              <select
                aria-label={t('supervisor.forceFor', { name: agent.name })}
                data-testid="force-status"
                className="rounded border border-slate-300 bg-transparent px-1 py-0.5 text-xs dark:border-slate-600"
                value=""
                onChange={(e) => {
                  const status = e.target.value as 'online' | 'away' | 'offline';
                  if (status) void forceStatus(agent.userId, status);
                }}
              >
                <option value="">…</option>
                {(['online', 'away', 'offline'] as const).map((s) => (
                  <option key={s} value={s} className="text-slate-900">
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
