import { useTranslation } from 'react-i18next';
import { useChat } from '../../chat/store.js';
import { usePresence } from '../../status/store.js';

/** PRODUCT: gap-free delivery the agent can see — "synced" or "N pending", and the server's reachability. */
export function SyncHeader() {
  const { t } = useTranslation();
  const pending = useChat((s) => Object.keys(s.outbox).length);
  const reachable = usePresence((s) => s.reachable);
  return (
    <div className="flex items-center gap-3 text-xs" data-testid="sync-header">
      <span
        className={`flex items-center gap-1 ${reachable ? 'text-emerald-600 dark:text-emerald-400' : 'text-red-600 dark:text-red-400'}`}
        data-testid="reachability"
      >
        <span
          className={`inline-block h-2 w-2 rounded-full ${reachable ? 'bg-emerald-500' : 'bg-red-500'}`}
        />
        {reachable ? t('sync.online') : t('sync.offline')}
      </span>
      <span
        data-testid="sync-state"
        className={pending > 0 ? 'font-medium text-amber-600 dark:text-amber-400' : 'text-slate-500'}
      >
        {pending > 0 ? t('sync.pending', { count: pending }) : t('sync.synced')}
      </span>
    </div>
  );
}
