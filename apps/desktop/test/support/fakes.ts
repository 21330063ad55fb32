import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Conversation, Message } from '@switchboard/protocol';
import { createHandlers } from '../../src/main/handlers.js';
import type { HostPorts, ShownNotification } from '../../src/main/host-ports.js';
import { CacheRegistry } from '../../src/main/services/cache-registry.js';
import { LocalServer, type LocalServerOptions } from '../../src/main/services/local-server/local-server.js';
import { NotificationPolicy } from '../../src/main/services/notification-policy.js';
import { ManagedPolicy } from '../../src/main/services/policy/managed-policy.js';
import type { ResolvedPolicy } from '../../src/main/services/policy/resolve-policy.js';
import { ServerOrigins } from '../../src/main/services/server-origins.js';
import { type SecretBox, SessionStore } from '../../src/main/services/session-store.js';
import { SettingsStore } from '../../src/main/services/settings-store.js';
import { UpdateService } from '../../src/main/services/updates/update-service.js';
import type { OutboxItem } from '../../src/shared/cache-schemas.js';
import type { Settings } from '../../src/shared/settings.js';

export function tempDir(prefix = 'switchboard-desktop-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Stands in for safeStorage: reversible, and never the plaintext (so a test can look for leaks). */
export class FakeSecretBox implements SecretBox {
  constructor(readonly available = true) {}
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  encryptString(plain: string): Buffer {
    return Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a));
  }
  decryptString(encrypted: Buffer): string {
    return Buffer.from(encrypted.map((b) => b ^ 0x5a)).toString('utf8');
  }
}

/** Electron's own APIs (Notification, badge, tray, shell) as a recording fake. */
export class RecordingHost implements HostPorts {
  notifications: ShownNotification[] = [];
  badges: number[] = [];
  trayStatuses: string[] = [];
  opened: string[] = [];
  focused = false;
  showNotification(notification: ShownNotification): void {
    this.notifications.push(notification);
  }
  setBadge(unread: number): void {
    this.badges.push(unread);
  }
  attention: boolean[] = [];
  setAttention(wanted: boolean): void {
    this.attention.push(wanted);
  }
  setTrayStatus(status: 'online' | 'away' | 'offline'): void {
    this.trayStatuses.push(status);
  }
  isWindowFocused(): boolean {
    return this.focused;
  }
  openExternal(url: string): void {
    this.opened.push(url);
  }
  clipboard: string[] = [];
  writeClipboard(text: string): void {
    this.clipboard.push(text);
  }
  supervisorWindows = 0;
  openSupervisorWindow(): void {
    this.supervisorWindows++;
  }
  shownInWorkbench: string[] = [];
  showInWorkbench(conversationId: string): void {
    this.shownInWorkbench.push(conversationId);
  }
  savedSettings: Settings[] = [];
  settingsSaved(settings: Settings): void {
    this.savedSettings.push(settings);
  }
}

/**
 * The real main-process services over a data directory, with recording fakes for Electron. Unless
 * a test passes a way to spawn it, the local server's process cannot start here.
 */
export function mainServices(
  dataDir: string,
  options: {
    policy?: ResolvedPolicy;
    localServer?: Partial<LocalServerOptions>;
    updates?: UpdateService;
  } = {},
) {
  const policy = options.policy ?? { values: {}, from: {}, issues: [] };
  const host = new RecordingHost();
  const managed = new ManagedPolicy(policy);
  const sessions = new SessionStore(dataDir, new FakeSecretBox());
  const settings = new SettingsStore(dataDir, managed.locks);
  const services = {
    caches: new CacheRegistry(path.join(dataDir, 'caches')),
    sessions,
    settings,
    // As main builds it; the test page's CSP is its server's, so nothing is recorded as served.
    origins: new ServerOrigins(() => [sessions.load()?.serverUrl, settings.load().serverUrl]),
    policy: new NotificationPolicy(),
    host,
    managed,
    updates:
      options.updates ??
      new UpdateService(
        () => ({ check: false, reason: 'not-packaged' }),
        () => {
          throw new Error('updates are off in tests');
        },
        { autoDownload: false, log: () => undefined },
      ),
    localServer: new LocalServer({
      directory: path.join(dataDir, 'local-server'),
      modulePath: 'none',
      spawn: () => {
        throw new Error('no local server process in this test');
      },
      allowed: policy.values.AllowLocalServer ?? true,
      workbenchOrigins: [],
      logLevel: 'warn',
      log: () => undefined,
      ...options.localServer,
    }),
  };
  return { services, host, handlers: createHandlers(services) };
}

let counter = 0;
export function conversation(overrides: Partial<Conversation> = {}): Conversation {
  const now = new Date(Date.UTC(2026, 0, 1, 9, 0, counter++)).toISOString();
  return {
    id: crypto.randomUUID(),
    status: 'assigned',
    teamId: null,
    assignee: null,
    visitor: { id: crypto.randomUUID(), name: 'Vera', verified: false },
    attributes: {},
    priority: 'normal',
    tags: [],
    lastSeq: 0,
    createdAt: now,
    queuedAt: null,
    updatedAt: now,
    resolvedAt: null,
    replyTo: null,
    lastMessage: null,
    ...overrides,
  };
}

export function message(
  conversationId: string,
  seq: number,
  from: { kind: 'visitor' | 'agent'; id: string },
  body = `m${seq}`,
): Message {
  return {
    conversationId,
    seq,
    clientMsgId: crypto.randomUUID(),
    sender: { kind: from.kind, id: from.id, name: from.kind === 'agent' ? 'Alice' : 'Vera' },
    body,
    visibility: 'all',
    attachment: null,
    createdAt: new Date(Date.UTC(2026, 0, 1, 10, 0, seq)).toISOString(),
  };
}

/** A reply written and not yet acked by the server. */
export function outboxItem(
  conversationId: string,
  body: string,
  createdAt = new Date().toISOString(),
): OutboxItem {
  return {
    clientMsgId: crypto.randomUUID(),
    conversationId,
    body,
    visibility: 'all',
    attachment: null,
    status: 'pending',
    error: null,
    createdAt,
  };
}
