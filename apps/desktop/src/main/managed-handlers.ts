import type { Handlers } from './handlers.js';
import type { LocalServer } from './services/local-server/local-server.js';
import { LocalServerError } from './services/local-server/local-server.js';
import type { ManagedPolicy } from './services/policy/managed-policy.js';
import type { UpdateService } from './services/updates/update-service.js';

export interface ManagedServices {
  managed: ManagedPolicy;
  updates: Pick<UpdateService, 'status' | 'check' | 'installNow'>;
  localServer: Pick<LocalServer, 'status' | 'start' | 'stop'>;
}

type ManagedChannel =
  | 'policy:load'
  | 'updates:status'
  | 'updates:check'
  | 'updates:install'
  | 'local-server:status'
  | 'local-server:start'
  | 'local-server:stop';

/** The IT-rollout channels: policy view, updates, the server on this computer. */
export function managedHandlers(services: ManagedServices): Pick<Handlers, ManagedChannel> {
  const { managed, updates, localServer } = services;
  return {
    'policy:load': () => managed.view(),
    'updates:status': () => updates.status(),
    'updates:check': () => updates.check(),
    'updates:install': () => updates.installNow(),
    'local-server:status': () => localServer.status(),
    'local-server:start': async ({ firstAdmin }) => {
      try {
        return { status: await localServer.start(firstAdmin), error: null };
      } catch (error) {
        if (!(error instanceof LocalServerError)) throw error;
        return { status: localServer.status(), error: { code: error.code, message: error.message } };
      }
    },
    'local-server:stop': async () => {
      await localServer.stop();
      return localServer.status();
    },
  };
}
