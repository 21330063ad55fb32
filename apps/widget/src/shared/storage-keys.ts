/** localStorage keys, per widget (and per visitor where the data belongs to one visitor). */
export const storageKeys = {
  session: (widgetId: string) => `switchboard:${widgetId}:session`,
  conversation: (widgetId: string) => `switchboard:${widgetId}:conversation`,
  outbox: (widgetId: string, visitorId: string) => `switchboard:${widgetId}:${visitorId}:outbox`,
  readSeq: (widgetId: string, conversationId: string) => `switchboard:${widgetId}:read:${conversationId}`,
  rated: (widgetId: string, conversationId: string) => `switchboard:${widgetId}:rated:${conversationId}`,
  offlineDraft: (widgetId: string) => `switchboard:${widgetId}:offline-draft`,
};

/** localStorage can throw (privacy modes, full quota, sandboxed frames): the widget then forgets. */
export const safeStorage = {
  get(key: string): string | null {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      window.localStorage.setItem(key, value);
    } catch {
      // Nothing kept: the chat still works for this page view.
    }
  },
  remove(key: string): void {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // see set()
    }
  },
};
