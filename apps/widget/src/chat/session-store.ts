import type { VisitorSession } from '@switchboard/protocol';
import type { VisitorUser } from '../shared/host.js';
import { safeStorage, storageKeys } from '../shared/storage-keys.js';

export interface StoredSession {
  visitorId: string;
  visitorToken: string;
  /** The site's user the session was made for; null for an anonymous visitor. */
  userId: string | null;
}

/**
 * The visitor token, kept per widget in localStorage: it survives reloads and is shared by every
 * tab of the site, so they all are the same visitor with the same conversation.
 */
export class SessionStore {
  constructor(private readonly widgetId: string) {}

  /**
   * The stored session if it belongs to the current user: a signed-in user gets their own, and a
   * signed-out page never continues a signed-in user's chat (a shared computer).
   */
  load(user: VisitorUser | undefined): StoredSession | undefined {
    try {
      const value = JSON.parse(
        safeStorage.get(storageKeys.session(this.widgetId)) ?? 'null',
      ) as StoredSession | null;
      if (!value || typeof value.visitorToken !== 'string' || typeof value.visitorId !== 'string')
        return undefined;
      if (value.userId !== (user?.userId ?? null)) return undefined;
      return value;
    } catch {
      return undefined;
    }
  }

  save(session: VisitorSession, user: VisitorUser | undefined): StoredSession {
    const stored = {
      visitorId: session.visitorId,
      visitorToken: session.visitorToken,
      userId: user?.userId ?? null,
    };
    safeStorage.set(storageKeys.session(this.widgetId), JSON.stringify(stored));
    return stored;
  }

  clear(): void {
    safeStorage.remove(storageKeys.session(this.widgetId));
    safeStorage.remove(storageKeys.conversation(this.widgetId));
  }

  conversationId(): string | null {
    return safeStorage.get(storageKeys.conversation(this.widgetId));
  }

  setConversationId(id: string | null): void {
    if (id) safeStorage.set(storageKeys.conversation(this.widgetId), id);
    else safeStorage.remove(storageKeys.conversation(this.widgetId));
  }
}
