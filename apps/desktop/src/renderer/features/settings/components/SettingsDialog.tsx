import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/settings.js';
import { logout } from '../../../app/session-controller.js';
import { bridge } from '../../../host/bridge.js';
import { Dialog, inputClass, primaryButton, secondaryButton } from '../../../ui/Dialog.js';
import { pendingCount, useChat } from '../../chat/store.js';
import { playChime } from '../../notifications/ringer.js';
import { useShortcutsHelp } from '../../shortcuts/help-store.js';
import { loadPolicy } from '../managed-store.js';
import { useSettings } from '../store.js';
import { DesktopSection } from './DesktopSection.js';
import { PolicyNotice } from './PolicyNotice.js';
import { UpdatesSection } from './UpdatesSection.js';

export function SettingsDialog() {
  const { t, i18n } = useTranslation();
  const settings = useSettings((s) => s.settings);
  const setOpen = useSettings((s) => s.setOpen);
  useEffect(() => {
    void loadPolicy();
  }, []);
  const save = async (patch: Partial<Settings>) => {
    // Shown at once (a checkbox follows the click); then what the host kept, a locked setting
    // snapping back.
    useSettings.getState().set({ ...settings, ...patch });
    const next = await bridge['settings:save']({ settings: { ...settings, ...patch } });
    useSettings.getState().set(next);
    void i18n.changeLanguage(next.locale);
  };
  const test = async () => {
    if (bridge.capabilities.webNotifications && Notification.permission === 'default') {
      await Notification.requestPermission();
    }
    if (settings.sound) playChime();
    await bridge['notify:show']({
      kind: 'test',
      conversationId: null,
      title: t('notify.test'),
      body: 'Switchboard',
      tabFocused: false,
    });
  };
  return (
    <Dialog title={t('settings.title')} onClose={() => setOpen(false)}>
      <div className="space-y-3 text-sm">
        <PolicyNotice />
        <label className="block space-y-1">
          <span>{t('settings.language')}</span>
          <select
            className={inputClass}
            data-testid="settings-language"
            value={settings.locale}
            onChange={(e) => void save({ locale: e.target.value as Settings['locale'] })}
          >
            <option value="en">English</option>
            <option value="zh-CN">简体中文</option>
          </select>
        </label>
        <label className="block space-y-1">
          <span>{t('settings.theme')}</span>
          <select
            className={inputClass}
            value={settings.theme}
            onChange={(e) => void save({ theme: e.target.value as Settings['theme'] })}
          >
            <option value="system">{t('settings.system')}</option>
            <option value="light">{t('settings.light')}</option>
            <option value="dark">{t('settings.dark')}</option>
          </select>
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={settings.sound}
            onChange={(e) => void save({ sound: e.target.checked })}
          />
          {t('settings.sound')}
        </label>
        {bridge.capabilities.tray && <DesktopSection save={save} />}
        <UpdatesSection save={save} />
        <button
          type="button"
          className="text-sm text-indigo-600 hover:underline dark:text-indigo-400"
          data-testid="open-shortcuts"
          onClick={() => {
            setOpen(false);
            useShortcutsHelp.getState().setOpen(true);
          }}
        >
          {t('shortcuts.title')}
        </button>
        <div className="flex justify-between gap-2 pt-2">
          <button
            type="button"
            className={primaryButton}
            data-testid="test-notification"
            onClick={() => void test()}
          >
            {t('settings.test')}
          </button>
          <button
            type="button"
            className={secondaryButton}
            onClick={() => {
              // Logging out wipes this computer's cache, the outbox with it: replies not yet sent are lost.
              const pending = pendingCount(useChat.getState().outbox);
              if (pending > 0 && !window.confirm(t('settings.logoutPending', { count: pending }))) return;
              void logout().then(() => setOpen(false));
            }}
          >
            {t('settings.logout')}
          </button>
          <button type="button" className={secondaryButton} onClick={() => setOpen(false)}>
            {t('settings.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
