import type { SwitchboardBridge } from '../../shared/bridge.js';
import type { LocalServerStatus } from '../../shared/managed.js';

type ManagedChannel =
  | 'policy:load'
  | 'updates:status'
  | 'updates:check'
  | 'updates:install'
  | 'local-server:status'
  | 'local-server:start'
  | 'local-server:stop';

/** In a browser there is no managed policy, no app update and no server to start on this computer. */
export function browserManaged(): Pick<SwitchboardBridge, ManagedChannel> {
  const unavailable: LocalServerStatus = {
    availability: 'unavailable',
    state: 'stopped',
    url: null,
    initialized: false,
    error: null,
  };
  const off = async () => ({ state: 'off', reason: 'not-packaged' }) as const;
  return {
    'policy:load': async () => ({ locked: [], serverUrl: null, serverUrlLocked: false, issues: [] }),
    'updates:status': off,
    'updates:check': off,
    'updates:install': async () => ({ restarting: false }),
    'local-server:status': async () => unavailable,
    'local-server:start': async () => ({
      status: unavailable,
      error: { code: 'failed', message: 'Only the desktop app can run a server.' },
    }),
    'local-server:stop': async () => unavailable,
  };
}
