import { randomBytes, randomUUID } from 'node:crypto';
import type {
  AdminWidget,
  Team,
  UserCreate,
  UserUpdate,
  WidgetCreate,
  WidgetCreated,
  WidgetUpdate,
} from '@switchboard/protocol';
import type { z } from 'zod';
import {
  type AdminUserRecord,
  deactivateUser,
  existingTeamIds,
  getAdminUser,
  listAdminUsers,
  renameTeam,
  updateAdminUser,
} from '../store/admin-users.js';
import { audit } from '../store/audit.js';
import type { Db } from '../store/open-sqlite.js';
import { getUserByEmail, insertTeam, insertUser } from '../store/users.js';
import { updateWidget } from '../store/widget-admin.js';
import { getWidgetSettings } from '../store/widget-settings.js';
import { getWidget, insertWidget, listWidgets } from '../store/widgets.js';
import type { AuthService } from './auth-service.js';
import { conflict } from './conflicts.js';
import { DomainError, strictAssert } from './errors.js';
import { hashPassword } from './passwords.js';
import type { StaffPrincipal } from './principal.js';
import type { RoutingService } from './routing/routing-service.js';

export interface AdminServiceOptions {
  scryptCost: number;
  /** Re-reads widget origins after widgets change. */
  reloadOrigins: () => Promise<void>;
  /** A signed-in user's teams changed (not their role, which ends their sessions instead). */
  teamsChanged: (userId: string, teamIds: string[]) => Promise<void>;
}

/** Users, teams and widgets, as admins change them. Every change is audited. */
export class AdminService {
  constructor(
    private readonly db: Db,
    private readonly auth: AuthService,
    private readonly routing: RoutingService,
    private readonly options: AdminServiceOptions,
  ) {}

  listUsers(): Promise<AdminUserRecord[]> {
    return listAdminUsers(this.db);
  }

  async createUser(
    admin: StaffPrincipal,
    input: z.output<typeof UserCreate>,
  ): Promise<{ user: AdminUserRecord; initialPassword: string | null }> {
    await this.#assertTeams(input.teamIds);
    if (await getUserByEmail(this.db, input.email)) throw conflict({ code: 'email-in-use' });
    const initialPassword = input.password === undefined ? randomBytes(12).toString('base64url') : null;
    const id = randomUUID();
    await insertUser(this.db, {
      id,
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(
        input.password ?? (initialPassword as string),
        this.options.scryptCost,
      ),
    });
    await updateAdminUser(this.db, id, { capacity: input.capacity, teamIds: input.teamIds });
    await audit(this.db, admin.userId, 'user.create', id, { email: input.email, role: input.role });
    await this.routing.reload();
    return { user: await this.#user(id), initialPassword };
  }

  async updateUser(admin: StaffPrincipal, userId: string, change: UserUpdate): Promise<AdminUserRecord> {
    const before = await this.#user(userId);
    if (change.teamIds) await this.#assertTeams(change.teamIds);
    await updateAdminUser(this.db, userId, change);
    await audit(this.db, admin.userId, 'user.update', userId, { fields: Object.keys(change) });
    const roleChanged = change.role !== undefined && change.role !== before.role;
    if (roleChanged) await this.auth.revokeUser(userId, 'role-changed');
    await this.routing.reload();
    if (!roleChanged && change.teamIds && !sameMembers(change.teamIds, before.teamIds)) {
      await this.options.teamsChanged(userId, [...new Set(change.teamIds)]);
    }
    return this.#user(userId);
  }

  /** No more sign-ins; every session revoked and every socket closed (SECURITY S2). */
  async deactivate(admin: StaffPrincipal, userId: string): Promise<AdminUserRecord> {
    if (userId === admin.userId) throw new DomainError('forbidden', 'You cannot deactivate yourself.');
    await this.#user(userId);
    await deactivateUser(this.db, userId);
    await audit(this.db, admin.userId, 'user.deactivate', userId, {});
    await this.auth.revokeUser(userId, 'deactivated');
    return this.#user(userId);
  }

  async createTeam(admin: StaffPrincipal, name: string): Promise<Team> {
    const id = randomUUID();
    await insertTeam(this.db, { id, name });
    await audit(this.db, admin.userId, 'team.create', id, { name });
    await this.routing.reload();
    return { id, name, mode: this.routing.team(id).mode };
  }

  async renameTeam(admin: StaffPrincipal, teamId: string, name: string): Promise<Team> {
    const team = this.routing.team(teamId);
    await renameTeam(this.db, teamId, name);
    await audit(this.db, admin.userId, 'team.update', teamId, { name });
    await this.routing.reload();
    return { id: team.id, name, mode: team.mode };
  }

  async listWidgets(): Promise<AdminWidget[]> {
    return Promise.all((await listWidgets(this.db)).map((w) => this.#widget(w.id)));
  }

  /** A widget for a new site; its identity secret is answered this once. */
  async createWidget(admin: StaffPrincipal, input: z.output<typeof WidgetCreate>): Promise<WidgetCreated> {
    await this.#assertTeams([input.teamId]);
    const id = randomUUID();
    const secret = newSecret();
    await insertWidget(this.db, { id, secret, ...input });
    await audit(this.db, admin.userId, 'widget.create', id, { name: input.name });
    await this.options.reloadOrigins();
    return { widget: await this.#widget(id), secret };
  }

  async updateWidget(admin: StaffPrincipal, widgetId: string, change: WidgetUpdate): Promise<AdminWidget> {
    if (!(await getWidget(this.db, widgetId))) throw new DomainError('not-found', 'No such widget.');
    if (change.teamId) await this.#assertTeams([change.teamId]);
    await updateWidget(this.db, widgetId, change);
    await audit(this.db, admin.userId, 'widget.update', widgetId, { fields: Object.keys(change) });
    await this.options.reloadOrigins();
    return this.#widget(widgetId);
  }

  async rotateSecret(admin: StaffPrincipal, widgetId: string): Promise<{ secret: string }> {
    if (!(await getWidget(this.db, widgetId))) throw new DomainError('not-found', 'No such widget.');
    const secret = newSecret();
    await updateWidget(this.db, widgetId, { secret });
    await audit(this.db, admin.userId, 'widget.secret', widgetId, {});
    return { secret };
  }

  async #user(userId: string): Promise<AdminUserRecord> {
    const user = await getAdminUser(this.db, userId);
    if (!user) throw new DomainError('not-found', 'No such user.');
    return user;
  }

  async #widget(widgetId: string): Promise<AdminWidget> {
    const widget = await getWidget(this.db, widgetId);
    const settings = await getWidgetSettings(this.db, widgetId);
    strictAssert(widget && settings, `widget ${widgetId} exists`);
    return {
      id: widget.id,
      name: widget.name,
      teamId: widget.teamId,
      allowedOrigins: widget.allowedOrigins,
      identityMode: widget.identityMode,
      settings,
      pageTracking: widget.pageTracking,
      typingPreview: widget.typingPreview,
    };
  }

  async #assertTeams(teamIds: string[]): Promise<void> {
    const known = await existingTeamIds(this.db);
    if (teamIds.some((id) => !known.has(id))) throw new DomainError('invalid-payload', 'No such team.');
  }
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}
