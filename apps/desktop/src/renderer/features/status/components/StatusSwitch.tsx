import { useTranslation } from 'react-i18next';
import { setStatus } from '../actions.js';
import { usePresence } from '../store.js';

const DOT: Record<string, string> = {
  online: 'bg-emerald-500',
  away: 'bg-amber-500',
  offline: 'bg-slate-400',
  'wrap-up': 'bg-sky-500',
};

export function StatusSwitch() {
  const { t } = useTranslation();
  const status = usePresence((s) => s.status);
  const reason = usePresence((s) => s.reason);
  // The last status the server confirmed; while it is out of reach no chat can arrive, whatever it says.
  const reachable = usePresence((s) => s.reachable);
  return (
    <label
      className="flex items-center gap-2 text-sm"
      title={reachable ? undefined : t('status.notConnected')}
    >
      <span
        data-testid="status-dot"
        data-connected={reachable}
        className={`inline-block h-2.5 w-2.5 rounded-full ${
          reachable ? (DOT[status] ?? 'bg-slate-400') : 'border border-slate-400 bg-transparent'
        }`}
      />
      <select
        aria-label={t('status.label')}
        className="rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-600"
        value={status === 'wrap-up' ? 'online' : status}
        onChange={(e) => void setStatus(e.target.value as 'online' | 'away' | 'offline')}
      >
        {(['online', 'away', 'offline'] as const).map((s) => (
          <option key={s} value={s} className="text-slate-900">
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
      {!reachable && <span className="text-xs text-slate-500">({t('status.reason.disconnected')})</span>}
      {reachable && (reason === 'idle' || reason === 'screen-locked') && (
        <span className="text-xs text-slate-500">({t(`status.reason.${reason}`)})</span>
      )}
    </label>
  );
}
