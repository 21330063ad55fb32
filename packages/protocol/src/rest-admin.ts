import { z } from 'zod';
import {
  AdminUser,
  AdminWidget,
  AuditPage,
  AuditQuery,
  EmailStatus,
  EmailTestResult,
  TeamCreate,
  TeamRename,
  UserCreate,
  UserInvite,
  UserUpdate,
  WidgetCreate,
  WidgetCreated,
  WidgetSecret,
  WidgetUpdate,
} from './admin.js';
import { Empty } from './auth.js';
import { type EndpointSpec, TeamParams, UserParams } from './endpoint.js';
import {
  PrivacyStatus,
  VisitorErased,
  VisitorExport,
  VisitorLookupQuery,
  VisitorParams,
  VisitorSummary,
} from './privacy.js';
import { Report, ReportConversations, ReportDrillQuery, ReportQuery } from './reports.js';
import { Team } from './rest-routing.js';
import { WidgetParams } from './rest-widget.js';

/** The admin area: users, teams, widgets, the audit log and email. Admins only. */
export const adminEndpoints = {
  listUsers: { method: 'GET', path: '/api/admin/users', auth: 'admin', response: z.array(AdminUser) },
  createUser: {
    method: 'POST',
    path: '/api/admin/users',
    auth: 'admin',
    body: UserCreate,
    response: UserInvite,
  },
  updateUser: {
    method: 'POST',
    path: '/api/admin/users/:userId',
    auth: 'admin',
    params: UserParams,
    body: UserUpdate,
    response: AdminUser,
  },
  /** The visitors an email address belongs to (theirs, or left with a message), most recent first. */
  lookupVisitors: {
    method: 'GET',
    path: '/api/admin/visitors',
    auth: 'admin',
    query: VisitorLookupQuery,
    response: z.array(VisitorSummary),
  },
  /** Everything the server holds about the visitor, as one JSON document (the right of access). */
  exportVisitor: {
    method: 'GET',
    path: '/api/admin/visitors/:visitorId/export',
    auth: 'admin',
    params: VisitorParams,
    response: VisitorExport,
  },
  /** Deletes every conversation of the visitor for good; refused while one is queued or assigned. */
  eraseVisitor: {
    method: 'POST',
    path: '/api/admin/visitors/:visitorId/erase',
    auth: 'admin',
    params: VisitorParams,
    body: Empty,
    response: VisitorErased,
  },
  deactivateUser: {
    method: 'POST',
    path: '/api/admin/users/:userId/deactivate',
    auth: 'admin',
    params: UserParams,
    body: Empty,
    response: AdminUser,
  },
  createTeam: { method: 'POST', path: '/api/admin/teams', auth: 'admin', body: TeamCreate, response: Team },
  renameTeam: {
    method: 'POST',
    path: '/api/admin/teams/:teamId',
    auth: 'admin',
    params: TeamParams,
    body: TeamRename,
    response: Team,
  },
  listWidgets: { method: 'GET', path: '/api/admin/widgets', auth: 'admin', response: z.array(AdminWidget) },
  createWidget: {
    method: 'POST',
    path: '/api/admin/widgets',
    auth: 'admin',
    body: WidgetCreate,
    response: WidgetCreated,
  },
  updateWidget: {
    method: 'POST',
    path: '/api/admin/widgets/:widgetId',
    auth: 'admin',
    params: WidgetParams,
    body: WidgetUpdate,
    response: AdminWidget,
  },
  rotateWidgetSecret: {
    method: 'POST',
    path: '/api/admin/widgets/:widgetId/secret',
    auth: 'admin',
    params: WidgetParams,
    body: Empty,
    response: WidgetSecret,
  },
  listAudit: {
    method: 'GET',
    path: '/api/admin/audit',
    auth: 'admin',
    query: AuditQuery,
    response: AuditPage,
  },
  emailStatus: { method: 'GET', path: '/api/admin/email', auth: 'admin', response: EmailStatus },
  privacyStatus: { method: 'GET', path: '/api/admin/privacy', auth: 'admin', response: PrivacyStatus },
  sendTestEmail: {
    method: 'POST',
    path: '/api/admin/email/test',
    auth: 'admin',
    body: Empty,
    response: EmailTestResult,
  },
} as const satisfies Record<string, EndpointSpec>;

/** Reports: supervisors get their teams' figures, admins everyone's. */
export const reportEndpoints = {
  report: {
    method: 'GET',
    path: '/api/reports',
    auth: 'staff-supervisor',
    query: ReportQuery,
    response: Report,
  },
  reportCsv: {
    method: 'GET',
    path: '/api/reports/export',
    auth: 'staff-supervisor',
    query: ReportQuery,
    response: null,
  },
  reportConversations: {
    method: 'GET',
    path: '/api/reports/conversations',
    auth: 'staff-supervisor',
    query: ReportDrillQuery,
    response: ReportConversations,
  },
  reportConversationsCsv: {
    method: 'GET',
    path: '/api/reports/conversations/export',
    auth: 'staff-supervisor',
    query: ReportDrillQuery,
    response: null,
  },
} as const satisfies Record<string, EndpointSpec>;
