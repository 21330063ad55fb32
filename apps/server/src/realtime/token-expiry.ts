import type { AgentRequests } from '@switchboard/protocol';
import { assertSameSession } from '../domain/policy.js';
import type { StaffPrincipal } from '../domain/principal.js';
import type { RequestHandlers } from './serve-requests.js';
import type { TransportDeps } from './services.js';
import type { AgentNamespace, AgentSocket } from './types.js';

export interface TokenExpiryTiming {
  /** How long past its access token's expiry a staff socket may still re-authenticate. */
  graceMs: number;
  /** How often the staff sockets are checked. */
  sweepMs: number;
}

/** Whether a staff socket's access token expired more than the grace ago (without a `session:reauth`). */
export function pastExpiry(socket: AgentSocket, graceMs: number, now = Date.now()): boolean {
  return socket.data.accessTokenExpiresAt <= now - graceMs;
}

/**
 * SECURITY S2 on long-lived sockets: a staff socket past its expiry is disconnected. The sweep
 * closes the idle ones; `serveRequests` refuses any event from one before the sweep comes round
 * (see onAgentConnection). One timer for the namespace; the returned function stops it.
 */
export function sweepExpiredSockets(namespace: AgentNamespace, timing: TokenExpiryTiming): () => void {
  const timer = setInterval(() => {
    const now = Date.now();
    for (const socket of [...namespace.sockets.values()]) {
      if (pastExpiry(socket, timing.graceMs, now)) socket.disconnect(true);
    }
  }, timing.sweepMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** `session:reauth`: a newer access token of the socket's own session moves its expiry on. */
export function reauthHandlers(
  deps: Pick<TransportDeps, 'auth'>,
  namespace: AgentNamespace,
): Pick<RequestHandlers<AgentRequests, StaffPrincipal>, 'session:reauth'> {
  return {
    'session:reauth': async ({ token }, ctx) => {
      const { principal, expiresAt } = await deps.auth.authenticateWithExpiry(token);
      assertSameSession(ctx.principal, principal);
      const socket = namespace.sockets.get(ctx.socketId);
      if (socket) {
        socket.data.accessTokenExpiresAt = expiresAt;
        socket.data.principal.name = principal.name;
        socket.data.principal.email = principal.email;
      }
      return { accessTokenExpiresAt: new Date(expiresAt).toISOString() };
    },
  };
}
