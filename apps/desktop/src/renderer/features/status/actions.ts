import { runtime } from '../../app/runtime.js';
import { bridge } from '../../host/bridge.js';
import { toastError } from '../toasts/store.js';
import { keepPresence } from './kept-presence.js';
import { usePresence } from './store.js';

type Settable = 'online' | 'away' | 'offline';

export async function setStatus(
  status: Settable,
  reason: 'manual' | 'idle' | 'screen-locked' = 'manual',
): Promise<void> {
  const previous = usePresence.getState();
  usePresence.getState().setDesired(status);
  keepChoice();
  usePresence.getState().setStatus(status, reason);
  void bridge['app:status']({ status });
  const result = await runtime.connection?.request('agent:status', { status, reason });
  if (!result) return;
  if (result.ok) usePresence.getState().setStatus(result.data.status, result.data.reason);
  else if (result.error.code !== 'unavailable') {
    usePresence.getState().setStatus(previous.status, previous.reason);
    toastError('status', result.error);
  }
}

/** After every (re)connect: the status the agent chose, whatever the server decided meanwhile. */
export async function restoreStatus(): Promise<void> {
  const { desired, reason } = usePresence.getState();
  const result = await runtime.connection?.request('agent:status', {
    status: desired,
    reason: reason === 'idle' || reason === 'screen-locked' ? reason : 'manual',
  });
  if (result?.ok) usePresence.getState().setStatus(result.data.status, result.data.reason);
  else {
    const state = await runtime.connection?.request('agent:state', {});
    if (state?.ok) usePresence.getState().setStatus(state.data.status, state.data.reason);
  }
  void bridge['app:status']({ status: desired });
  // The server forgets a raised hand when the agent's last socket closes.
  if (usePresence.getState().handRaised) void runtime.connection?.request('agent:hand', { raised: true });
}

/** Raise or lower the hand: supervisors of the agent's teams see it in their window. */
export async function setHand(raised: boolean): Promise<void> {
  usePresence.getState().setHandRaised(raised);
  keepChoice();
  const result = await runtime.connection?.request('agent:hand', { raised });
  if (result && !result.ok) {
    usePresence.getState().setHandRaised(!raised);
    keepChoice();
    toastError('hand', result.error);
  }
}

/** What the agent chose outlives a reload of this window (kept-presence.ts). */
function keepChoice(): void {
  const { desired, handRaised } = usePresence.getState();
  if (runtime.account) keepPresence(runtime.account, { desired, handRaised });
}

/** OS idle or screen lock sets away with its reason; coming back restores online only if idle set it. */
export function watchHostIdle(): () => void {
  const offIdle = bridge.on('os:idle', ({ idle, reason }) => {
    const { status, reason: current } = usePresence.getState();
    if (idle && status === 'online') void setStatus('away', reason);
    else if (!idle && status === 'away' && current !== 'manual') void setStatus('online');
  });
  const offTray = bridge.on('tray:status', ({ status }) => void setStatus(status));
  return () => {
    offIdle();
    offTray();
  };
}
