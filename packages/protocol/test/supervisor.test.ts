import { describe, expect, it } from 'vitest';
import {
  AdminWidget,
  agentRequests,
  DEFAULT_WIDGET_SETTINGS,
  type EndpointSpec,
  ReportQuery,
  restEndpoints,
  SLA_THRESHOLDS,
  SupervisorWhisper,
  staffRolesOf,
  tagReportKey,
  UNTAGGED_REPORT_KEY,
  UserUpdate,
  WidgetConfig,
  WidgetCreate,
  WidgetUpdate,
} from '../src/index.js';
import { ids } from './fixtures.js';

const endpoints = Object.entries(restEndpoints as Record<string, EndpointSpec>);

describe('roles in endpoint auth', () => {
  it('admits only admins to /api/admin/ endpoints', () => {
    for (const [name, spec] of endpoints.filter(([, s]) => s.path.startsWith('/api/admin/'))) {
      expect(staffRolesOf[spec.auth], name).toEqual(['admin']);
    }
  });

  it('keeps agents out of reports', () => {
    expect(staffRolesOf[restEndpoints.report.auth]).not.toContain('agent');
    expect(staffRolesOf[restEndpoints.reportCsv.auth]).toContain('supervisor');
  });

  it('lets no staff token stand in for a visitor token', () => {
    expect(staffRolesOf.visitor).toBeNull();
    expect(staffRolesOf.none).toBeNull();
  });
});

describe('supervisor requests', () => {
  it('are on /agent, named supervisor:verb', () => {
    const names = Object.keys(agentRequests).filter((e) => e.startsWith('supervisor:'));
    expect(names.sort()).toEqual(
      [
        'supervisor:barge',
        'supervisor:end',
        'supervisor:monitor',
        'supervisor:reassign',
        'supervisor:status',
        'supervisor:subscribe',
        'supervisor:takeover',
        'supervisor:unmonitor',
        'supervisor:unsubscribe',
        'supervisor:whisper',
      ].sort(),
    );
  });

  it('refuses an empty whisper and one without an idempotency key', () => {
    const base = { conversationId: ids.conversation, clientMsgId: ids.attachment, body: 'psst' };
    expect(SupervisorWhisper.safeParse(base).success).toBe(true);
    expect(SupervisorWhisper.safeParse({ ...base, body: '   ' }).success).toBe(false);
    expect(SupervisorWhisper.safeParse({ ...base, clientMsgId: undefined }).success).toBe(false);
    expect(SupervisorWhisper.safeParse({ ...base, visibility: 'all' }).success).toBe(false);
  });

  it('has thresholds that grow from amber to red', () => {
    for (const t of Object.values(SLA_THRESHOLDS)) expect(t.red).toBeGreaterThan(t.amber);
  });
});

describe('admin bodies', () => {
  it('refuse an empty update', () => {
    expect(UserUpdate.safeParse({}).success).toBe(false);
    expect(WidgetUpdate.safeParse({}).success).toBe(false);
    expect(UserUpdate.safeParse({ capacity: 4 }).success).toBe(true);
  });

  it('take origins, not URLs with paths, as allowed origins', () => {
    expect(WidgetUpdate.safeParse({ allowedOrigins: ['https://shop.example'] }).success).toBe(true);
    expect(WidgetUpdate.safeParse({ allowedOrigins: ['https://shop.example/cart'] }).success).toBe(false);
    expect(WidgetUpdate.safeParse({ allowedOrigins: ['javascript:alert(1)'] }).success).toBe(false);
  });

  it('keep origins as browsers send them', () => {
    const { allowedOrigins } = WidgetUpdate.parse({
      allowedOrigins: ['https://Shop.Example/', 'https://shop.example:443', 'http://127.0.0.1:8080'],
    });
    expect(allowedOrigins).toEqual(['https://shop.example', 'https://shop.example', 'http://127.0.0.1:8080']);
  });

  it('turn the typing preview on or off with a boolean, off for a widget from an older server', () => {
    expect(WidgetUpdate.parse({ typingPreview: true })).toEqual({ typingPreview: true });
    expect(WidgetUpdate.safeParse({ typingPreview: 'yes' }).success).toBe(false);
    const config = { widgetId: ids.widget, settings: DEFAULT_WIDGET_SETTINGS, online: true };
    expect(WidgetConfig.parse(config).typingPreview).toBe(false);
    const widget = {
      id: ids.widget,
      name: 'Shop',
      teamId: null,
      allowedOrigins: [],
      identityMode: 'optional',
      settings: DEFAULT_WIDGET_SETTINGS,
    };
    expect(AdminWidget.parse(widget).typingPreview).toBe(false);
  });

  it('add a widget for a team and at least one origin, with the settings a new widget starts with', () => {
    const create = { name: '  Tea shop ', teamId: ids.team, allowedOrigins: ['https://tea.example'] };
    expect(WidgetCreate.parse(create)).toEqual({
      name: 'Tea shop',
      teamId: ids.team,
      allowedOrigins: ['https://tea.example'],
      identityMode: 'optional',
      pageTracking: 'full',
      typingPreview: false,
    });
    expect(WidgetCreate.safeParse({ ...create, allowedOrigins: [] }).success).toBe(false);
    expect(WidgetCreate.safeParse({ ...create, allowedOrigins: ['https://tea.example/shop'] }).success).toBe(
      false,
    );
    expect(WidgetCreate.safeParse({ ...create, teamId: null }).success).toBe(false);
    expect(WidgetCreate.safeParse({ ...create, name: '  ' }).success).toBe(false);
    expect(WidgetCreate.safeParse({ ...create, secret: 'mine' }).success).toBe(false);
    expect(WidgetCreate.safeParse({ ...create, settings: DEFAULT_WIDGET_SETTINGS }).success).toBe(false);
  });

  it('group reports by tag, keyed by the tag in lower case apart from the total and the untagged', () => {
    expect(ReportQuery.parse({ from: '2025-03-01', to: '2025-03-31', groupBy: 'tag' }).groupBy).toBe('tag');
    expect(ReportQuery.safeParse({ from: '2025-03-01', to: '2025-03-31', groupBy: 'topic' }).success).toBe(
      false,
    );
    expect(tagReportKey('Refund')).toBe('tag:refund');
    for (const tag of ['total', 'untagged', 'Untagged']) {
      expect([UNTAGGED_REPORT_KEY, 'total']).not.toContain(tagReportKey(tag));
    }
  });

  it('bound report ranges', () => {
    expect(ReportQuery.parse({ from: '2025-03-01', to: '2025-03-31' })).toMatchObject({
      timezone: 'UTC',
      groupBy: 'day',
    });
    expect(ReportQuery.safeParse({ from: '2025-03-02', to: '2025-03-01' }).success).toBe(false);
    expect(ReportQuery.safeParse({ from: '2024-01-01', to: '2025-06-01' }).success).toBe(false);
    expect(
      ReportQuery.safeParse({ from: '2025-03-01', to: '2025-03-01', timezone: 'Mars/Base' }).success,
    ).toBe(false);
  });

  it('report an unparsable day once, without range errors about it', () => {
    const messages = (query: unknown) => {
      const result = ReportQuery.safeParse(query);
      return result.success
        ? []
        : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    expect(messages({ from: '2026-13-01', to: '2026-12-01' })).toEqual(['from: Invalid ISO date']);
    expect(messages({ from: '2026-12-01', to: 'soon' })).toEqual(['to: Invalid ISO date']);
    // Two valid days still get both range checks.
    expect(messages({ from: '2026-12-05', to: '2024-12-01' })).toEqual([': from must not be after to']);
    expect(messages({ from: '2024-01-01', to: '2025-06-01' })).toEqual([': at most 366 days at a time']);
  });
});
