import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/settings.js';
import { useSettings } from '../store.js';
import { LockableCheckbox, SettingsSection } from './SettingsControls.js';

/** The desktop app's own choices: staying in the tray, starting with the computer's sign-in. */
export function DesktopSection({ save }: { save(patch: Partial<Settings>): Promise<void> }) {
  const { t } = useTranslation();
  const settings = useSettings((s) => s.settings);
  return (
    <SettingsSection title={t('settings.desktop')} testId="desktop">
      <LockableCheckbox
        setting="keepRunningInTray"
        label={t('settings.keepRunningInTray')}
        checked={settings.keepRunningInTray}
        onChange={(checked) => void save({ keepRunningInTray: checked })}
      />
      <LockableCheckbox
        setting="openAtLogin"
        label={t('settings.openAtLogin')}
        checked={settings.openAtLogin}
        onChange={(checked) => void save({ openAtLogin: checked })}
      />
    </SettingsSection>
  );
}
