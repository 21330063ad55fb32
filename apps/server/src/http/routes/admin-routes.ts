import { adminEndpoints } from '@switchboard/protocol';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import type { TransportDeps } from '../../realtime/services.js';
import { listAudit } from '../../store/audit.js';
import { defineRoute } from '../define-route.js';

/** The admin area. `defineRoute` lets only admins through (`auth: 'admin'`). */
export function adminRoutes(app: FastifyInstance, deps: TransportDeps): void {
  const { admin } = deps;

  defineRoute(app, adminEndpoints.listUsers, deps, async () => admin.listUsers());
  defineRoute(app, adminEndpoints.createUser, deps, async ({ principal, body }) =>
    admin.createUser(principal, body),
  );
  defineRoute(app, adminEndpoints.updateUser, deps, async ({ principal, params, body }) =>
    admin.updateUser(principal, params.userId, body),
  );
  defineRoute(app, adminEndpoints.deactivateUser, deps, async ({ principal, params }) =>
    admin.deactivate(principal, params.userId),
  );
  defineRoute(app, adminEndpoints.lookupVisitors, deps, async ({ query }) =>
    deps.privacy.lookup(query.email),
  );
  defineRoute(app, adminEndpoints.exportVisitor, deps, async ({ principal, params }) =>
    deps.privacy.exportVisitor(principal, params.visitorId),
  );
  defineRoute(app, adminEndpoints.eraseVisitor, deps, async ({ principal, params }) =>
    deps.privacy.eraseVisitor(principal, params.visitorId),
  );
  defineRoute(app, adminEndpoints.createTeam, deps, async ({ principal, body }) =>
    admin.createTeam(principal, body.name),
  );
  defineRoute(app, adminEndpoints.renameTeam, deps, async ({ principal, params, body }) =>
    admin.renameTeam(principal, params.teamId, body.name),
  );
  defineRoute(app, adminEndpoints.listWidgets, deps, async () => admin.listWidgets());
  defineRoute(app, adminEndpoints.createWidget, deps, async ({ principal, body }) =>
    admin.createWidget(principal, body),
  );
  defineRoute(app, adminEndpoints.updateWidget, deps, async ({ principal, params, body }) =>
    admin.updateWidget(principal, params.widgetId, body),
  );
  defineRoute(app, adminEndpoints.rotateWidgetSecret, deps, async ({ principal, params }) =>
    admin.rotateSecret(principal, params.widgetId),
  );

  defineRoute(app, adminEndpoints.emailStatus, deps, async () => deps.email.status());
  defineRoute(app, adminEndpoints.privacyStatus, deps, async () => deps.privacy.status());
  defineRoute(app, adminEndpoints.sendTestEmail, deps, async ({ principal }) => {
    await deps.limits.consume('emailTestsPerUser', principal.userId);
    // Only ever to the admin's own address: the server is no relay for others.
    return deps.email.sendTest(principal.email);
  });

  defineRoute(app, adminEndpoints.listAudit, deps, async ({ query }) => {
    const rows = await listAudit(deps.db, {
      actorId: query.actorId,
      action: query.action,
      targetId: query.targetId,
      from: query.from === undefined ? undefined : new Date(query.from).toISOString(),
      to: query.to === undefined ? undefined : new Date(query.to).toISOString(),
      beforeId: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
      limit: query.limit,
    });
    const last = rows.at(-1);
    return {
      items: rows.map((r) => ({
        action: r.action,
        actor: r.actorId === null ? null : { id: r.actorId, name: r.actorName ?? '' },
        targetId: r.targetId,
        data: r.data,
        at: r.at,
      })),
      nextCursor:
        rows.length === query.limit && last ? Buffer.from(`a${last.id}`).toString('base64url') : null,
    };
  });
}

function decodeCursor(cursor: string): number {
  const match = /^a(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new DomainError('invalid-payload', 'The cursor is not one this server issued.');
  return Number(match[1]);
}
