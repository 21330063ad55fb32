import { useTranslation } from 'react-i18next';
import { setHand } from '../actions.js';
import { usePresence } from '../store.js';

/** "Raise hand": asks a supervisor for help; the supervisor window shows it beside the agent. */
export function HandToggle() {
  const { t } = useTranslation();
  const raised = usePresence((s) => s.handRaised);
  return (
    <button
      type="button"
      data-testid="raise-hand"
      aria-pressed={raised}
      title={raised ? t('hand.lower') : t('hand.raise')}
      className={`rounded px-2 py-1 text-sm ${
        raised
          ? 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-50'
          : 'hover:bg-slate-100 dark:hover:bg-slate-800'
      }`}
      onClick={() => void setHand(!raised)}
    >
      {raised ? t('hand.lower') : t('hand.raise')}
    </button>
  );
}
