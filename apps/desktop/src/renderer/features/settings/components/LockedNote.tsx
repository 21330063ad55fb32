import { useTranslation } from 'react-i18next';

/** Beside a control that managed policy fixed (PRODUCT 11: locked settings show as locked). */
export function LockedNote() {
  const { t } = useTranslation();
  return (
    <span
      className="inline-flex items-center gap-1 text-xs whitespace-nowrap text-slate-500 dark:text-slate-400"
      data-testid="locked-note"
    >
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" fill="currentColor">
        <path d="M4 7V5a4 4 0 1 1 8 0v2h1a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h1Zm2 0h4V5a2 2 0 1 0-4 0v2Z" />
      </svg>
      {t('settings.locked')}
    </span>
  );
}
