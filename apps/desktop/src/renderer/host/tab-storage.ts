/** This tab's `sessionStorage`, or null where the browser refuses storage (disabled, or a sandboxed frame). */
export function tabStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** Whose entries a key holds: one server and user (SECURITY D13), under a prefix per kind. */
export interface TabAccount {
  serverUrl: string;
  userId: string;
}

export const accountKey = (prefix: string, account: TabAccount) =>
  `${prefix}${account.serverUrl} ${account.userId}`;

/** What `schema` accepts; a schema's own `safeParse` (zod's shape), so this file needs no zod. */
interface Reader<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/**
 * The JSON value kept under `key`, read back through `schema`: storage is a boundary. What does
 * not parse is removed, and null returned, as for nothing kept.
 */
export function readStored<T>(storage: Storage | null, key: string, schema: Reader<T>): T | null {
  const text = storage?.getItem(key);
  if (!text) return null;
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Damaged: removed below.
  }
  const parsed = schema.safeParse(json);
  if (parsed.success && parsed.data !== null) return parsed.data;
  storage?.removeItem(key);
  return null;
}

/**
 * Keeps `value` as JSON under `key`. Storage full or refused: nothing is kept, and the page goes on
 * with what it holds in memory.
 */
export function writeStored(storage: Storage | null, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // See above.
  }
}

/** Removes every key that starts with `prefix`: at sign-out, each account's entries of one kind. */
export function removeStored(storage: Storage | null, prefix: string): void {
  if (!storage) return;
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
    (key): key is string => key?.startsWith(prefix) ?? false,
  );
  for (const key of keys) storage.removeItem(key);
}
