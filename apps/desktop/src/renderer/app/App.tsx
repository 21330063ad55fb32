import { LoginView } from '../features/session/components/LoginView.js';
import { useSession } from '../features/session/store.js';
import { useTheme } from '../features/settings/theme.js';
import { Toasts } from '../features/toasts/components/Toasts.js';
import { Workbench } from './Workbench.js';

export function App() {
  const phase = useSession((s) => s.phase);
  useTheme();
  return (
    <>
      {phase === 'logged-out' && <LoginView />}
      {phase === 'ready' && <Workbench />}
      <Toasts />
    </>
  );
}
