import { HandshakeAuth, PROTOCOL_VERSION } from '@switchboard/protocol';
import type { Socket } from 'socket.io';
import { DomainError } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import { originAllowed } from '../domain/visitor-service.js';
import { toApiError } from '../transport-errors.js';
import type { TransportDeps } from './services.js';

type Middleware = (socket: Socket, next: (error?: Error) => void) => void;

/**
 * socket.io middleware (SECURITY S1): the principal comes from the verified credential in
 * `handshake.auth`, never from event payloads. Failures reach the client as a connect_error
 * whose `data` is `{ code, message }`.
 */
export function authenticateHandshake(kind: 'visitor' | 'staff', deps: TransportDeps): Middleware {
  return (socket, next) => {
    const ip = socket.handshake.address;
    const origin = socket.handshake.headers.origin;
    void (async (): Promise<{ principal: Principal; accessTokenExpiresAt?: number }> => {
      await deps.limits.consume('handshakesPerIp', ip);
      const version: unknown = (socket.handshake.auth as { protocolVersion?: unknown } | undefined)
        ?.protocolVersion;
      if (version !== PROTOCOL_VERSION) {
        throw new DomainError(
          'protocol-version-unsupported',
          `This server speaks protocol ${PROTOCOL_VERSION}; please update the app.`,
          { supported: [PROTOCOL_VERSION] },
        );
      }
      const auth = HandshakeAuth.safeParse(socket.handshake.auth);
      if (!auth.success)
        throw new DomainError('unauthenticated', 'Send { token, protocolVersion } as socket auth.');
      if (kind === 'staff') {
        if (!deps.origins.isWorkbench(origin))
          throw new DomainError('origin-not-allowed', 'Origin not allowed.');
        const { principal, expiresAt } = await deps.auth.authenticateWithExpiry(auth.data.token);
        return { principal, accessTokenExpiresAt: expiresAt };
      }
      const visitor = await deps.visitors.authenticate(auth.data.token);
      deps.bans.assertAllowed({ ip, visitorId: visitor.visitorId });
      if (!originAllowed(await deps.visitors.widget(visitor.widgetId), origin)) {
        throw new DomainError('origin-not-allowed', 'This site is not allowed to use this widget.');
      }
      return { principal: visitor };
    })().then(
      (data) => {
        socket.data = { ...data, ip };
        next();
      },
      (error: unknown) => {
        const apiError = toApiError(error, deps.logger, { stage: 'handshake' });
        deps.metrics.errors.inc({ code: apiError.code, transport: 'handshake' });
        next(Object.assign(new Error(apiError.message), { data: apiError }));
      },
    );
  };
}
