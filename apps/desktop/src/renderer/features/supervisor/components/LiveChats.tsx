import type { LiveChat } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { Elapsed } from '../../../ui/Elapsed.js';
import { useNow } from '../../../ui/use-now.js';
import { VisitorGoneMark } from '../../visitor/components/VisitorPresence.js';
import { monitor } from '../actions.js';
import { isEscalated } from '../escalations.js';

/**
 * The grid of live chats; activating a row monitors it silently. A chat whose offers keep ringing
 * out or being declined is flagged and comes first (PRODUCT: alerts escalate to a supervisor).
 */
export function LiveChats({
  chats,
  teamNames,
  selected,
}: {
  chats: LiveChat[];
  teamNames: Record<string, string>;
  selected: string | null;
}) {
  const { t } = useTranslation();
  const now = useNow(5000);
  if (chats.length === 0) return <p className="text-sm text-slate-500">{t('supervisor.none')}</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="live-chats">
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="py-1 pr-2 font-medium">{t('supervisor.visitor')}</th>
          <th className="py-1 pr-2 font-medium">{t('supervisor.team')}</th>
          <th className="py-1 pr-2 font-medium">{t('supervisor.state')}</th>
          <th className="py-1 pr-2 font-medium">{t('supervisor.assignee')}</th>
          <th className="py-1 pr-2 font-medium">{t('supervisor.since')}</th>
          <th className="py-1 font-medium" />
        </tr>
      </thead>
      <tbody>
        {[...chats]
          .sort((a, b) => Number(isEscalated(b)) - Number(isEscalated(a)))
          .map((chat) => {
            const since = chat.queuedAt ?? chat.assignedAt;
            const escalated = isEscalated(chat);
            return (
              <tr
                key={chat.conversationId}
                data-testid="live-chat"
                data-conversation-id={chat.conversationId}
                aria-selected={selected === chat.conversationId}
                className={`border-t border-slate-100 dark:border-slate-800 ${
                  selected === chat.conversationId
                    ? 'bg-indigo-50 dark:bg-indigo-950/50'
                    : escalated
                      ? 'bg-red-50 dark:bg-red-950/40'
                      : ''
                }`}
              >
                <td className="py-1.5 pr-2">
                  {chat.visitor.name ?? '—'} <VisitorGoneMark leftAt={chat.visitor.leftAt} now={now} />
                  {chat.page && (
                    <span
                      className="block max-w-[18rem] truncate text-xs text-slate-500 dark:text-slate-400"
                      title={chat.page.url}
                      data-testid="live-chat-page"
                    >
                      {chat.page.title ?? chat.page.url}
                    </span>
                  )}
                  {chat.priority === 'vip' && (
                    <span className="ml-1 rounded bg-amber-200 px-1 text-[10px] font-bold text-amber-900">
                      {t('supervisor.vip')}
                    </span>
                  )}
                  {chat.missedOffers > 0 && (
                    <span
                      data-testid="missed-offers"
                      data-escalated={escalated}
                      className={`ml-1 rounded px-1 text-[10px] font-bold ${
                        escalated
                          ? 'bg-red-600 text-white'
                          : 'bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200'
                      }`}
                    >
                      {t('supervisor.missedOffers', { count: chat.missedOffers })}
                    </span>
                  )}
                </td>
                <td className="py-1.5 pr-2">{chat.teamId ? (teamNames[chat.teamId] ?? '—') : '—'}</td>
                <td className="py-1.5 pr-2">
                  {chat.inBot ? t('supervisor.inBot') : t(`supervisor.${chat.status}`)}
                </td>
                <td className="py-1.5 pr-2">{chat.assignee?.name ?? '—'}</td>
                <td className="py-1.5 pr-2 tabular-nums">
                  {since ? <Elapsed since={since} now={now} /> : '—'}
                </td>
                <td className="py-1.5 text-right">
                  <button
                    type="button"
                    data-testid="monitor"
                    className="rounded px-2 py-0.5 text-xs font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950"
                    onClick={() => void monitor(chat.conversationId)}
                  >
                    {t('supervisor.monitor')}
                  </button>
                </td>
              </tr>
            );
          })}
      </tbody>
    </table>
  );
}
