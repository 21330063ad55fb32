import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateStatus } from '../../../../shared/managed.js';
import type { Settings } from '../../../../shared/settings.js';
import { isUpdateChannel, UPDATE_CHANNELS } from '../../../../shared/settings-defaults.js';
import { inputClass, primaryButton, secondaryButton } from '../../../ui/Dialog.js';
import { installUpdate, loadUpdateStatus, useLocked, useManaged } from '../managed-store.js';
import { useSettings } from '../store.js';
import { LockedNote } from './LockedNote.js';
import { LockableCheckbox, SettingsSection } from './SettingsControls.js';

function useStatusText(status: UpdateStatus | null): string {
  const { t } = useTranslation();
  if (!status) return '';
  switch (status.state) {
    case 'off':
      return t(`settings.update.off.${status.reason}`);
    case 'available':
    case 'downloaded':
      return t(`settings.update.${status.state}`, { version: status.version });
    case 'error':
      return t('settings.update.error', { message: status.message });
    default:
      return t(`settings.update.${status.state}`);
  }
}

export function UpdatesSection({ save }: { save(patch: Partial<Settings>): Promise<void> }) {
  const { t } = useTranslation();
  const settings = useSettings((s) => s.settings);
  const status = useManaged((s) => s.updates);
  const channelLocked = useLocked('updateChannel');
  const statusText = useStatusText(status);
  useEffect(() => {
    void loadUpdateStatus();
  }, []);
  const managedInstall = status?.state === 'off' && status.reason === 'managed-install';
  return (
    <SettingsSection title={t('settings.updates')} testId="updates">
      <LockableCheckbox
        setting="autoUpdate"
        label={t('settings.autoUpdate')}
        checked={settings.autoUpdate}
        disabled={managedInstall}
        onChange={(checked) => void save({ autoUpdate: checked }).then(() => loadUpdateStatus())}
      />
      <label className="block space-y-1">
        <span className="flex items-center gap-2">
          {t('settings.channel')} {channelLocked && <LockedNote />}
        </span>
        <select
          className={inputClass}
          name="updateChannel"
          value={settings.updateChannel}
          disabled={channelLocked || managedInstall}
          onChange={(e) => isUpdateChannel(e.target.value) && void save({ updateChannel: e.target.value })}
        >
          {UPDATE_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`settings.channels.${channel}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs text-slate-600 dark:text-slate-300" role="status" data-testid="update-status">
          {statusText}
        </p>
        {status?.state === 'downloaded' ? (
          <button
            type="button"
            className={`${primaryButton} shrink-0 whitespace-nowrap`}
            data-testid="restart-to-update"
            onClick={() => void installUpdate()}
          >
            {t('settings.restartToUpdate')}
          </button>
        ) : (
          status &&
          status.state !== 'off' && (
            <button type="button" className={secondaryButton} onClick={() => void loadUpdateStatus(true)}>
              {t('settings.checkNow')}
            </button>
          )
        )}
      </div>
    </SettingsSection>
  );
}
