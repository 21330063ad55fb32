import type { SlaLevel } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import type { CachedConversation } from '../../../../shared/cache-schemas.js';
import { Elapsed } from '../../../ui/Elapsed.js';
import { clockTime } from '../../../ui/format.js';
import { useChat } from '../../chat/store.js';
import { liveLeftAt, VisitorGoneMark } from '../../visitor/components/VisitorPresence.js';
import { awaitingReplyOf, replyWaitLevel } from '../awaiting-reply.js';
import { previewOf } from '../preview.js';

const REPLY_WAIT_TEXT: Record<SlaLevel, string> = {
  ok: 'text-slate-500 dark:text-slate-400',
  amber: 'text-amber-700 dark:text-amber-400',
  red: 'font-semibold text-red-700 dark:text-red-400',
};

interface Props {
  item: CachedConversation;
  active: boolean;
  now: number;
  onOpen(): void;
}

export function ConversationRow({ item, active, now, onOpen }: Props) {
  const { t } = useTranslation();
  const c = item.conversation;
  const name = c.visitor.name ?? t('visitor.anonymous');
  const waitingSince = c.status === 'queued' ? (c.queuedAt ?? c.createdAt) : null;
  const replyOwedSince = awaitingReplyOf(item);
  const typing = useChat((s) => s.typing[c.id] === true);
  return (
    <button
      type="button"
      onClick={onOpen}
      data-testid="conversation-row"
      data-conversation-id={c.id}
      className={`flex h-full w-full flex-col justify-center gap-0.5 border-b border-slate-200 px-3 text-left dark:border-slate-700 ${
        active ? 'bg-indigo-50 dark:bg-indigo-950' : 'hover:bg-slate-50 dark:hover:bg-slate-800'
      }`}
    >
      <span className="flex items-center gap-2">
        <span className="truncate text-sm font-medium">{name}</span>
        <VisitorGoneMark leftAt={liveLeftAt(c)} now={now} />
        {c.priority === 'vip' && (
          <span className="rounded bg-amber-400 px-1 text-[10px] font-bold text-amber-950">
            {t('visitor.vip')}
          </span>
        )}
        <span className="ml-auto flex items-center gap-2">
          {waitingSince && (
            <span className="text-[11px] text-amber-700 dark:text-amber-400">
              <Elapsed since={waitingSince} now={now}>
                {(time) => t('waiting', { time })}
              </Elapsed>
            </span>
          )}
          {replyOwedSince && (
            <span
              data-testid="awaiting-reply"
              title={t('awaitingReply', { time: clockTime(replyOwedSince) })}
              className={`text-[11px] ${REPLY_WAIT_TEXT[replyWaitLevel(replyOwedSince, now)]}`}
            >
              <Elapsed since={replyOwedSince} now={now}>
                {(time) => t('waiting', { time })}
              </Elapsed>
            </span>
          )}
          {item.unread > 0 && (
            <span
              data-testid="unread"
              className="min-w-5 rounded-full bg-indigo-600 px-1.5 text-center text-[11px] font-semibold text-white"
            >
              {item.unread}
            </span>
          )}
        </span>
      </span>
      {typing ? (
        <span
          data-testid="row-typing"
          className="truncate text-xs text-indigo-600 italic dark:text-indigo-400"
        >
          {t('chat.typingInList')}
        </span>
      ) : (
        <span className="truncate text-xs text-slate-500 dark:text-slate-400">
          {previewOf(t, item) ?? c.attributes.pageTitle ?? ''}
        </span>
      )}
    </button>
  );
}
