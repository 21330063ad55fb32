import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { useSession } from '../features/session/store.js';
import { useTheme } from '../features/settings/theme.js';
import { SupervisorView } from '../features/supervisor/components/SupervisorView.js';
import { Toasts } from '../features/toasts/components/Toasts.js';
import { i18n } from '../i18n/index.js';
import type { Boot } from './boot-requests.js';
import { allowed } from './routes.js';
import { startSupervisorSession } from './session-controller.js';

function SupervisorWindow() {
  const { t } = useTranslation();
  useTheme();
  const phase = useSession((s) => s.phase);
  const role = useSession((s) => s.user?.role);
  return (
    <div className="flex h-full flex-col">
      {phase === 'ready' && allowed('supervisor', role) && <SupervisorView />}
      {phase === 'logged-out' && (
        <p className="m-auto max-w-sm text-center text-sm text-slate-500" data-testid="supervisor-signed-out">
          {t('supervisor.signedOut')}
        </p>
      )}
      <Toasts />
    </div>
  );
}

/** The Electron supervisor window (`#/supervisor-window`): the supervisor view alone, on the stored session. */
export function mountSupervisorWindow(root: HTMLElement, boot: Boot): void {
  void startSupervisorSession(boot);
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <SupervisorWindow />
      </I18nextProvider>
    </StrictMode>,
  );
}
