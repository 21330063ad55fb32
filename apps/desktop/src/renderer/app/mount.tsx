import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { useSettings } from '../features/settings/store.js';
import { bridge } from '../host/bridge.js';
import { i18n } from '../i18n/index.js';
import { prepareTimeFormats } from '../ui/format.js';
import { App } from './App.js';
import { afterPaint } from './after-paint.js';
import { takeBoot } from './boot-requests.js';
import { documentParsed } from './dom-ready.js';
import { isSupervisorWindow } from './routes.js';
import { startSession } from './session-controller.js';

/** Settings, language and the cached list are in the stores before the first render: one paint. */
async function mount(root: HTMLElement): Promise<void> {
  const boot = await (takeBoot() ?? bridge['app:boot']({}));
  useSettings.getState().set(boot.settings);
  await i18n.changeLanguage(boot.settings.locale);
  void afterPaint().then(() => requestIdleCallback(prepareTimeFormats, { timeout: 3000 }));
  if (isSupervisorWindow()) {
    const { mountSupervisorWindow } = await import('./supervisor-window.js');
    return mountSupervisorWindow(root, boot);
  }
  void startSession(boot);
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
}

void documentParsed().then(() => {
  const root = document.getElementById('root');
  if (root) void mount(root);
});
