import { useEffect } from 'react';
import { LoginView } from '../features/session/components/LoginView.js';
import { useSession } from '../features/session/store.js';
import { useSettings } from '../features/settings/store.js';
import { useTheme } from '../features/settings/theme.js';
import { Toasts } from '../features/toasts/components/Toasts.js';
import { bridge } from '../host/bridge.js';
import { i18n } from '../i18n/index.js';
import { startSession } from './session-controller.js';
import { Workbench } from './Workbench.js';

export function App() {
  const phase = useSession((s) => s.phase);
  useTheme();
  useEffect(() => {
    void (async () => {
      // In parallel: the session paints from the cache while the settings arrive.
      await Promise.all([
        bridge['settings:load']({}).then(async (settings) => {
          useSettings.getState().set(settings);
          await i18n.changeLanguage(settings.locale);
        }),
        startSession(),
      ]);
    })();
  }, []);
  return (
    <>
      {phase === 'logged-out' && <LoginView />}
      {phase === 'ready' && <Workbench />}
      <Toasts />
    </>
  );
}
