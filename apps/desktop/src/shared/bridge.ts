import { Id, Message, SearchHit, SearchQuery, Seq, User } from '@switchboard/protocol';
import { z } from 'zod';
import { CHANNEL_NAMES, PUSH_NAMES } from './bridge-names.js';
import { CachedConversation, CacheSnapshot, Draft, OutboxItem, TabState } from './cache-schemas.js';
import { FirstAdmin, LocalServerErrorCode, LocalServerStatus, PolicyView, UpdateStatus } from './managed.js';
import { Settings } from './settings.js';

/**
 * THE bridge between the renderer and its host (Electron main, or the browser implementation).
 * Each channel: the request schema main parses (SECURITY D5) and the response schema.
 * Add a channel here, a handler in src/main/handlers.ts, and (browser) in renderer/host/browser-bridge.ts.
 */
const Ok = z.object({});
const ServerUrl = z.url({ protocol: /^https?$/ }).max(2048);
/** Which cache file: one per server origin and user (SECURITY D13). */
const Account = z.strictObject({ serverUrl: ServerUrl, userId: Id });

const StoredSession = z.object({ serverUrl: ServerUrl, user: User, refreshToken: z.string() });

export const bridgeChannels = {
  /** Everything the first paint needs in one round trip: settings, the stored session, its cache. */
  'app:boot': {
    request: z.strictObject({}),
    response: z.object({
      settings: Settings,
      session: StoredSession.nullable(),
      snapshot: CacheSnapshot.nullable(),
    }),
  },
  'session:load': { request: z.strictObject({}), response: StoredSession.nullable() },
  'session:choose-server': {
    request: z.strictObject({ serverUrl: ServerUrl }),
    response: z.object({ reload: z.boolean() }),
  },
  'session:save': {
    request: z.strictObject({ serverUrl: ServerUrl, user: User, refreshToken: z.string().min(16).max(512) }),
    response: Ok,
  },
  /** Forget the tokens and wipe the account's cache. */
  'session:clear': { request: z.strictObject({ account: Account.nullable() }), response: Ok },
  'cache:load': { request: Account, response: CacheSnapshot },
  'cache:conversations': {
    request: z.strictObject({
      ...Account.shape,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(5000),
    }),
    response: z.array(CachedConversation),
  },
  'cache:messages': {
    request: z.strictObject({
      ...Account.shape,
      conversationId: Id,
      limit: z.number().int().min(1).max(20_000),
      /** Only messages older than this seq: the page above the ones shown. */
      beforeSeq: z.number().int().min(1).optional(),
    }),
    response: z.array(Message),
  },
  'cache:put-conversations': {
    request: z.strictObject({
      ...Account.shape,
      conversations: z.array(CachedConversation.shape.conversation).max(1000),
    }),
    response: z.array(CachedConversation),
  },
  'cache:put-messages': {
    request: z.strictObject({
      ...Account.shape,
      messages: z.array(Message).max(1000),
      /** The conversation's tab is in front: its new messages are read at once. */
      focused: z.boolean(),
    }),
    response: z.array(CachedConversation),
  },
  'cache:mark-read': {
    request: z.strictObject({ ...Account.shape, conversationId: Id, seq: Seq }),
    response: CachedConversation.nullable(),
  },
  /** Offline search over the cached messages; `q` and the period as the server's search reads them. */
  'cache:search': {
    request: z.strictObject({
      ...Account.shape,
      q: SearchQuery.shape.q,
      limit: z.number().int().min(1).max(50),
      /** Hits to pass over: the next page starts after those shown. */
      offset: z.number().int().min(0).max(10_000).optional(),
      from: SearchQuery.shape.from,
      to: SearchQuery.shape.to,
    }),
    response: z.array(SearchHit),
  },
  /**
   * Erased conversations (an admin erased their visitor) leave the cache with everything of
   * theirs; `erasureSeq`, when given, is kept as how far through the server's erasures it is.
   */
  'cache:forget-conversations': {
    request: z.strictObject({
      ...Account.shape,
      conversationIds: z.array(Id).max(1000),
      erasureSeq: z.number().int().nonnegative().optional(),
    }),
    response: Ok,
  },
  /** The `erasureSeq` last kept (0: none), asked for with it as `after` on connecting. */
  'cache:erasure-seq': { request: Account, response: z.object({ seq: z.number().int().nonnegative() }) },
  'outbox:enqueue': { request: z.strictObject({ ...Account.shape, item: OutboxItem }), response: Ok },
  /** The message leaves the outbox for the timeline; answers with its conversation's new row. */
  'outbox:ack': {
    request: z.strictObject({ ...Account.shape, clientMsgId: Id, message: Message }),
    response: z.array(CachedConversation),
  },
  'outbox:fail': {
    request: z.strictObject({ ...Account.shape, clientMsgId: Id, error: z.string().max(500) }),
    response: Ok,
  },
  'outbox:list': { request: Account, response: z.array(OutboxItem) },
  'drafts:save': { request: z.strictObject({ ...Account.shape, draft: Draft }), response: Ok },
  'tabs:save': { request: z.strictObject({ ...Account.shape, tabs: TabState }), response: Ok },
  'notify:show': {
    request: z.strictObject({
      kind: z.enum(['offer', 'assigned', 'queued', 'left', 'message', 'escalated', 'test']),
      conversationId: Id.nullable(),
      title: z.string().max(200),
      body: z.string().max(500),
      /** Whether the conversation's tab is the one the agent is looking at. */
      tabFocused: z.boolean(),
    }),
    response: z.object({ shown: z.boolean() }),
  },
  /** Stop ringing for a conversation (accepted, opened, taken by someone else). */
  'notify:dismiss': { request: z.strictObject({ conversationId: Id }), response: Ok },
  'app:badge': {
    request: z.strictObject({ unread: z.number().int().nonnegative().max(1_000_000) }),
    response: Ok,
  },
  'app:status': {
    request: z.strictObject({ status: z.enum(['online', 'away', 'offline']) }),
    response: Ok,
  },
  'settings:load': { request: z.strictObject({}), response: Settings },
  'settings:save': { request: z.strictObject({ settings: Settings }), response: Settings },
  /** Managed policy: locked settings, the organization's server, ignored invalid values. */
  'policy:load': { request: z.strictObject({}), response: PolicyView },
  'updates:status': { request: z.strictObject({}), response: UpdateStatus },
  /** Checks the feed now (when updates are on); answers with the new status. */
  'updates:check': { request: z.strictObject({}), response: UpdateStatus },
  /** Installs a downloaded update now and restarts into it; `restarting: false` when none is ready. */
  'updates:install': { request: z.strictObject({}), response: z.object({ restarting: z.boolean() }) },
  'local-server:status': { request: z.strictObject({}), response: LocalServerStatus },
  /** "Run the server on this computer"; a new server needs its first admin. */
  'local-server:start': {
    request: z.strictObject({ firstAdmin: FirstAdmin.nullable() }),
    response: z.object({
      status: LocalServerStatus,
      error: z.object({ code: LocalServerErrorCode, message: z.string().max(1000) }).nullable(),
    }),
  },
  'local-server:stop': { request: z.strictObject({}), response: LocalServerStatus },
  'app:open-external': {
    request: z.strictObject({ url: z.string().max(2048) }),
    response: z.object({ opened: z.boolean() }),
  },
  /** Text the user asked to copy (a widget's embed code); `copied: false` where the host cannot. */
  'clipboard:write-text': {
    request: z.strictObject({ text: z.string().min(1).max(10_000) }),
    response: z.object({ copied: z.boolean() }),
  },
  /** The supervisor window (supervisors and admins only); the browser shows the route instead. */
  'window:open-supervisor': { request: z.strictObject({}), response: z.object({ opened: z.boolean() }) },
  /**
   * From the supervisor window: bring the workbench forward with this chat open (after a
   * takeover). The browser has one page, which navigates itself instead.
   */
  'window:show-in-workbench': {
    request: z.strictObject({ conversationId: Id }),
    response: z.object({ shown: z.boolean() }),
  },
} as const;

export type BridgeChannels = typeof bridgeChannels;
export type Channel = keyof BridgeChannels;
export type BridgeRequest<C extends Channel> = z.input<BridgeChannels[C]['request']>;
/** The request as the handler receives it, after main parsed it. */
export type BridgeParsedRequest<C extends Channel> = z.output<BridgeChannels[C]['request']>;
export type BridgeResponse<C extends Channel> = z.output<BridgeChannels[C]['response']>;
export const channelNames: readonly Channel[] = CHANNEL_NAMES;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Fails to compile when bridge-names.ts and the maps drift apart.
const namesMatch: [Same<Channel, (typeof CHANNEL_NAMES)[number]>, Same<Push, (typeof PUSH_NAMES)[number]>] = [
  true,
  true,
];
void namesMatch;

/** Pushes from the host to the renderer. */
export const bridgePushes = {
  'notification:clicked': z.object({ conversationId: Id.nullable() }),
  'deep-link': z.object({ view: z.literal('conversation'), conversationId: Id }),
  'os:idle': z.object({ idle: z.boolean(), reason: z.enum(['idle', 'screen-locked']) }),
  'tray:status': z.object({ status: z.enum(['online', 'away', 'offline']) }),
  /** The supervisor window asked for this chat in the workbench (`window:show-in-workbench`). */
  'workbench:show-conversation': z.object({ conversationId: Id }),
} as const;
export type BridgePushes = typeof bridgePushes;
export type Push = keyof BridgePushes;
export type PushPayload<P extends Push> = z.output<BridgePushes[P]>;
export const pushNames: readonly Push[] = PUSH_NAMES;

/** What the host can do; the renderer knows nothing else about where it runs. */
export interface Capabilities {
  tray: boolean;
  badge: boolean;
  /**
   * Notifications are the browser's (Web Notifications): nothing shows until the site is allowed,
   * so the workbench asks. False in the desktop app, whose notifications are the OS's.
   */
  webNotifications: boolean;
  durableCache: boolean;
}

type Invokers = { [C in Channel]: (request: BridgeRequest<C>) => Promise<BridgeResponse<C>> };

/** `window.switchboard`: one typed function per channel, one subscription per push (D4). */
export interface SwitchboardBridge extends Invokers {
  capabilities: Capabilities;
  /** Returns the unsubscribe function. */
  on<P extends Push>(push: P, listener: (payload: PushPayload<P>) => void): () => void;
}
