import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/settings.js';
import { useLocked } from '../managed-store.js';
import { useSettings } from '../store.js';
import { LockedNote } from './LockedNote.js';

/** The desktop app's own choices: staying in the tray, starting with the computer's sign-in. */
export function DesktopSection({ save }: { save(patch: Partial<Settings>): Promise<void> }) {
  const { t } = useTranslation();
  const settings = useSettings((s) => s.settings);
  const keepLocked = useLocked('keepRunningInTray');
  const loginLocked = useLocked('openAtLogin');
  return (
    <fieldset
      className="space-y-2 border-t border-slate-200 pt-3 dark:border-slate-700"
      data-testid="desktop"
    >
      <legend className="font-medium">{t('settings.desktop')}</legend>
      <label className="flex flex-wrap items-center gap-2">
        <input
          type="checkbox"
          data-testid="keep-running-in-tray"
          checked={settings.keepRunningInTray}
          disabled={keepLocked}
          onChange={(e) => void save({ keepRunningInTray: e.target.checked })}
        />
        {t('settings.keepRunningInTray')}
        {keepLocked && <LockedNote />}
      </label>
      <label className="flex flex-wrap items-center gap-2">
        <input
          type="checkbox"
          data-testid="open-at-login"
          checked={settings.openAtLogin}
          disabled={loginLocked}
          onChange={(e) => void save({ openAtLogin: e.target.checked })}
        />
        {t('settings.openAtLogin')}
        {loginLocked && <LockedNote />}
      </label>
    </fieldset>
  );
}
