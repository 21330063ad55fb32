import { restEndpoints } from '@switchboard/protocol';
import type { FastifyInstance } from 'fastify';
import type { TransportDeps } from '../../realtime/services.js';
import { defineRoute } from '../define-route.js';

export function authRoutes(app: FastifyInstance, deps: TransportDeps): void {
  defineRoute(app, restEndpoints.login, deps, async ({ body, request }) => {
    const account = body.email.toLowerCase();
    await deps.limits.consume('loginPerIp', request.ip);
    await deps.limits.consume('loginPerAccount', account);
    const session = await deps.auth.login(body.email, body.password);
    await deps.limits.reset('loginPerAccount', account);
    return session;
  });

  defineRoute(app, restEndpoints.refresh, deps, async ({ body, request }) => {
    await deps.limits.consume('loginPerIp', request.ip);
    return deps.auth.refresh(body.refreshToken);
  });

  defineRoute(app, restEndpoints.logout, deps, async ({ principal }) => {
    await deps.auth.logout(principal);
    return {};
  });

  defineRoute(app, restEndpoints.changePassword, deps, async ({ principal, body }) => {
    await deps.limits.consume('loginPerAccount', principal.email);
    await deps.auth.changePassword(principal, body.currentPassword, body.newPassword);
    return {};
  });

  defineRoute(app, restEndpoints.me, deps, async ({ principal }) => deps.auth.me(principal));
}
