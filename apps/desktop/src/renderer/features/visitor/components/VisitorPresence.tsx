import {
  type Conversation,
  type VisitorPresence as Presence,
  VISITOR_GONE_AFTER_SECONDS,
  visitorPresence,
} from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { Elapsed } from '../../../ui/Elapsed.js';
import { clockTime } from '../../../ui/format.js';
import { useNow } from '../../../ui/use-now.js';
import { usePresence } from '../../status/store.js';

/**
 * The visitor's `leftAt` where the server keeps it current (a live chat: queued or with an agent),
 * else unknown.
 */
export const liveLeftAt = (c: Conversation) =>
  c.status === 'queued' || c.status === 'assigned' ? c.visitor.leftAt : undefined;

/** What to show of `leftAt` at `now`: nothing while the server is out of reach (it may no longer hold). */
function useShownPresence(leftAt: string | null | undefined, now: number): Presence {
  const reachable = usePresence((s) => s.reachable);
  return reachable ? visitorPresence(leftAt, now) : { kind: 'unknown' };
}

/**
 * Whether the visitor still has the site open, in a chat's header: "On the site", or "Left the
 * site 3m ago". `leftAt` as `liveLeftAt` reads it; nothing when unknown.
 */
export function VisitorPresence({ leftAt }: { leftAt: string | null | undefined }) {
  const { t } = useTranslation();
  // Ticks each second only while a departure may still turn out to be a page load.
  const settling =
    typeof leftAt === 'string' && Date.now() - Date.parse(leftAt) < VISITOR_GONE_AFTER_SECONDS * 1000;
  const now = useNow(settling ? 1000 : 15_000);
  const presence = useShownPresence(leftAt, now);
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

/** The same in a list row or the supervisor's grid: a word beside the name once the visitor has gone. */
export function VisitorGoneMark({ leftAt, now }: { leftAt: string | null | undefined; now: number }) {
  const { t } = useTranslation();
  const presence = useShownPresence(leftAt, now);
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
