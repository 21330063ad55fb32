import { type Conversation, VISITOR_GONE_AFTER_SECONDS, visitorPresence } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { Elapsed } from '../../../ui/Elapsed.js';
import { clockTime } from '../../../ui/format.js';
import { useNow } from '../../../ui/use-now.js';
import { usePresence } from '../../status/store.js';

/**
 * Whether the visitor still has the site open, in the chat's header: "On the site", or "Left the
 * site 3m ago", for a live chat (queued or with an agent: the server pushes presence for those).
 * Nothing from a server that does not say, or while the server is out of reach (what it said
 * last may no longer hold).
 */
export function VisitorPresence({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const { leftAt } = conversation.visitor;
  // Ticks only while a departure may still turn out to be a page load.
  const settling =
    typeof leftAt === 'string' && Date.now() - Date.parse(leftAt) < VISITOR_GONE_AFTER_SECONDS * 1000;
  const now = useNow(settling ? 1000 : 15_000);
  const reachable = usePresence((s) => s.reachable);
  if (!isLive(conversation) || !reachable) return null;
  const presence = visitorPresence(leftAt, now);
  if (presence.kind === 'unknown') return null;
  if (presence.kind === 'present')
    return (
      <span
        className="flex items-center gap-1 text-xs text-emerald-700 dark:text-emerald-400"
        data-testid="visitor-presence"
        data-presence="present"
      >
        <span aria-hidden="true" className="size-1.5 rounded-full bg-emerald-500" />
        {t('visitor.presence.present')}
      </span>
    );
  return (
    <span
      className="text-xs text-slate-500 dark:text-slate-400"
      data-testid="visitor-presence"
      data-presence="gone"
      title={t('visitor.presence.goneAt', { time: clockTime(presence.since) })}
    >
      <Elapsed since={presence.since} now={now}>
        {(ago) => t('visitor.presence.gone', { ago })}
      </Elapsed>
    </span>
  );
}

const isLive = (c: Conversation) => c.status === 'queued' || c.status === 'assigned';

/** The visitor's `leftAt` where presence is kept current (a live chat), else unknown. */
export const liveLeftAt = (c: Conversation) => (isLive(c) ? c.visitor.leftAt : undefined);

/** The same in a list row or the supervisor's grid: a word beside the name once the visitor has gone. */
export function VisitorGoneMark({ leftAt, now }: { leftAt: string | null | undefined; now: number }) {
  const { t } = useTranslation();
  const reachable = usePresence((s) => s.reachable);
  if (!reachable) return null;
  const presence = visitorPresence(leftAt, now);
  if (presence.kind !== 'gone') return null;
  return (
    <span
      className="text-[10px] text-slate-400 dark:text-slate-500"
      data-testid="visitor-gone"
      title={t('visitor.presence.goneAt', { time: clockTime(presence.since) })}
    >
      {t('visitor.presence.goneShort')}
    </span>
  );
}
