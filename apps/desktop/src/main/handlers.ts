import type { BridgeParsedRequest, BridgeResponse, Channel } from '../shared/bridge.js';
import type { HostPorts } from './host-ports.js';
import { type ManagedServices, managedHandlers } from './managed-handlers.js';
import type { CacheRegistry } from './services/cache-registry.js';
import { isSafeExternalUrl } from './services/external-links.js';
import type { NotificationPolicy } from './services/notification-policy.js';
import type { ServerOrigins } from './services/server-origins.js';
import type { SessionStore } from './services/session-store.js';
import type { SettingsStore } from './services/settings-store.js';

export interface Services extends ManagedServices {
  caches: CacheRegistry;
  sessions: SessionStore;
  settings: SettingsStore;
  policy: NotificationPolicy;
  host: HostPorts;
  origins: ServerOrigins;
}

export type Handler<C extends Channel> = (
  request: BridgeParsedRequest<C>,
) => BridgeResponse<C> | Promise<BridgeResponse<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

/** Every bridge channel's body: plain functions over the services (STYLE 9). */
export function createHandlers(services: Services): Handlers {
  const { caches, sessions, settings, policy, host, managed, origins } = services;
  return {
    ...managedHandlers(services),
    'app:boot': () => {
      const session = sessions.load();
      return {
        settings: settings.load(),
        session,
        snapshot: session
          ? caches.get({ serverUrl: session.serverUrl, userId: session.user.id }).snapshot()
          : null,
      };
    },
    'session:load': () => sessions.load(),
    /** The login screen's server becomes the configured one (CSP, D3); a page without it reloads. */
    'session:choose-server': ({ serverUrl }) => {
      if (!managed.allowsServer(serverUrl)) throw new Error('The server URL is locked by policy.');
      const origin = new URL(serverUrl).origin;
      const current = settings.load();
      if (current.serverUrl !== origin) settings.save({ ...current, serverUrl: origin });
      return { reload: !origins.pageAllows(origin) };
    },
    'session:save': (request) => {
      if (!managed.allowsServer(request.serverUrl)) throw new Error('The server URL is locked by policy.');
      sessions.save(request);
      // The login screen offers it next time (a locked URL is the policy's anyway).
      const origin = new URL(request.serverUrl).origin;
      const current = settings.load();
      if (current.serverUrl !== origin) settings.save({ ...current, serverUrl: origin });
      return {};
    },
    'session:clear': ({ account }) => {
      sessions.clear();
      if (account) caches.wipe(account);
      host.setBadge(0);
      return {};
    },
    'cache:load': (account) => caches.get(account).snapshot(),
    'cache:conversations': ({ offset, limit, ...account }) =>
      caches.get(account).conversations(limit, offset),
    'cache:messages': ({ conversationId, limit, beforeSeq, ...account }) =>
      caches.get(account).messages(conversationId, limit, beforeSeq),
    'cache:put-conversations': ({ conversations, ...account }) =>
      caches.get(account).putConversations(conversations),
    'cache:put-messages': ({ messages, focused, ...account }) =>
      caches.get(account).putMessages(messages, focused),
    'cache:mark-read': ({ conversationId, seq, ...account }) =>
      caches.get(account).markRead(conversationId, seq),
    'cache:search': ({ q, limit, offset, from, to, ...account }) =>
      caches.get(account).search(q, limit, { from, to }, offset),
    'cache:forget-conversations': ({ conversationIds, erasureSeq, ...account }) => {
      caches.get(account).forgetConversations(conversationIds, erasureSeq);
      return {};
    },
    'cache:erasure-seq': (account) => ({ seq: caches.get(account).erasureSeq() }),
    'outbox:enqueue': ({ item, ...account }) => {
      caches.get(account).enqueue(item);
      return {};
    },
    'outbox:ack': ({ clientMsgId, message, ...account }) => caches.get(account).ack(clientMsgId, message),
    'outbox:fail': ({ clientMsgId, error, ...account }) => {
      caches.get(account).fail(clientMsgId, error);
      return {};
    },
    'outbox:list': (account) => caches.get(account).outbox(),
    'drafts:save': ({ draft, ...account }) => {
      caches.get(account).saveDraft(draft);
      return {};
    },
    'tabs:save': ({ tabs, ...account }) => {
      caches.get(account).saveTabs(tabs);
      return {};
    },
    'notify:show': (request) => {
      const decision = policy.decide(request, host.isWindowFocused());
      if (decision.show) {
        host.showNotification({
          title: request.title,
          body: request.body,
          conversationId: request.conversationId,
          urgent: decision.ring,
        });
      }
      if (decision.ring) host.setAttention(true);
      return { shown: decision.show };
    },
    'notify:dismiss': ({ conversationId }) => {
      if (policy.dismiss(conversationId) && policy.ringing().length === 0) host.setAttention(false);
      return {};
    },
    'app:badge': ({ unread }) => {
      host.setBadge(unread);
      return {};
    },
    'app:status': ({ status }) => {
      host.setTrayStatus(status);
      return {};
    },
    'settings:load': () => settings.load(),
    'settings:save': (request) => {
      const saved = settings.save(request.settings);
      host.settingsSaved(saved);
      return saved;
    },
    'app:open-external': ({ url }) => {
      if (!isSafeExternalUrl(url)) return { opened: false };
      host.openExternal(url);
      return { opened: true };
    },
    'clipboard:write-text': ({ text }) => {
      host.writeClipboard(text);
      return { copied: true };
    },
    'window:open-supervisor': () => {
      // The server decides what the window may see; this only spares agents an empty window.
      const role = sessions.load()?.user.role;
      if (role !== 'supervisor' && role !== 'admin') return { opened: false };
      host.openSupervisorWindow();
      return { opened: true };
    },
    'window:show-in-workbench': ({ conversationId }) => {
      // Signed out, the workbench shows its sign-in page: there is no chat to open.
      if (!sessions.load()) return { shown: false };
      host.showInWorkbench(conversationId);
      return { shown: true };
    },
  };
}
