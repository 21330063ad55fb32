/**
 * SECURITY S3: every REST endpoint and every socket event of the protocol package × six
 * principals, each cell with the expected outcome. A new endpoint or event without a row fails
 * here. A refusal must carry no data, and a refusal about something the caller may not see must
 * be indistinguishable from the same call with made-up ids (no existence leak). Responses to
 * callers outside team A never mention team A's conversation, its visitor or its messages.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  agentRequests,
  type EndpointSpec,
  type Offer,
  type Result,
  restEndpoints,
  visitorRequests,
} from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identitySignature } from '../src/domain/visitor-service.js';
import {
  type AgentClient,
  api,
  connectAgent,
  connectVisitor,
  login,
  nextEvent,
  request,
  unwrap,
  type VisitorClient,
  visitorSession,
} from './support/clients.js';
import { PNG, upload } from './support/files.js';
import { PASSWORD, SHOP_ORIGIN } from './support/fixture.js';
import { DEFAULT_TEAM_SETTINGS, setTeam } from './support/routing-helpers.js';
import { createStaff } from './support/staff.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const WHO = ['visitorA', 'visitorB', 'agentIn', 'agentOut', 'supervisorOther', 'admin'] as const;
type Who = (typeof WHO)[number];
const STAFF: Who[] = ['agentIn', 'agentOut', 'supervisorOther', 'admin'];
/** Principals who may not read team A's conversation. */
const OUTSIDERS: Who[] = ['visitorB', 'agentOut', 'supervisorOther'];

/**
 * ok: allowed. hidden: refused exactly like the same call with made-up ids. forbidden: refused
 * with `forbidden` (a role or ownership the caller lacks). refused: the wrong kind of credential.
 */
type Expect = 'ok' | 'hidden' | 'forbidden' | 'refused';
type Row = Record<Who, Expect>;

/** Columns in WHO order: visitorA visitorB agentIn agentOut supervisorOther admin. */
function cells(spec: string): Row {
  const parts = spec.split(/\s+/) as Expect[];
  expect(parts).toHaveLength(WHO.length);
  return Object.fromEntries(WHO.map((who, i) => [who, parts[i]])) as Row;
}
const OPEN = cells('ok ok ok ok ok ok');
const STAFF_ONLY = cells('refused refused ok ok ok ok');
const VISITORS = cells('ok ok refused refused refused refused');
const OWN_VISITOR = cells('ok hidden refused refused refused refused');
const TEAM_A = cells('refused refused ok hidden hidden ok');
const TEAM_A_OR_VISITOR = cells('ok hidden ok hidden hidden ok');
const ADMIN = cells('refused refused forbidden forbidden forbidden ok');
const SUPERVISORS = cells('refused refused forbidden forbidden ok ok');
const SUPERVISE_A = cells('refused refused forbidden forbidden hidden ok');
const SUPERVISOR_SELF = cells('refused refused forbidden forbidden ok ok');
/** The mail gateway's door: no user's token opens it, only the configured secret. */
const MAIL_GATEWAY_ONLY = cells('refused refused refused refused refused refused');

/** Ids the calls use; `hidden` cells are compared with the same call on `randomTarget()`. */
interface Target {
  conversationId: string;
  attachmentId: string;
  teamId: string;
  userId: string;
  widgetId: string;
  banId: string;
  cannedReplyId: string;
  offerId: string;
  visitorId: string;
  /** An access token of the calling socket's own session. */
  accessToken: string;
}

function randomTarget(): Target {
  return {
    conversationId: randomUUID(),
    attachmentId: randomUUID(),
    teamId: randomUUID(),
    userId: randomUUID(),
    widgetId: randomUUID(),
    banId: randomUUID(),
    cannedReplyId: randomUUID(),
    offerId: randomUUID(),
    visitorId: randomUUID(),
    accessToken: randomUUID(),
  };
}

interface Outcome {
  ok: boolean;
  status: number;
  code: string | undefined;
  message: string | undefined;
  hasData: boolean;
  text: string;
}

function outcomeOf(result: Result<unknown>, status = 0, text = JSON.stringify(result)): Outcome {
  return {
    ok: result.ok,
    status,
    code: result.ok ? undefined : result.error.code,
    message: result.ok ? undefined : result.error.message,
    hasData: 'data' in result,
    text,
  };
}

type Fresh = (ctx: Ctx, who: Who) => Promise<Partial<Target>>;

interface RestRow {
  expect: Row;
  body?: (tg: Target) => unknown;
  query?: (tg: Target) => string;
  multipart?: boolean;
  /** A new target for each cell (for calls that use their target up). */
  fresh?: Fresh;
}

interface EventRow {
  expect: Row;
  payload: (tg: Target) => object;
  fresh?: Fresh;
  /** A new target once for the whole row. */
  once?: (ctx: Ctx) => Promise<Partial<Target>>;
  after?: (ctx: Ctx) => Promise<void>;
}

interface Ctx {
  t: TestServer;
  email: Record<Who, string>;
  visitorToken: Record<'visitorA' | 'visitorB', string>;
  visitorSocket: Record<'visitorA' | 'visitorB', VisitorClient>;
  agentSocket: Partial<Record<Who, AgentClient>>;
  /** The access token each staff socket connected with. */
  agentToken: Partial<Record<Who, string>>;
  base: Target;
  adminToken(): Promise<string>;
}

const SECRET = 'secret-order-4711';

// ---- fresh targets -------------------------------------------------------------------------

async function queuedInTeamA(ctx: Ctx): Promise<Partial<Target>> {
  const c = unwrap(await request<{ id: string }>(ctx.visitorSocket.visitorA, 'conversation:open', {}));
  return { conversationId: c.id };
}

async function assignedToAgentIn(ctx: Ctx): Promise<Partial<Target>> {
  const { conversationId } = (await queuedInTeamA(ctx)) as Target;
  unwrap(await request(ctx.agentSocket.agentIn as AgentClient, 'conversation:take', { conversationId }));
  return { conversationId };
}

async function resolvedOfVisitorA(ctx: Ctx): Promise<Partial<Target>> {
  const { conversationId } = (await assignedToAgentIn(ctx)) as Target;
  unwrap(await request(ctx.agentSocket.agentIn as AgentClient, 'conversation:resolve', { conversationId }));
  return { conversationId };
}

async function teamACannedReply(ctx: Ctx): Promise<Partial<Target>> {
  const reply = unwrap(
    (
      await api<{ id: string }>(ctx.t.url, '/api/canned-replies', {
        token: await ctx.adminToken(),
        body: {
          shortcut: `a-${randomUUID().slice(0, 8)}`,
          title: 'Team A',
          body: 'x',
          scope: 'team',
          teamId: ctx.base.teamId,
        },
      })
    ).body,
  );
  return { cannedReplyId: reply.id };
}

async function ban(ctx: Ctx): Promise<Partial<Target>> {
  const created = unwrap(
    (
      await api<{ id: string }>(ctx.t.url, '/api/bans', {
        token: await ctx.adminToken(),
        body: { kind: 'visitor', value: randomUUID(), reason: 'matrix' },
      })
    ).body,
  );
  return { banId: created.id };
}

/** A visitor of their own for each cell: erasing one is for good. */
async function throwawayVisitor(ctx: Ctx): Promise<Partial<Target>> {
  return { visitorId: (await visitorSession(ctx.t.url, ctx.t.fixture.widget.id)).visitorId };
}

async function throwawayUser(ctx: Ctx): Promise<Partial<Target>> {
  return { userId: (await createStaff(ctx.t, 'agent', [ctx.base.teamId])).id };
}

/** A chat ringing for agentOut (team B in offer mode). */
async function offerToAgentOut(ctx: Ctx): Promise<Partial<Target>> {
  await setTeam(ctx.t, ctx.t.fixture.teamB, { mode: 'offer', offerTimeoutSeconds: 600 });
  const bella = ctx.agentSocket.agentOut as AgentClient;
  unwrap(await request(bella, 'agent:status', { status: 'online' }));
  const userId = `user-${randomUUID()}`;
  const session = await visitorSession(ctx.t.url, ctx.t.fixture.strictWidget.id, {
    identity: { userId, signature: identitySignature(userId, ctx.t.fixture.strictWidget.secret) },
  });
  const visitor = await connectVisitor(ctx.t.url, session.visitorToken);
  const ringing = nextEvent<Offer>(bella, 'offer:new');
  unwrap(await request(visitor, 'conversation:open', {}));
  const offer = await ringing;
  visitor.disconnect();
  return { offerId: offer.offerId };
}

async function ownToken(ctx: Ctx, who: Who): Promise<Partial<Target>> {
  return { accessToken: ctx.agentToken[who] ?? '' };
}

async function offersOff(ctx: Ctx): Promise<void> {
  unwrap(await request(ctx.agentSocket.agentOut as AgentClient, 'agent:status', { status: 'away' }));
  await setTeam(ctx.t, ctx.t.fixture.teamB, DEFAULT_TEAM_SETTINGS);
}

// ---- the rows --------------------------------------------------------------------------------

const today = new Date().toISOString().slice(0, 10);

const restRows: Record<string, RestRow> = {
  login: { expect: OPEN, body: () => ({ email: 'admin@example.test', password: PASSWORD }) },
  refresh: { expect: OPEN, body: () => ({ refreshToken: 'filled-in-per-cell' }) },
  logout: { expect: STAFF_ONLY, body: () => ({}) },
  changePassword: { expect: STAFF_ONLY, body: () => ({ currentPassword: PASSWORD, newPassword: PASSWORD }) },
  me: { expect: STAFF_ONLY },
  visitorSession: { expect: OPEN, body: (tg) => ({ widgetId: tg.widgetId }) },
  visitorConversations: { expect: VISITORS },
  listConversations: { expect: STAFF_ONLY },
  tagSuggestions: { expect: STAFF_ONLY },
  getConversation: { expect: TEAM_A },
  messageHistory: { expect: TEAM_A_OR_VISITOR },
  visitedPages: { expect: TEAM_A },
  uploadAttachment: { expect: TEAM_A_OR_VISITOR, multipart: true },
  downloadAttachment: { expect: TEAM_A_OR_VISITOR },
  searchMessages: { expect: STAFF_ONLY, query: () => `q=${SECRET}` },
  listErasures: { expect: STAFF_ONLY },
  receiveEmail: { expect: MAIL_GATEWAY_ONLY, body: () => ({}) },
  widgetConfig: { expect: OPEN },
  offlineMessage: {
    expect: VISITORS,
    body: () => ({ clientMsgId: randomUUID(), body: 'call me', email: 'v@example.test' }),
  },
  leaveMessage: { expect: OWN_VISITOR, body: () => ({ email: 'v@example.test' }), fresh: queuedInTeamA },
  rateConversation: { expect: OWN_VISITOR, body: () => ({ score: 4 }), fresh: resolvedOfVisitorA },
  conversationTranscript: { expect: OWN_VISITOR },
  timeline: { expect: TEAM_A },
  listTeams: { expect: STAFF_ONLY },
  listAgents: { expect: STAFF_ONLY },
  getTeamRouting: { expect: TEAM_A },
  putTeamRouting: { expect: ADMIN, body: () => DEFAULT_TEAM_SETTINGS },
  setCapacity: { expect: ADMIN, body: () => ({ capacity: 3 }) },
  getRoutingRules: { expect: ADMIN },
  putRoutingRules: { expect: ADMIN, body: () => ({ rules: [] }) },
  testRoutingRule: {
    expect: ADMIN,
    body: () => ({
      conditions: [{ field: 'language', op: 'equals', value: 'en' }],
      attributes: { language: 'en' },
    }),
  },
  listBans: { expect: ADMIN },
  createBan: { expect: ADMIN, body: () => ({ kind: 'visitor', value: randomUUID(), reason: 'matrix' }) },
  liftBan: { expect: ADMIN, body: () => ({}), fresh: ban },
  getBotEntries: { expect: TEAM_A },
  putBotEntries: { expect: ADMIN, body: () => ({ entries: [] }) },
  listCannedReplies: { expect: STAFF_ONLY },
  createCannedReply: {
    expect: STAFF_ONLY,
    body: () => ({ shortcut: `p-${randomUUID().slice(0, 8)}`, title: 'Mine', body: 'x', scope: 'personal' }),
  },
  updateCannedReply: {
    expect: cells('refused refused forbidden hidden hidden ok'),
    body: () => ({ title: 'Renamed' }),
  },
  deleteCannedReply: {
    expect: cells('refused refused forbidden hidden hidden ok'),
    body: () => ({}),
    fresh: teamACannedReply,
  },
  listUsers: { expect: ADMIN },
  createUser: {
    expect: ADMIN,
    body: () => ({ email: `u-${randomUUID().slice(0, 8)}@example.test`, name: 'New', role: 'agent' }),
  },
  updateUser: { expect: ADMIN, body: () => ({ capacity: 4 }) },
  deactivateUser: { expect: ADMIN, body: () => ({}), fresh: throwawayUser },
  exportVisitor: { expect: ADMIN, fresh: throwawayVisitor },
  privacyStatus: { expect: ADMIN },
  lookupVisitors: { expect: ADMIN, query: () => 'email=someone%40example.test' },
  eraseVisitor: { expect: ADMIN, body: () => ({}), fresh: throwawayVisitor },
  createTeam: { expect: ADMIN, body: () => ({ name: `Team ${randomUUID().slice(0, 4)}` }) },
  renameTeam: { expect: ADMIN, body: () => ({ name: 'Team A' }) },
  listWidgets: { expect: ADMIN },
  createWidget: {
    expect: ADMIN,
    body: (tg) => ({ name: 'Site', teamId: tg.teamId, allowedOrigins: ['https://site.example'] }),
  },
  updateWidget: { expect: ADMIN, body: () => ({ name: 'Shop' }) },
  rotateWidgetSecret: { expect: ADMIN, body: () => ({}) },
  listAudit: { expect: ADMIN },
  emailStatus: { expect: ADMIN },
  sendTestEmail: { expect: ADMIN, body: () => ({}) },
  report: { expect: SUPERVISORS, query: () => `from=${today}&to=${today}` },
  reportCsv: { expect: SUPERVISORS, query: () => `from=${today}&to=${today}` },
  reportConversations: { expect: SUPERVISORS, query: () => `from=${today}&to=${today}&key=total` },
  reportConversationsCsv: { expect: SUPERVISORS, query: () => `from=${today}&to=${today}&key=total` },
};

const agentRows: Record<string, EventRow> = {
  'conversation:subscribe': { expect: TEAM_A, payload: (tg) => ({ conversationId: tg.conversationId }) },
  'conversation:view': { expect: TEAM_A, payload: (tg) => ({ conversationId: tg.conversationId }) },
  'conversation:unsubscribe': {
    expect: STAFF_ONLY,
    payload: (tg) => ({ conversationId: tg.conversationId }),
  },
  'conversation:take': {
    expect: TEAM_A,
    payload: (tg) => ({ conversationId: tg.conversationId }),
    fresh: queuedInTeamA,
  },
  'conversation:resolve': {
    expect: TEAM_A,
    payload: (tg) => ({ conversationId: tg.conversationId }),
    fresh: assignedToAgentIn,
  },
  'conversation:tag': {
    expect: TEAM_A,
    payload: (tg) => ({ conversationId: tg.conversationId, tags: ['matrix'] }),
    fresh: resolvedOfVisitorA,
  },
  'conversation:transfer': {
    expect: TEAM_A,
    payload: (tg) => ({
      conversationId: tg.conversationId,
      to: { kind: 'team', teamId: tg.teamId },
      reason: 'matrix',
    }),
    fresh: assignedToAgentIn,
  },
  // Visible replies are the assignee's; an admin who may read it is told so, outsiders are not.
  'message:send': {
    expect: cells('refused refused ok hidden hidden forbidden'),
    payload: (tg) => ({ conversationId: tg.conversationId, clientMsgId: randomUUID(), body: 'hello' }),
  },
  'message:sync': { expect: TEAM_A, payload: (tg) => ({ conversationId: tg.conversationId, afterSeq: 0 }) },
  'message:read': { expect: TEAM_A, payload: (tg) => ({ conversationId: tg.conversationId, seq: 1 }) },
  'typing:set': { expect: TEAM_A, payload: (tg) => ({ conversationId: tg.conversationId, typing: false }) },
  'agent:status': { expect: STAFF_ONLY, payload: () => ({ status: 'away' }) },
  'agent:state': { expect: STAFF_ONLY, payload: () => ({}) },
  'agent:hand': { expect: STAFF_ONLY, payload: () => ({ raised: false }) },
  'offer:accept': {
    expect: cells('refused refused hidden ok hidden hidden'),
    payload: (tg) => ({ offerId: tg.offerId }),
    once: offerToAgentOut,
    after: offersOff,
  },
  'offer:decline': {
    expect: cells('refused refused hidden ok hidden hidden'),
    payload: (tg) => ({ offerId: tg.offerId }),
    once: offerToAgentOut,
    after: offersOff,
  },
  'supervisor:subscribe': { expect: SUPERVISOR_SELF, payload: () => ({}) },
  'supervisor:unsubscribe': { expect: SUPERVISOR_SELF, payload: () => ({}) },
  'supervisor:monitor': { expect: SUPERVISE_A, payload: (tg) => ({ conversationId: tg.conversationId }) },
  'supervisor:unmonitor': {
    expect: SUPERVISOR_SELF,
    payload: (tg) => ({ conversationId: tg.conversationId }),
  },
  'supervisor:whisper': {
    expect: SUPERVISE_A,
    payload: (tg) => ({ conversationId: tg.conversationId, clientMsgId: randomUUID(), body: 'psst' }),
  },
  'supervisor:barge': {
    expect: SUPERVISE_A,
    payload: (tg) => ({ conversationId: tg.conversationId }),
    fresh: assignedToAgentIn,
  },
  'supervisor:takeover': {
    expect: SUPERVISE_A,
    payload: (tg) => ({ conversationId: tg.conversationId }),
    fresh: assignedToAgentIn,
  },
  'supervisor:reassign': {
    expect: SUPERVISE_A,
    payload: (tg) => ({
      conversationId: tg.conversationId,
      to: { kind: 'team', teamId: tg.teamId },
      reason: 'matrix',
    }),
    fresh: assignedToAgentIn,
  },
  'supervisor:status': { expect: SUPERVISE_A, payload: (tg) => ({ userId: tg.userId, status: 'away' }) },
  'supervisor:end': {
    expect: SUPERVISE_A,
    payload: (tg) => ({ conversationId: tg.conversationId }),
    fresh: assignedToAgentIn,
  },
  // Any staff socket may present a token of its own session (another session's: token-expiry test).
  'session:reauth': { expect: STAFF_ONLY, payload: (tg) => ({ token: tg.accessToken }), fresh: ownToken },
};

const visitorRows: Record<string, EventRow> = {
  'conversation:open': { expect: VISITORS, payload: () => ({}) },
  'conversation:list': { expect: VISITORS, payload: () => ({}) },
  'message:send': {
    expect: OWN_VISITOR,
    payload: (tg) => ({ conversationId: tg.conversationId, clientMsgId: randomUUID(), body: 'hi' }),
  },
  'message:sync': {
    expect: OWN_VISITOR,
    payload: (tg) => ({ conversationId: tg.conversationId, afterSeq: 0 }),
  },
  'message:read': { expect: OWN_VISITOR, payload: (tg) => ({ conversationId: tg.conversationId, seq: 1 }) },
  'typing:set': {
    expect: OWN_VISITOR,
    payload: (tg) => ({ conversationId: tg.conversationId, typing: false }),
  },
  'page:view': {
    expect: OWN_VISITOR,
    payload: (tg) => ({ conversationId: tg.conversationId, url: `https://shop.example.com/${randomUUID()}` }),
  },
};

// ---- checks ----------------------------------------------------------------------------------

function check(ctx: Ctx, label: string, who: Who, expected: Expect, got: Outcome, random?: Outcome): void {
  const where = `${label} as ${who}`;
  if (expected === 'ok') {
    expect(got.ok, `${where}: ${got.code} ${got.message}`).toBe(true);
  } else {
    expect(got.ok, `${where} should be refused`).toBe(false);
    expect(got.hasData, `${where}: a refusal carries no data`).toBe(false);
    if (expected === 'forbidden') expect(got.code, where).toBe('forbidden');
    if (expected === 'refused') expect(['token-invalid', 'unauthenticated'], where).toContain(got.code);
    if (expected === 'hidden') {
      expect(random, `${where}: compared with made-up ids`).toBeDefined();
      expect(
        { status: got.status, code: got.code, message: got.message },
        `${where}: indistinguishable from a missing id`,
      ).toEqual({ status: random?.status, code: random?.code, message: random?.message });
      expect(['not-found', 'conflict'], where).toContain(got.code);
    }
  }
  if (OUTSIDERS.includes(who)) {
    for (const secret of [ctx.base.conversationId, ctx.base.attachmentId, SECRET]) {
      expect(got.text.includes(secret), `${where} leaks ${secret}`).toBe(false);
    }
  }
}

describe('authorization matrix (SECURITY S3)', () => {
  const ctx = {} as Ctx;
  let t: TestServer;
  // Email into files, so that an admin's test email succeeds.
  const mailbox = mkdtempSync(path.join(tmpdir(), 'switchboard-matrix-mail-'));

  beforeAll(async () => {
    t = await startTestServer({
      email: { directory: mailbox, inboundSecret: 'the-mail-gateway-secret-of-the-matrix-server' },
    });
    ctx.t = t;
    const sam = await createStaff(t, 'supervisor', [t.fixture.teamB], 'Sam');
    ctx.email = {
      visitorA: '',
      visitorB: '',
      agentIn: t.fixture.alice.email,
      agentOut: t.fixture.bella.email,
      supervisorOther: sam.email,
      admin: t.fixture.admin.email,
    };
    ctx.adminToken = async () => (await login(t.url, t.fixture.admin.email)).tokens.accessToken;
    const a = await visitorSession(t.url, t.fixture.widget.id, { name: 'Vera' });
    const b = await visitorSession(t.url, t.fixture.widget.id, { name: 'Bob' });
    ctx.visitorToken = { visitorA: a.visitorToken, visitorB: b.visitorToken };
    ctx.visitorSocket = {
      visitorA: await connectVisitor(t.url, a.visitorToken),
      visitorB: await connectVisitor(t.url, b.visitorToken),
    };
    ctx.agentSocket = {};
    ctx.agentToken = {};
    for (const who of STAFF) {
      const token = (await login(t.url, ctx.email[who])).tokens.accessToken;
      ctx.agentToken[who] = token;
      ctx.agentSocket[who] = await connectAgent(t.url, token);
    }
    const conversationId = ((await assignedToAgentIn(ctx)) as Target).conversationId;
    unwrap(
      await request(ctx.visitorSocket.visitorA, 'message:send', {
        conversationId,
        clientMsgId: randomUUID(),
        body: `My order is ${SECRET}`,
      }),
    );
    const attachment = unwrap(
      (await upload(t.url, conversationId, a.visitorToken, 'receipt.png', PNG, { origin: SHOP_ORIGIN })).body,
    );
    ctx.base = {
      conversationId,
      attachmentId: attachment.id,
      teamId: t.fixture.teamA,
      userId: t.fixture.alice.id,
      widgetId: t.fixture.widget.id,
      banId: randomUUID(),
      cannedReplyId: '',
      offerId: randomUUID(),
      visitorId: randomUUID(),
      accessToken: '',
    };
    ctx.base.cannedReplyId = ((await teamACannedReply(ctx)) as Target).cannedReplyId;
    const throwaway = await createStaff(t, 'agent', [t.fixture.teamA]);
    restRows.updateUser = {
      ...(restRows.updateUser as RestRow),
      fresh: async () => ({ userId: throwaway.id }),
    };
    restRows.rotateWidgetSecret = {
      ...(restRows.rotateWidgetSecret as RestRow),
      fresh: async () => ({ widgetId: t.fixture.strictWidget.id }),
    };
  }, 60_000);

  afterAll(async () => {
    for (const s of Object.values(ctx.agentSocket)) s.disconnect();
    for (const s of Object.values(ctx.visitorSocket)) s.disconnect();
    await t.stop();
    rmSync(mailbox, { recursive: true, force: true });
  });

  it('has a row for every endpoint and every event of the protocol', () => {
    expect(Object.keys(restEndpoints).filter((name) => !(name in restRows))).toEqual([]);
    expect(Object.keys(agentRequests).filter((event) => !(event in agentRows))).toEqual([]);
    expect(Object.keys(visitorRequests).filter((event) => !(event in visitorRows))).toEqual([]);
    expect(Object.keys(restRows).filter((name) => !(name in restEndpoints))).toEqual([]);
  });

  /** Staff on /visitor and visitors on /agent are refused at the handshake. */
  async function refusedAtHandshake(namespace: 'agent' | 'visitor', who: Who): Promise<Outcome> {
    const token =
      who === 'visitorA' || who === 'visitorB'
        ? ctx.visitorToken[who]
        : (await login(t.url, ctx.email[who])).tokens.accessToken;
    try {
      const socket =
        namespace === 'agent' ? await connectAgent(t.url, token) : await connectVisitor(t.url, token);
      socket.disconnect();
      return outcomeOf({ ok: true, data: null });
    } catch (error) {
      const data = (error as { data?: { code: string; message: string } }).data;
      return outcomeOf({ ok: false, error: data as { code: 'internal'; message: string } });
    }
  }

  async function runEvents(namespace: 'agent' | 'visitor', rows: Record<string, EventRow>) {
    const members = namespace === 'agent' ? STAFF : (['visitorA', 'visitorB'] as Who[]);
    for (const [event, row] of Object.entries(rows)) {
      const once = row.once ? await row.once(ctx) : {};
      // Refusals first, so that allowed calls that change things run last.
      const order = [...WHO].sort((x, y) => Number(row.expect[x] === 'ok') - Number(row.expect[y] === 'ok'));
      for (const who of order) {
        if (!members.includes(who)) {
          check(ctx, `${namespace} ${event}`, who, row.expect[who], await refusedAtHandshake(namespace, who));
          continue;
        }
        const target = { ...ctx.base, ...once, ...(row.fresh ? await row.fresh(ctx, who) : {}) };
        const socket =
          namespace === 'agent'
            ? (ctx.agentSocket[who] as AgentClient)
            : ctx.visitorSocket[who as 'visitorA' | 'visitorB'];
        const got = outcomeOf(await request(socket, event, row.payload(target)));
        const random =
          row.expect[who] === 'hidden'
            ? outcomeOf(await request(socket, event, row.payload(randomTarget())))
            : undefined;
        check(ctx, `${namespace} ${event}`, who, row.expect[who], got, random);
      }
      await row.after?.(ctx);
    }
  }

  it('authorizes every /visitor event per principal', async () => {
    await runEvents('visitor', visitorRows);
  }, 60_000);

  it('authorizes every /agent event per principal', async () => {
    await runEvents('agent', agentRows);
  }, 120_000);

  it('authorizes every REST endpoint per principal', async () => {
    const endpoints = restEndpoints as Record<string, EndpointSpec>;
    // A password change ends every session of its user: it goes last.
    const names = Object.keys(restRows).sort(
      (x, y) => Number(x === 'changePassword') - Number(y === 'changePassword'),
    );
    for (const name of names) {
      const row = restRows[name] as RestRow;
      const spec = endpoints[name] as EndpointSpec;
      const order = [...WHO].sort((x, y) => Number(row.expect[x] === 'ok') - Number(row.expect[y] === 'ok'));
      for (const who of order) {
        const target = { ...ctx.base, ...(row.fresh ? await row.fresh(ctx, who) : {}) };
        const token =
          who === 'visitorA' || who === 'visitorB'
            ? ctx.visitorToken[who]
            : (await login(t.url, ctx.email[who])).tokens.accessToken;
        let body = row.body?.(target);
        if (name === 'refresh')
          body = { refreshToken: (await login(t.url, t.fixture.admin.email)).tokens.refreshToken };
        const call = (tg: Target) => callRest(t, spec, tg, token, body, row);
        const got = await call(target);
        const random = row.expect[who] === 'hidden' ? await call({ ...randomTarget() }) : undefined;
        check(ctx, `${spec.method} ${spec.path}`, who, row.expect[who], got, random);
      }
    }
  }, 240_000);
});

async function callRest(
  t: TestServer,
  spec: EndpointSpec,
  target: Target,
  token: string,
  body: unknown,
  row: RestRow,
): Promise<Outcome> {
  const path = spec.path.replace(/:([A-Za-z]+)/g, (_m, key: string) => target[key as keyof Target]);
  const query = row.query ? `?${row.query(target)}` : '';
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let payload: FormData | string | undefined;
  if (row.multipart) {
    const form = new FormData();
    form.append('file', new Blob([PNG]), 'matrix.png');
    payload = form;
  } else if (spec.method === 'POST') {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body ?? {});
  }
  const response = await fetch(`${t.url}${path}${query}`, { method: spec.method, headers, body: payload });
  const text = await response.text();
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) {
    return {
      ok: response.ok,
      status: response.status,
      code: undefined,
      message: undefined,
      hasData: false,
      text,
    };
  }
  return outcomeOf(JSON.parse(text) as Result<unknown>, response.status, text);
}
