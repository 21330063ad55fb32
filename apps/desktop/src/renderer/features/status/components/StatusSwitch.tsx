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
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className={`inline-block h-2.5 w-2.5 rounded-full ${DOT[status] ?? 'bg-slate-400'}`} />
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
      {(reason === 'idle' || reason === 'screen-locked') && (
        <span className="text-xs text-slate-500">({t(`status.reason.${reason}`)})</span>
      )}
    </label>
  );
}
